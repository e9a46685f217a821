// Flow primitives: the linear base and the MLP parts with their time embedding (see flow_field.h).
#include "core/model/flow_field.h"

#include "core/model/batch_shard.h"

#include <cmath>

namespace sta::model {

namespace {
// MLP fields start small: large random flows wreck the early roll-outs, and the spikes then
// learn to switch every primitive off before the fields can learn anything.
constexpr double kInitialGain = 0.1;
// The linear base starts near zero (entries ~ 0.01 / sqrt(D)), as in the recipe.
constexpr double kLinearInit = 0.01;

// Frequencies of the time embedding: pi * 2^f / T for f = 0..E/2-1, so the slowest
// feature spans half a period over a sequence.
double frequency(int f, int steps) { return M_PI * std::pow(2.0, f) / steps; }
}  // namespace

FlowFieldImpl::FlowFieldImpl(const ModelConfig& c)
    : primitives_(c.primitives),
      latent_dim_(c.latent_dim),
      time_embedding_(c.time_embedding),
      steps_(c.steps),
      linear_(c.linear_fields),
      mlp_(c.mlp_fields) {
  const int k = c.primitives, d = c.latent_dim;
  if (mlp_) {
    potential_ = register_module("potential", ScalarMlps(k, d + c.time_embedding, d, c.potential_hidden, kInitialGain));
    stream_ = register_module("stream", ScalarMlps(k, d, d, c.potential_hidden, kInitialGain));
  }
  if (linear_) {
    const double scale = kLinearInit / std::sqrt(static_cast<double>(d));
    drift_ = register_parameter("drift", torch::randn({k, d}) * kLinearInit);
    skew_raw_ = register_parameter("skew", torch::randn({k, d, d}) * scale);
    sym_raw_ = register_parameter("symmetric", torch::randn({k, d, d}) * scale);
    if (mlp_) gates_ = register_parameter("gates", torch::zeros({2}));
  } else {
    const double bound = kInitialGain / std::sqrt(static_cast<double>(d));
    drift_ = register_parameter("drift", torch::zeros({k, d}));
    skew_raw_ = register_parameter("skew", torch::empty({k, d, d}).uniform_(-bound, bound));
  }
}

torch::Tensor FlowFieldImpl::skew() const { return skew_raw_ - skew_raw_.transpose(1, 2); }

torch::Tensor FlowFieldImpl::symmetric() const { return 0.5 * (sym_raw_ + sym_raw_.transpose(1, 2)); }

torch::Tensor FlowFieldImpl::gate(int part) const { return linear_ ? gates_[part] : torch::ones({}, drift_.options()); }

torch::Tensor FlowFieldImpl::potential_input(const torch::Tensor& z, double t) const {
  const int64_t n = z.size(0), half = time_embedding_ / 2;
  std::vector<double> features(time_embedding_);
  for (int f = 0; f < half; ++f) {
    features[f] = std::sin(frequency(f, steps_) * t);
    features[half + f] = std::cos(frequency(f, steps_) * t);
  }
  auto e = torch::tensor(features, z.options().dtype(torch::kDouble)).to(z.dtype());
  return torch::cat({z.unsqueeze(0).expand({primitives_, n, latent_dim_}), e.expand({primitives_, n, time_embedding_})},
                    -1);
}

torch::Tensor FlowFieldImpl::embedding_rate(double t) const {
  const int half = time_embedding_ / 2;
  std::vector<double> rate(time_embedding_);
  for (int f = 0; f < half; ++f) {
    double w = frequency(f, steps_);
    rate[f] = w * std::cos(w * t);
    rate[half + f] = -w * std::sin(w * t);
  }
  return torch::tensor(rate, torch::kDouble);
}

FieldSample FlowFieldImpl::evaluate(const torch::Tensor& z, double t, Trace trace) const {
  const int64_t n = z.size(0);
  auto zk = z.unsqueeze(0).expand({primitives_, n, latent_dim_});
  FieldSample out;
  out.curl_free = drift_.unsqueeze(1).expand({primitives_, n, latent_dim_});
  out.dudt = -drift_energy().expand({primitives_, n});
  auto stream_grad = zk;  // grad phi_k: the quadratic part |z|^2 / 2 gives z
  if (linear_) {
    auto p = symmetric();
    out.curl_free = out.curl_free + torch::bmm(zk, p);  // P symmetric: z P = (P z)^T
    if (trace != Trace::None) out.laplacian = p.diagonal(0, 1, 2).sum(-1, true).expand({primitives_, n});
  } else if (trace != Trace::None) {
    out.laplacian = torch::zeros({primitives_, n}, z.options());
  }
  if (mlp_) {
    auto pot = potential_->pass(potential_input(z, t));
    auto rate = embedding_rate(t).to(z.options());
    out.curl_free = out.curl_free + gate(0) * pot.grad.narrow(-1, 0, latent_dim_);
    out.dudt = out.dudt + gate(0) * (pot.grad.narrow(-1, latent_dim_, time_embedding_) * rate).sum(-1);
    if (trace == Trace::Exact) out.laplacian = out.laplacian + gate(0) * potential_->laplacian(pot);
    if (trace == Trace::Hutchinson) {
      // Drawn on the CPU and moved, like standard_normal_like: the same probes on every device.
      const auto options = torch::dtype(z.scalar_type());
      auto probe = draw_for_batch({primitives_, n, latent_dim_}, 1,
                                  [&](at::IntArrayRef shape) { return torch::randint(0, 2, shape, options); })
                       .to(z.device()) * 2 - 1;
      out.laplacian = out.laplacian + gate(0) * potential_->laplacian_estimate(pot, probe);
    }
    stream_grad = stream_grad + gate(1) * stream_->pass(zk).grad;
  }
  out.div_free = torch::bmm(stream_grad, skew().transpose(1, 2));  // r_i = sum_j S_ij g_j
  return out;
}

torch::Tensor FlowFieldImpl::potential(const torch::Tensor& z, double t) const {
  auto u = torch::mm(drift_, z.t()) - drift_energy() * t;  // [K, N]
  if (linear_) {
    auto zk = z.unsqueeze(0).expand({primitives_, z.size(0), latent_dim_});
    u = u + 0.5 * (torch::bmm(zk, symmetric()) * zk).sum(-1);
  }
  if (mlp_) u = u + gate(0) * potential_->value(potential_input(z, t));
  return u;
}

torch::Tensor FlowFieldImpl::drift_energy() const { return 0.5 * drift_.pow(2).sum(-1, true); }

}  // namespace sta::model
