// Exactness of the flow primitives: analytic gradients and Laplacians match autograd, the
// divergence-free part has zero divergence, and the curl-free part has a symmetric Jacobian.
#include "core/eval/metrics.h"
#include "core/model/flow_field.h"
#include "core/model/scalar_mlps.h"

#include <doctest/doctest.h>

using namespace sta::model;

namespace {

double relative_divergence(const torch::Tensor& jac) {
  auto div = jac.diagonal(0, 1, 2).sum(-1).abs();
  auto scale = jac.flatten(1).norm(2, 1);
  return (div / scale).max().item<double>();
}

}  // namespace

TEST_CASE("analytic gradient and Laplacian of the stacked MLPs match autograd") {
  torch::manual_seed(1);
  ScalarMlps mlps(3, 7, 5, 16);
  mlps->to(torch::kDouble);
  auto x = torch::randn({3, 4, 7}, torch::kDouble).requires_grad_(true);
  auto pass = mlps->pass(x);
  auto auto_grad = torch::autograd::grad({mlps->value(x).sum()}, {x}, {}, true, true)[0];
  CHECK(torch::allclose(pass.grad, auto_grad, 1e-10, 1e-12));

  // Trace of the Hessian over the first 5 inputs, by differentiating the gradient again.
  auto lap = torch::zeros({3, 4}, torch::kDouble);
  for (int i = 0; i < 5; ++i) {
    auto second = torch::autograd::grad({auto_grad.select(-1, i).sum()}, {x}, {}, true)[0];
    lap += second.select(-1, i);
  }
  CHECK(torch::allclose(mlps->laplacian(mlps->pass(x)), lap, 1e-9, 1e-11));

  // Hutchinson with Rademacher probes is unbiased: its mean approaches the exact trace.
  auto estimate = torch::zeros({3, 4}, torch::kDouble);
  const int probes = 4000;
  for (int i = 0; i < probes; ++i) {
    auto v = torch::randint(0, 2, {3, 4, 5}, torch::kDouble) * 2 - 1;
    estimate += mlps->laplacian_estimate(pass, v).detach();
  }
  estimate /= probes;
  auto exact = lap.detach();
  CHECK((estimate - exact).abs().max().item<double>() < 0.1 * exact.abs().max().item<double>() + 1e-3);
}

namespace {

enum class Family { Linear, Mlp, Both };

// Flow primitives of one family; with both, the gates are opened so that the MLP parts count,
// and every linear parameter is drawn at unit scale so that each part is far from zero.
FlowField make_flow(Family family, int k, int d, int hidden) {
  sta::model::ModelConfig c;
  c.primitives = k;
  c.latent_dim = d;
  c.potential_hidden = hidden;
  c.linear_fields = family != Family::Mlp;
  c.mlp_fields = family != Family::Linear;
  FlowField flow(c);
  torch::NoGradGuard no_grad;
  auto params = flow->named_parameters();
  for (const char* name : {"drift", "skew", "symmetric"})
    if (auto* p = params.find(name)) p->normal_();
  if (auto* gates = params.find("gates")) gates->copy_(torch::tensor({0.7, -0.4}));
  return flow;
}

}  // namespace

TEST_CASE("divergence-free part has zero divergence and the curl-free part a symmetric Jacobian") {
  torch::manual_seed(2);
  const int k = 3, d = 6;
  for (Family family : {Family::Linear, Family::Mlp, Family::Both}) {
    CAPTURE(static_cast<int>(family));
    FlowField flow = make_flow(family, k, d, 32);
    auto z32 = torch::randn({16, d});
    for (int p = 0; p < k; ++p) {  // single precision
      auto r = [&](const torch::Tensor& x) { return flow->evaluate(x, 1.0, Trace::None).div_free[p]; };
      CHECK(relative_divergence(sta::eval::pointwise_jacobian(r, z32)) < 1e-4);
    }
    flow->to(torch::kDouble);
    auto z = torch::randn({16, d}, torch::kDouble);
    for (int p = 0; p < k; ++p) {
      auto r = [&](const torch::Tensor& x) { return flow->evaluate(x, 3.0, Trace::None).div_free[p]; };
      auto jr = sta::eval::pointwise_jacobian(r, z);
      CHECK(relative_divergence(jr) < 1e-9);
      // The field is not trivially zero.
      CHECK(jr.abs().max().item<double>() > 1e-3);

      auto g = [&](const torch::Tensor& x) { return flow->evaluate(x, 3.0, Trace::None).curl_free[p]; };
      auto jg = sta::eval::pointwise_jacobian(g, z);
      auto asym = (jg - jg.transpose(1, 2)).flatten(1).norm(2, 1) / jg.flatten(1).norm(2, 1);
      CHECK(asym.max().item<double>() < 1e-9);
      // Its divergence is the Laplacian the density update uses.
      auto lap = flow->evaluate(z, 3.0, Trace::Exact).laplacian[p];
      CHECK(torch::allclose(jg.diagonal(0, 1, 2).sum(-1), lap, 1e-8, 1e-10));
    }
  }
}

TEST_CASE("the curl-free part and the time derivative are the derivatives of the potential") {
  torch::manual_seed(3);
  for (Family family : {Family::Linear, Family::Mlp, Family::Both}) {
    CAPTURE(static_cast<int>(family));
    FlowField flow = make_flow(family, 2, 4, 16);
    flow->to(torch::kDouble);
    auto z = torch::randn({5, 4}, torch::kDouble);
    const double t = 2.5, h = 1e-5;
    auto sample = flow->evaluate(z, t, Trace::None);
    auto numeric = (flow->potential(z, t + h) - flow->potential(z, t - h)) / (2 * h);
    CHECK(torch::allclose(sample.dudt, numeric, 1e-6, 1e-8));
    auto zg = z.clone().requires_grad_(true);
    for (int k = 0; k < 2; ++k) {
      auto grad = torch::autograd::grad({flow->potential(zg, t)[k].sum()}, {zg})[0];
      CHECK(torch::allclose(sample.curl_free[k], grad, 1e-9, 1e-11));
    }
  }
}
