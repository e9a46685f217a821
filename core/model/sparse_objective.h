// The training objective of the learning recipe (spec section 6) for models whose spikes are inferred
// by sparse coding.
#pragma once

#include "core/model/objective.h"
#include "core/model/sparse_coding.h"

#include <optional>

namespace sta::model {

struct SparseObjectiveSettings {
  bool train_slabs = false;  // stage 2: least-squares slabs and their Laplace prior
  // Curriculum: a balanced assignment of one primitive per sequence or per step.
  std::optional<AssignmentUnit> balanced;
  AssignmentCost assignment_cost = AssignmentCost::Direction;
  double sinkhorn_epsilon = 0.05;
  int sinkhorn_iterations = 50;
  double frame_weight = 1.0;     // per-frame VAE term
  double kl_weight = 1.0;        // beta on every KL(q(z | x) || N(0, I))
  double latent_weight = 5.0;    // roll-out pulled to the encoder means
  double one_step_weight = 5.0;  // teacher-forced one-step prediction pulled to the encoder means
  double spike_kl_weight = 1.0;
};

// A per-frame VAE term (KL weighted by beta), the decoded roll-out from a sample of z_0, latent
// targets (the roll-out and a teacher-forced one-step prediction pulled towards the encoder means),
// the spike KL against the Markov prior, the Laplace slab prior and the Hamilton-Jacobi term. During
// a curriculum each sequence (labelled) or each step (label-free) gets one primitive from a balanced
// assignment; otherwise a support is drawn per step by Gumbel-max.
// frames [B, T+1, C, S, S] in [0, 1]. Terms: recon, kl_z0, frames, latent, one_step, kl_spike,
// kl_slab, hj; the diagnostics (usage, best residual, assignment) are filled in.
Objective sparse_coding_objective(StaModelImpl& model, const torch::Tensor& frames,
                                  const SparseObjectiveSettings& settings);

}  // namespace sta::model
