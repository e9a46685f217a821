// Latent roll-out: shapes, devices, and agreement with one explicit Euler step.
#include "core/model/sta_model.h"
#include "support/model_fixture.h"

#include <doctest/doctest.h>

using namespace sta;

TEST_CASE("roll-out has the documented shapes and stays on the model's device") {
  torch::manual_seed(0);
  auto config = test::tiny_config().model;
  std::vector<torch::Device> devices{torch::kCPU};
  if (torch::cuda::is_available()) devices.emplace_back(torch::kCUDA);
  for (const auto& device : devices) {
    model::StaModel m(config);
    m->to(device);
    auto z0 = torch::randn({5, config.latent_dim}, device);
    auto g = torch::rand({5, 4, config.primitives}, device);
    auto roll = m->rollout(z0, g, model::Trace::Hutchinson);
    CHECK(roll.z.sizes() == torch::IntArrayRef({5, 5, config.latent_dim}));
    CHECK(roll.log_density.sizes() == torch::IntArrayRef({5, 4}));
    CHECK(roll.hj_residual.sizes() == torch::IntArrayRef({5, 4, config.primitives}));
    CHECK(roll.z.device() == device);
    CHECK(torch::equal(roll.z.select(1, 0), z0));
  }
}

TEST_CASE("one roll-out step is z + sum_k g_k v_k(z, t) and zero speeds leave z in place") {
  torch::manual_seed(1);
  auto config = test::tiny_config().model;
  model::StaModel m(config);
  auto z0 = torch::randn({3, config.latent_dim});
  auto g = torch::rand({3, 1, config.primitives});
  auto roll = m->rollout(z0, g, model::Trace::Exact, 2);
  auto field = m->flow()->evaluate(z0, 3.0, model::Trace::Exact);
  auto expected = z0 + torch::einsum("bk,kbd->bd", {g.select(1, 0), field.velocity()});
  CHECK(torch::allclose(roll.z.select(1, 1), expected, 1e-5, 1e-6));
  // The density changes by -sum_k g_k lap(u_k): only the curl-free part changes volume.
  auto density = -(g.select(1, 0) * field.laplacian.t()).sum(-1);
  CHECK(torch::allclose(roll.log_density.select(1, 0), density, 1e-5, 1e-6));

  auto still = m->rollout(z0, torch::zeros({3, 6, config.primitives}), model::Trace::None);
  for (int t = 0; t <= 6; ++t) CHECK(torch::equal(still.z.select(1, t), z0));
}

TEST_CASE("encoder, decoder and pair network handle both frame sizes") {
  for (int size : {28, 64}) {
    auto config = test::tiny_config().model;
    config.image_size = size;
    model::StaModel m(config);
    auto frames = torch::rand({2, 3, 3, size, size});
    auto q = m->encode(frames.select(1, 0));
    CHECK(q.mean.sizes() == torch::IntArrayRef({2, config.latent_dim}));
    auto decoded = m->decode(q.mean);
    CHECK(decoded.sizes() == torch::IntArrayRef({2, 3, size, size}));
    CHECK(decoded.min().item<float>() >= 0);
    CHECK(decoded.max().item<float>() <= 1);
    auto posterior = m->infer(frames);
    CHECK(posterior.spike_logits.sizes() == torch::IntArrayRef({2, 2, config.primitives}));
    CHECK(posterior.slab_scale.min().item<float>() > 0);
  }
}
