// The decoder's upsampled convolution equals nearest upsampling followed by a 3x3 convolution, in
// values and in every gradient; the decoder of a size that does not double still decodes, and one
// with a full-size head returns what its layers compute one by one.
#include "core/model/sta_model.h"
#include "core/model/upsampled_conv.h"
#include "support/model_fixture.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace sta;

namespace {

torch::Tensor upsample_then_conv(const torch::Tensor& x, const torch::Tensor& weight, const torch::Tensor& bias) {
  namespace F = torch::nn::functional;
  auto up = F::interpolate(x, F::InterpolateFuncOptions()
                                  .size(std::vector<int64_t>{2 * x.size(2), 2 * x.size(3)})
                                  .mode(torch::kNearest));
  return torch::conv2d(up, weight, bias, 1, 1);
}

}  // namespace

TEST_CASE("the upsampled convolution gives the values and gradients of upsampling then convolving") {
  torch::manual_seed(3);
  const auto options = torch::dtype(torch::kDouble).requires_grad(true);
  auto x = torch::randn({2, 5, 7, 6}, options);  // not square: rows and columns are kept apart
  auto weight = torch::randn({4, 5, 3, 3}, options), bias = torch::randn({4}, options);
  auto fused = model::upsampled_conv(x, weight, bias);
  auto reference = upsample_then_conv(x, weight, bias);
  REQUIRE(fused.sizes() == torch::IntArrayRef({2, 4, 14, 12}));
  CHECK(torch::allclose(fused, reference, 1e-12, 1e-12));

  auto probe = torch::randn_like(reference);  // a loss that weighs every output pixel differently
  auto gradients = [&](const torch::Tensor& out) { return torch::autograd::grad({(out * probe).sum()}, {x, weight, bias}); };
  const auto got = gradients(fused), want = gradients(reference);
  for (size_t i = 0; i < got.size(); ++i) CHECK(torch::allclose(got[i], want[i], 1e-12, 1e-12));
}

TEST_CASE("a decoder whose stages do not all double (30 px) decodes at its size") {
  torch::manual_seed(4);
  auto config = test::tiny_config().model;
  config.image_size = 30;
  const auto sizes = config.stage_sizes();  // 30, 15, 8, ...: 8 -> 15 is not a doubling
  REQUIRE(std::adjacent_find(sizes.begin(), sizes.end(), [](int a, int b) { return a != 2 * b; }) != sizes.end());
  model::StaModel m(config);
  auto frames = m->decode(torch::randn({3, config.latent_dim}));
  CHECK(frames.sizes() == torch::IntArrayRef({3, config.channels, 30, 30}));
  CHECK(torch::isfinite(frames).all().item<bool>());
}

TEST_CASE("a decoder with a full-size head decodes, in the usual layout, what its layers compute one by one") {
  torch::manual_seed(5);
  auto config = test::tiny_config().model;
  config.decoder_head_channels = 4;  // its last map runs channels-last (networks.cpp)
  model::StaModel m(config);
  auto p = m->named_parameters();
  auto z = torch::randn({6, config.latent_dim}, torch::requires_grad());
  auto decoded = m->decode_logits(z);
  CHECK(decoded.is_contiguous());  // callers view it as [B, T+1, ...]

  auto h = torch::relu(torch::linear(z, p["decoder.dense.weight"], p["decoder.dense.bias"]));
  h = torch::relu(torch::linear(h, p["decoder.project.weight"], p["decoder.project.bias"]));
  const int last = config.stage_sizes().back();
  h = h.view({z.size(0), -1, last, last});
  for (size_t i = 0; i + 1 < config.stage_sizes().size(); ++i) {
    const auto conv = "decoder.convs." + std::to_string(i);
    h = torch::relu(upsample_then_conv(h, p[conv + ".weight"], p[conv + ".bias"]));
  }
  auto reference = torch::conv2d(h, p["decoder.out.weight"], p["decoder.out.bias"], 1, 1);
  REQUIRE(decoded.sizes() == reference.sizes());
  CHECK(torch::allclose(decoded, reference, 1e-4, 1e-5));
  auto probe = torch::randn_like(reference);
  auto grad = [&](const torch::Tensor& out) { return torch::autograd::grad({(out * probe).sum()}, {z})[0]; };
  CHECK(torch::allclose(grad(decoded), grad(reference), 1e-4, 1e-5));
}
