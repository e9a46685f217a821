// Decoded traversals through the model's flow (see traversal.h).
#include "core/export/traversal.h"

#include "core/export/export_error.h"

#include <cmath>
#include <string>

namespace sta::exporting {

namespace {

constexpr int kMaxSteps = 10000;

}  // namespace

Traversal traverse(const model::Engine& engine, const Image& start, const std::vector<float>& slabs, int steps) {
  const int size = engine.config().image_size;
  if (!start.same_size(size, size))
    throw ExportError("the start frame must be a " + std::to_string(size) + "x" + std::to_string(size) +
                      " RGB image for this model (got " + std::to_string(start.cols) + "x" + std::to_string(start.rows) + ")");
  return traverse_from(engine, engine.encode({start}).front(), slabs, steps);
}

Traversal traverse_from(const model::Engine& engine, const model::Latent& z0, const std::vector<float>& slabs,
                        int steps, int t0) {
  if (static_cast<int>(slabs.size()) != engine.primitives())
    throw ExportError("expected " + std::to_string(engine.primitives()) + " slab values (one per primitive), got " +
                      std::to_string(slabs.size()));
  for (size_t k = 0; k < slabs.size(); ++k) {
    if (!std::isfinite(slabs[k])) throw ExportError("slab of primitive " + std::to_string(k) + " is not a finite number");
  }
  if (steps < 0 || steps > kMaxSteps)
    throw ExportError("step count " + std::to_string(steps) + " is out of range (0.." + std::to_string(kMaxSteps) + ")");

  Traversal out;
  out.latents = engine.rollout(z0, std::vector<std::vector<float>>(steps, slabs), t0);
  out.frames = engine.decode(out.latents);
  return out;
}

std::vector<float> single_primitive_slabs(int primitives, int k, float speed) {
  if (k < 0 || k >= primitives)
    throw ExportError("primitive " + std::to_string(k) + " is out of range: the model has " + std::to_string(primitives) +
                      " primitives (0.." + std::to_string(primitives - 1) + ")");
  std::vector<float> slabs(primitives, 0.0f);
  slabs[k] = speed;
  return slabs;
}

}  // namespace sta::exporting
