// Probability helpers for the STA objective: relaxed Bernoulli (Gumbel-sigmoid) spikes,
// Bernoulli and Laplace KL divergences, Laplace reparameterised sampling, Gaussian densities.
#pragma once

#include <torch/torch.h>

namespace sta::model {

// Relaxed Bernoulli sample sigmoid((logits + logistic noise) / temperature).
// Standard normal and uniform [0, 1) draws of like's shape, taken from the CPU generator and
// moved to like's device: one seed gives the same draws on every device, so a CUDA run starts
// exactly as the CPU run of its seed (tests/train/device_parity_test.cpp). On the CPU these are
// randn_like / rand_like.
torch::Tensor standard_normal_like(const torch::Tensor& like);
torch::Tensor uniform_like(const torch::Tensor& like);

torch::Tensor gumbel_sigmoid(const torch::Tensor& logits, double temperature);
// KL(Bernoulli(sigmoid(logits)) || Bernoulli(prior)), elementwise; prior in (0, 1).
torch::Tensor bernoulli_kl(const torch::Tensor& logits, const torch::Tensor& prior);
// Log-probability of Bernoulli(prior) at values y in [0, 1] (relaxed values allowed).
torch::Tensor bernoulli_log_prob(const torch::Tensor& y, const torch::Tensor& prior);
// Log-probability of Bernoulli(sigmoid(logits)) at y, stable for saturated logits.
torch::Tensor bernoulli_log_prob_logits(const torch::Tensor& y, const torch::Tensor& logits);
// KL(Laplace(loc, scale) || Laplace(prior_loc, prior_scale)), elementwise.
torch::Tensor laplace_kl(const torch::Tensor& loc, const torch::Tensor& scale, double prior_loc, double prior_scale);
// Reparameterised Laplace(loc, scale) sample.
torch::Tensor laplace_sample(const torch::Tensor& loc, const torch::Tensor& scale);
// Log-density of Laplace(loc, scale) at x, elementwise.
torch::Tensor laplace_log_prob(const torch::Tensor& x, const torch::Tensor& loc, const torch::Tensor& scale);
// Log-density of N(mean, exp(log_var) I) at x, summed over the last dimension.
torch::Tensor gaussian_log_prob(const torch::Tensor& x, const torch::Tensor& mean, const torch::Tensor& log_var);

}  // namespace sta::model
