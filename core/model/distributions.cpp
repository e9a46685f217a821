// Probability helpers (see distributions.h).
#include "core/model/distributions.h"

#include "core/model/batch_shard.h"

#include <cmath>

namespace sta::model {

torch::Tensor standard_normal_like(const torch::Tensor& like) {
  const auto options = torch::dtype(like.scalar_type());
  return draw_for_batch(like.sizes().vec(), 0, [&](at::IntArrayRef shape) { return torch::randn(shape, options); })
      .to(like.device());
}

torch::Tensor uniform_like(const torch::Tensor& like) {
  const auto options = torch::dtype(like.scalar_type());
  return draw_for_batch(like.sizes().vec(), 0, [&](at::IntArrayRef shape) { return torch::rand(shape, options); })
      .to(like.device());
}

torch::Tensor gumbel_sigmoid(const torch::Tensor& logits, double temperature) {
  auto u = uniform_like(logits).clamp(1e-6, 1 - 1e-6);
  return torch::sigmoid((logits + torch::log(u) - torch::log1p(-u)) / temperature);
}

torch::Tensor bernoulli_kl(const torch::Tensor& logits, const torch::Tensor& prior) {
  auto q = torch::sigmoid(logits);
  auto log_q = torch::nn::functional::logsigmoid(logits);
  auto log_not_q = torch::nn::functional::logsigmoid(-logits);
  return q * (log_q - torch::log(prior)) + (1 - q) * (log_not_q - torch::log1p(-prior));
}

torch::Tensor bernoulli_log_prob(const torch::Tensor& y, const torch::Tensor& prior) {
  return y * torch::log(prior) + (1 - y) * torch::log1p(-prior);
}

torch::Tensor bernoulli_log_prob_logits(const torch::Tensor& y, const torch::Tensor& logits) {
  return y * torch::nn::functional::logsigmoid(logits) + (1 - y) * torch::nn::functional::logsigmoid(-logits);
}

torch::Tensor laplace_kl(const torch::Tensor& loc, const torch::Tensor& scale, double prior_loc, double prior_scale) {
  auto gap = (loc - prior_loc).abs();
  return std::log(prior_scale) - torch::log(scale) + gap / prior_scale +
         scale / prior_scale * torch::exp(-gap / scale) - 1;
}

torch::Tensor laplace_sample(const torch::Tensor& loc, const torch::Tensor& scale) {
  auto u = (uniform_like(loc) - 0.5).clamp(-0.5 + 1e-6, 0.5 - 1e-6);
  return loc - scale * torch::sign(u) * torch::log1p(-2 * u.abs());
}

torch::Tensor laplace_log_prob(const torch::Tensor& x, const torch::Tensor& loc, const torch::Tensor& scale) {
  return -torch::log(2 * scale) - (x - loc).abs() / scale;
}

torch::Tensor gaussian_log_prob(const torch::Tensor& x, const torch::Tensor& mean, const torch::Tensor& log_var) {
  return -0.5 * ((x - mean).pow(2) * torch::exp(-log_var) + log_var + std::log(2 * M_PI)).sum(-1);
}

}  // namespace sta::model
