// The recipe's objective (see sparse_objective.h).
#include "core/model/sparse_objective.h"

#include "core/model/distributions.h"
#include "core/model/sparse_coding.h"

namespace sta::model {

Objective sparse_coding_objective(StaModelImpl& model, const torch::Tensor& frames, const SparseObjectiveSettings& s) {
  const auto& c = model.config();
  const int64_t b = frames.size(0), t = frames.size(1) - 1;
  auto flat = frames.flatten(0, 1);
  auto q = model.encode(flat);
  auto mu = q.mean.view({b, t + 1, -1}), log_var = q.log_var.view({b, t + 1, -1});
  auto z = mu + torch::exp(0.5 * log_var) * standard_normal_like(mu);
  auto kl = 0.5 * (mu.pow(2) + log_var.exp() - 1 - log_var).sum(-1);  // [B, T+1]

  auto fit = fit_supports(*model.flow(), mu, s.train_slabs, c.sparsity, c.support_temperature, c.slab_ridge, c.pruned);
  Objective out;
  torch::Tensor index;
  if (s.balanced) {
    auto assignment = balanced_assignment(fit, s.assignment_cost, s.sinkhorn_epsilon, s.sinkhorn_iterations, *s.balanced);
    index = assignment.index;
    out.assignment = assignment.counts;
  } else {
    index = sample_supports(fit);
  }
  auto g = choose_supports(fit, index);  // [B, T, K]
  auto on = (g > 0).to(g.dtype()).detach();
  auto roll = model.rollout(z.select(1, 0), g, Trace::None);
  auto rolled = roll.z.narrow(1, 1, t);  // [B, T, D]
  auto targets = mu.narrow(1, 1, t);

  // One decoder pass for the frames (every sampled z) and the roll-out.
  auto logits = model.decode_logits(torch::cat({z.flatten(0, 1), rolled.flatten(0, 1)}));
  auto nll = reconstruction_nll(c, logits, torch::cat({flat, frames.narrow(1, 1, t).flatten(0, 1)}));
  auto frame_nll = nll.narrow(0, 0, b * (t + 1)).view({b, t + 1}).sum(1);
  auto recon = nll.narrow(0, b * (t + 1), b * t).view({b, t}).sum(1);
  auto frames_term = frame_nll + s.kl_weight * kl.narrow(1, 1, t).sum(1);
  auto kl_z0 = s.kl_weight * kl.select(1, 0);

  auto latent = (rolled - targets).pow(2).sum(std::vector<int64_t>{1, 2});
  auto one_step = mu.narrow(1, 0, t) + displacement(g, fit.velocity);
  auto one_step_error = (one_step - targets).pow(2).sum(std::vector<int64_t>{1, 2});

  auto marginal = spike_marginals(fit).clamp(1e-6, 1 - 1e-6);
  auto kl_spike =
      bernoulli_kl(torch::log(marginal) - torch::log1p(-marginal), spike_prior(c, on)).sum(std::vector<int64_t>{1, 2});
  auto kl_slab = s.train_slabs
                     ? ((g - c.slab_prior_loc).abs() / c.slab_prior_scale * on).sum(std::vector<int64_t>{1, 2})
                     : torch::zeros({b}, frames.options());
  auto hj = (on * torch::relu(roll.hj_residual).pow(2)).sum(std::vector<int64_t>{1, 2});

  auto total = s.frame_weight * frames_term + kl_z0 + recon + s.latent_weight * latent +
               s.one_step_weight * one_step_error + s.spike_kl_weight * kl_spike + kl_slab + c.hj_weight * hj;
  out.total = total.mean();
  out.terms = {{"recon", recon.mean()},
               {"kl_z0", kl_z0.mean()},
               {"frames", frames_term.mean()},
               {"latent", latent.mean()},
               {"one_step", one_step_error.mean()},
               {"kl_spike", kl_spike.mean()},
               {"kl_slab", kl_slab.mean()},
               {"hj", hj.mean()}};
  auto usage = on.mean(std::vector<int64_t>{0, 1}).cpu();
  for (int64_t k = 0; k < usage.size(0); ++k) out.usage.push_back(usage[k].item<double>());
  out.best_residual = best_residual(fit);
  out.step_length = (mu.narrow(1, 1, t) - mu.narrow(1, 0, t)).detach().pow(2).sum(-1).mean().item<double>();
  return out;
}

}  // namespace sta::model
