// Traversals on a small random model: frame count, Euler steps of the fields at the slab speeds, and
// dependence on primitive and speed.
#include "core/export/export_error.h"
#include "core/export/traversal.h"
#include "core/model/sta_model.h"
#include "support/error_message.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <random>

using sta::exporting::ExportError;
using sta::exporting::single_primitive_slabs;
using sta::exporting::traverse;
using sta::model::Engine;

namespace {

Engine small_engine() {
  torch::manual_seed(3);
  sta::model::ModelConfig config;
  config.latent_dim = 6;
  config.primitives = 3;
  config.steps = 4;
  config.base_channels = 8;
  config.dense = 32;
  config.potential_hidden = 16;
  auto model = std::make_shared<sta::model::StaModelImpl>(config);
  model->eval();
  return Engine(model);
}

sta::Image start_frame(int size) {
  std::mt19937 random(size);
  std::uniform_real_distribution<float> uniform(0.0f, 1.0f);
  sta::Image frame(size, size);
  for (float& value : frame.values) value = uniform(random);
  return frame;
}

double max_difference(const sta::Image& a, const sta::Image& b) {
  double largest = 0.0;
  for (size_t i = 0; i < a.values.size(); ++i) largest = std::max(largest, double(std::fabs(a.values[i] - b.values[i])));
  return largest;
}

}  // namespace

TEST_CASE("a traversal has N+1 frames of the model's size, starting from the decoded start frame") {
  const Engine engine = small_engine();
  const sta::Image start = start_frame(28);
  const auto traversal = traverse(engine, start, single_primitive_slabs(3, 1, 1.5f), 6);
  REQUIRE(traversal.latents.size() == 7);
  REQUIRE(traversal.frames.size() == 7);
  for (const sta::Image& frame : traversal.frames) CHECK(frame.same_size(28, 28));
  const auto z0 = engine.encode({start}).front();
  CHECK(traversal.latents.front() == z0);
  CHECK(max_difference(traversal.frames.front(), engine.decode({z0}).front()) < 1e-6);
  CHECK(traverse(engine, start, {0.f, 0.f, 1.f}, 0).frames.size() == 1);
}

TEST_CASE("each traversal step is z_t = z_{t-1} + sum_k g_k v_k(z_{t-1}, t)") {
  const Engine engine = small_engine();
  const std::vector<float> slabs = {0.7f, -1.2f, 0.4f};
  const auto traversal = traverse(engine, start_frame(28), slabs, 4);
  for (size_t t = 1; t < traversal.latents.size(); ++t) {
    CAPTURE(t);
    std::vector<std::vector<float>> velocity;
    engine.fields(sta::model::FieldPart::Whole, static_cast<double>(t), traversal.latents[t - 1], velocity);
    for (int d = 0; d < engine.latent_dim(); ++d) {
      float expected = traversal.latents[t - 1][d];
      for (int k = 0; k < 3; ++k) expected += slabs[k] * velocity[k][d];
      CHECK(traversal.latents[t][d] == doctest::Approx(expected).epsilon(1e-4));
    }
  }
}

TEST_CASE("with every speed 0 the traversal stays at the start, and other speeds move it differently") {
  const Engine engine = small_engine();
  const sta::Image start = start_frame(28);
  const auto still = traverse(engine, start, {0.f, 0.f, 0.f}, 3);
  for (const auto& z : still.latents) CHECK(z == still.latents.front());

  // Each pair differs in its end point and, through the decoder, in its last frame.
  const auto end_of = [&](const std::vector<float>& slabs) { return traverse(engine, start, slabs, 3); };
  const auto first_forward = end_of(single_primitive_slabs(3, 0, 2.f));
  const auto first_backward = end_of(single_primitive_slabs(3, 0, -2.f));
  const auto second_forward = end_of(single_primitive_slabs(3, 1, 2.f));
  const auto distance = [](const sta::model::Latent& a, const sta::model::Latent& b) {
    double sum = 0.0;
    for (size_t d = 0; d < a.size(); ++d) sum += (a[d] - b[d]) * (a[d] - b[d]);
    return std::sqrt(sum);
  };
  // Scale-free: an untrained model's fields are short, so compare with how far the traversal moved.
  const double moved = distance(first_forward.latents.back(), still.latents.back());
  CHECK(moved > 1e-4);
  for (const auto* other : {&still, &first_backward, &second_forward}) {
    CHECK(distance(first_forward.latents.back(), other->latents.back()) > 0.1 * moved);
    CHECK(max_difference(first_forward.frames.back(), other->frames.back()) > 1e-5);
  }
}

TEST_CASE("traverse refuses arguments that do not fit the model") {
  const Engine engine = small_engine();
  const sta::Image start = start_frame(28);
  const auto message = [&](const sta::Image& frame, const std::vector<float>& slabs, int steps) {
    return sta::test::error_message<ExportError>([&] { traverse(engine, frame, slabs, steps); });
  };
  CHECK(message(start, {1.f, 0.f}, 3) == "expected 3 slab values (one per primitive), got 2");
  CHECK(message(start_frame(32), {1.f, 0.f, 0.f}, 3).find("must be a 28x28 RGB image") != std::string::npos);
  CHECK(message(start, {1.f, 0.f, 0.f}, -1).find("step count -1") != std::string::npos);
  CHECK(message(start, {NAN, 0.f, 0.f}, 3) == "slab of primitive 0 is not a finite number");
  CHECK(sta::test::error_message<ExportError>([] { single_primitive_slabs(3, 3, 1.f); }) ==
        "primitive 3 is out of range: the model has 3 primitives (0..2)");
}
