// Flow primitives: potentials with a sinusoidal time embedding and skew-gradient
// divergence-free fields (see flow_field.h).
#include "core/model/flow_field.h"

#include <cmath>

namespace sta::model {

namespace {
// Fields start small: large random flows wreck the early roll-outs, and the spikes then
// learn to switch every primitive off before the fields can learn anything.
constexpr double kInitialGain = 0.1;

// Frequencies of the time embedding: pi * 2^f / T for f = 0..E/2-1, so the slowest
// feature spans half a period over a sequence.
double frequency(int f, int steps) { return M_PI * std::pow(2.0, f) / steps; }
}  // namespace

FlowFieldImpl::FlowFieldImpl(int primitives, int latent_dim, int hidden, int time_embedding, int steps)
    : latent_dim_(latent_dim), time_embedding_(time_embedding), steps_(steps) {
  potential_ = register_module("potential",
                               ScalarMlps(primitives, latent_dim + time_embedding, latent_dim, hidden, kInitialGain));
  stream_ = register_module("stream", ScalarMlps(primitives, latent_dim, latent_dim, hidden, kInitialGain));
  double bound = kInitialGain / std::sqrt(static_cast<double>(latent_dim));
  drift_ = register_parameter("drift", torch::zeros({primitives, latent_dim}));
  skew_raw_ = register_parameter("skew", torch::empty({primitives, latent_dim, latent_dim}).uniform_(-bound, bound));
}

torch::Tensor FlowFieldImpl::skew() const { return skew_raw_ - skew_raw_.transpose(1, 2); }

torch::Tensor FlowFieldImpl::potential_input(const torch::Tensor& z, double t) const {
  const int64_t k = primitives(), n = z.size(0), half = time_embedding_ / 2;
  std::vector<double> features(time_embedding_);
  for (int f = 0; f < half; ++f) {
    features[f] = std::sin(frequency(f, steps_) * t);
    features[half + f] = std::cos(frequency(f, steps_) * t);
  }
  auto e = torch::tensor(features, z.options().dtype(torch::kDouble)).to(z.dtype());
  return torch::cat({z.unsqueeze(0).expand({k, n, latent_dim_}), e.expand({k, n, time_embedding_})}, -1);
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
  FieldSample out;
  auto pot = potential_->pass(potential_input(z, t));
  out.curl_free = pot.grad.narrow(-1, 0, latent_dim_) + drift_.unsqueeze(1);
  auto rate = embedding_rate(t).to(z.options());
  out.dudt = (pot.grad.narrow(-1, latent_dim_, time_embedding_) * rate).sum(-1) - drift_energy();
  if (trace == Trace::Exact) out.laplacian = potential_->laplacian(pot);
  if (trace == Trace::Hutchinson) {
    auto probe = torch::randint(0, 2, {primitives(), z.size(0), latent_dim_}, z.options()) * 2 - 1;
    out.laplacian = potential_->laplacian_estimate(pot, probe);
  }
  auto zk = z.unsqueeze(0).expand({primitives(), z.size(0), latent_dim_});
  auto stream_grad = stream_->pass(zk).grad + zk;  // grad of |z|^2 / 2 + MLP_k(z), [K, N, D]
  out.div_free = torch::bmm(stream_grad, skew().transpose(1, 2));  // r_i = sum_j S_ij g_j
  return out;
}

torch::Tensor FlowFieldImpl::potential(const torch::Tensor& z, double t) const {
  return potential_->value(potential_input(z, t)) + torch::mm(drift_, z.t()) - drift_energy() * t;
}

torch::Tensor FlowFieldImpl::drift_energy() const { return 0.5 * drift_.pow(2).sum(-1, true); }

}  // namespace sta::model
