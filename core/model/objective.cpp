// The STA objective (see objective.h).
#include "core/model/objective.h"

#include "core/model/distributions.h"

#include <cmath>

namespace sta::model {

torch::Tensor spike_prior(const ModelConfig& c, const torch::Tensor& spikes) {
  auto first = torch::full_like(spikes.narrow(1, 0, 1), c.spike_initial);
  auto previous = spikes.narrow(1, 0, spikes.size(1) - 1);
  auto later = c.spike_off_on + (c.spike_on_on - c.spike_off_on) * previous;
  return torch::cat({first, later}, 1);
}

torch::Tensor reconstruction_nll(const ModelConfig& c, const torch::Tensor& logits, const torch::Tensor& targets) {
  torch::Tensor per_pixel;
  if (c.likelihood == Likelihood::Bernoulli) {
    per_pixel = torch::binary_cross_entropy_with_logits(logits, targets, {}, {}, at::Reduction::None);
  } else {
    per_pixel = 0.5 * (logits - targets).pow(2) + 0.5 * std::log(2 * M_PI);
  }
  return per_pixel.flatten(1).sum(1);
}

Objective autoencoder_objective(StaModelImpl& model, const torch::Tensor& frames, double kl_weight) {
  const auto& c = model.config();
  const int64_t b = frames.size(0), t = frames.size(1) - 1;
  auto flat = frames.reshape({b * (t + 1), c.channels, c.image_size, c.image_size});
  auto q = model.encode(flat);
  auto z = q.mean + torch::exp(0.5 * q.log_var) * standard_normal_like(q.mean);
  auto recon = reconstruction_nll(c, model.decode_logits(z), flat).view({b, t + 1}).sum(1);
  auto kl = (0.5 * (q.mean.pow(2) + q.log_var.exp() - 1 - q.log_var).sum(-1)).view({b, t + 1}).sum(1);
  auto zero = torch::zeros({}, frames.options());
  Objective out;
  out.total = (recon + kl_weight * kl).mean();
  out.terms = {{"recon", recon.mean()}, {"kl_z0", kl.mean()}, {"kl_flow", zero}, {"kl_spike", zero},
               {"kl_slab", zero},       {"hj", zero},         {"hj_init", zero}};
  return out;
}

Objective sta_objective(StaModelImpl& model, const torch::Tensor& frames, const ObjectiveSettings& s) {
  const auto& c = model.config();
  const int64_t b = frames.size(0), t = frames.size(1) - 1;

  auto q0 = model.encode(frames.select(1, 0));
  auto z0 = q0.mean + torch::exp(0.5 * q0.log_var) * standard_normal_like(q0.mean);
  auto kl_z0 = 0.5 * (q0.mean.pow(2) + q0.log_var.exp() - 1 - q0.log_var).sum(-1);

  auto posterior = model.infer(frames);
  auto spikes = gumbel_sigmoid(posterior.spike_logits, s.temperature);
  auto slabs = s.train_slabs ? laplace_sample(posterior.slab_loc, posterior.slab_scale)
                             : torch::ones_like(posterior.slab_loc);
  auto roll = model.rollout(z0, s.known_g.defined() ? s.known_g : spikes * slabs, s.trace);

  // Flowed posterior density vs the diffusing prior, one sample per step.
  auto log_q = gaussian_log_prob(z0, q0.mean, q0.log_var).unsqueeze(1) + torch::cumsum(roll.log_density, 1);
  auto prior_log_var = model.prior_log_variance().narrow(0, 1, t).view({1, t, 1});
  auto z = roll.z.narrow(1, 1, t);
  auto log_p = gaussian_log_prob(z, torch::zeros_like(z), prior_log_var.expand_as(z));
  auto kl_flow = (log_q - log_p).sum(1);

  auto logits = model.decode_logits(roll.z.reshape({b * (t + 1), c.latent_dim}));
  auto recon = reconstruction_nll(c, logits, frames.reshape({b * (t + 1), c.channels, c.image_size, c.image_size}))
                   .view({b, t + 1})
                   .sum(1);

  auto kl_spike = bernoulli_kl(posterior.spike_logits, spike_prior(c, spikes)).sum(std::vector<int64_t>{1, 2});
  auto kl_slab = s.train_slabs
                     ? laplace_kl(posterior.slab_loc, posterior.slab_scale, c.slab_prior_loc, c.slab_prior_scale).sum(std::vector<int64_t>{1, 2})
                     : torch::zeros({b}, frames.options());

  // Generalised Hamilton-Jacobi: penalise only the positive part, weighted by activity.
  auto hj = (spikes * torch::relu(roll.hj_residual).pow(2)).sum(std::vector<int64_t>{1, 2});
  auto hj_init = model.flow()->evaluate(z0, 0.0, Trace::None).curl_free.pow(2).sum(std::vector<int64_t>{0, 2});

  auto total = recon + kl_z0 + kl_flow + s.spike_kl_weight * kl_spike + kl_slab + c.hj_weight * (hj + hj_init);
  Objective out;
  out.total = total.mean();
  out.terms = {{"recon", recon.mean()},       {"kl_z0", kl_z0.mean()},     {"kl_flow", kl_flow.mean()},
               {"kl_spike", kl_spike.mean()}, {"kl_slab", kl_slab.mean()}, {"hj", hj.mean()},
               {"hj_init", hj_init.mean()}};
  return out;
}

}  // namespace sta::model
