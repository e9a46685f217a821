// Decoded traversals: what the model does to a frame when its primitives act with fixed speeds. Used by
// `sta export traversal` and the studio's composer; torch-free (goes through model::Engine).
#pragma once

#include "core/model/engine.h"


#include <vector>

namespace sta::exporting {

// Encodes the start frame to z_0, rolls out z_t = z_{t-1} + sum_k g_k v_k(z_{t-1}, t) for t = 1..N
// with the same slab vector g at every step, and decodes z_0..z_N.
struct Traversal {
  std::vector<model::Latent> latents;  // z_0..z_N
  std::vector<Image> frames;           // decoded z_0..z_N, RGB [0, 1]; frame 0 is the decoded start
};

// start: RGB [0, 1] of the model's image size; slabs: K speeds (negative runs a
// primitive backwards); steps: N >= 0. Throws ExportError on a bad argument.
Traversal traverse(const model::Engine& engine, const Image& start, const std::vector<float>& slabs, int steps);
// The same from an encoded latent z0, with step s using time t0 + s (the studio's composer
// starts from the cursor frame's latent at its time).
Traversal traverse_from(const model::Engine& engine, const model::Latent& z0, const std::vector<float>& slabs,
                        int steps, int t0 = 0);

// K speeds with `speed` for primitive k and 0 for the others; throws ExportError if k is out of range.
std::vector<float> single_primitive_slabs(int primitives, int k, float speed);

}  // namespace sta::exporting
