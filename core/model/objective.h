// The STA training objective (spec section 3): negative ELBO plus the Hamilton-Jacobi PINN terms.
#pragma once

#include "core/model/sta_model.h"

#include <string>
#include <utility>
#include <vector>

namespace sta::model {

struct ObjectiveSettings {
  double temperature = 1.0;  // Gumbel-sigmoid temperature of the relaxed spikes
  bool train_slabs = false;  // stage 2: sample slabs from their posterior (else slab = 1)
  double spike_kl_weight = 1.0;  // warm-up factor on the spike KL
  // Supervised baseline: known transformation variables [B, T, K] replace the inferred ones in
  // the roll-out (the spike/slab posteriors are then fitted to them by their KL terms only).
  torch::Tensor known_g;
  Trace trace = Trace::Hutchinson;
};

struct Objective {
  torch::Tensor total;  // scalar: mean over the batch of the sum of all terms (weighted)
  // Every term, each a scalar mean over the batch, in a fixed order:
  // recon, kl_z0, kl_flow, kl_spike, kl_slab, hj, hj_init.
  std::vector<std::pair<std::string, torch::Tensor>> terms;
  // Diagnostics of sparse-coding inference (empty / negative for the pair network).
  std::vector<int64_t> assignment;  // curriculum: sequences the balanced plan gave each primitive
  std::vector<double> usage;        // fraction of steps on which each primitive was on
  double best_residual = -1;        // mean relative residual of each step's best support
  double step_length = -1;          // mean squared length |mu_t - mu_{t-1}|^2 of the encoded steps
};

// Reconstruction, KL of z_0, per-step KL of the flowed posterior against the diffusing prior, spike KL
// against the Markov prior, slab KL against Laplace(1, 0.1), plus the Hamilton-Jacobi PINN terms.
// frames: [B, T+1, C, S, S] on the model's device, values in [0, 1].
Objective sta_objective(StaModelImpl& model, const torch::Tensor& frames, const ObjectiveSettings& settings);

// Warm-up objective (training stage 0): every frame encoded and reconstructed on its own, as a
// plain VAE, so the flows later start from a latent space that already describes the frames.
// Same term names as sta_objective; the flow terms are zero.
// kl_weight is beta on the KL of every frame.
Objective autoencoder_objective(StaModelImpl& model, const torch::Tensor& frames, double kl_weight = 1.0);

// The Markov spike prior p(y_t = 1 | y_{t-1}) for every step, given spikes y [B, T, K].
torch::Tensor spike_prior(const ModelConfig& config, const torch::Tensor& spikes);

// -log p(x | logits) summed over pixels, per image: logits/targets [N, ...] -> [N].
torch::Tensor reconstruction_nll(const ModelConfig& config, const torch::Tensor& logits, const torch::Tensor& targets);

}  // namespace sta::model
