// The STA model (spec section 2): encoder, decoder, spike/slab inference, K flow primitives and the
// diffusing latent prior.
#pragma once

#include "core/model/config.h"
#include "core/model/flow_field.h"
#include "core/model/networks.h"

#include <torch/torch.h>

namespace sta::model {

// Posterior over the transformation variables of a batch of sequences.
struct SequencePosterior {
  torch::Tensor spike_logits;  // [B, T, K]
  torch::Tensor slab_loc;      // [B, T, K]
  torch::Tensor slab_scale;    // [B, T, K]
  torch::Tensor chosen_g;      // [B, T, K] sparse coding's best support with its slabs (else undefined)
  torch::Tensor spike_probability() const { return torch::sigmoid(spike_logits); }
};

struct Rollout {
  torch::Tensor z;              // [B, n+1, D]: z_0 and the n rolled-out latents
  torch::Tensor log_density;    // [B, n]: change of log q at each step, -sum_k g_k lap(u_k)
  torch::Tensor hj_residual;    // [B, n, K]: d_t u_k + |grad u_k|^2 / 2 at (z_{t-1}, t)
};

// Spike/slab inference is sparse coding of the encoded steps against the fields, or a network on frame
// pairs. Rolls latents forward with z_t = z_{t-1} + sum_k g_t[k] v_k(z_{t-1}, t) and tracks the
// log-density change.
class StaModelImpl : public torch::nn::Module {
 public:
  explicit StaModelImpl(const ModelConfig& config);

  const ModelConfig& config() const { return config_; }
  Gaussian encode(const torch::Tensor& frames);            // [N, C, S, S] -> q(z | x)
  torch::Tensor decode_logits(const torch::Tensor& z);     // [N, D] -> [N, C, S, S]
  torch::Tensor decode(const torch::Tensor& z);            // pixel means in [0, 1]
  // frames [B, T+1, C, S, S] -> posterior of each of the T steps (sparse coding: spike
  // marginals over supports with the inference lambda, slabs of the best support, 1 elsewhere).
  SequencePosterior infer(const torch::Tensor& frames);
  // Rolls z0 [B, D] forward with transformation variables g [B, n, K]; step s uses time t0 + s.
  Rollout rollout(const torch::Tensor& z0, const torch::Tensor& g, Trace trace, int t0 = 0) const;
  // Log-variance of the diffusing prior p(z_t) = N(0, sigma_t^2 I) for t = 0..T, [T+1].
  torch::Tensor prior_log_variance() const;

  // Whether slabs have been trained (stage 2); before that every slab is 1.
  bool slabs_trained() const { return slabs_trained_.item<float>() > 0.5; }
  // Lambda of sparse-coding inference outside training (chosen on validation sequences).
  void set_inference_sparsity(double lambda) { config_.inference_sparsity = lambda; }
  void set_pruned(std::vector<int> pruned) { config_.pruned = std::move(pruned); }
  void set_slabs_trained(bool on) { slabs_trained_.fill_(on); }

  FlowField& flow() { return flow_; }
  const FlowField& flow() const { return flow_; }

 private:
  ModelConfig config_;
  Encoder encoder_{nullptr};
  Decoder decoder_{nullptr};
  PairNet pair_{nullptr};
  FlowField flow_{nullptr};
  torch::Tensor diffusion_;      // softplus gives the variance added at each step, [T]
  torch::Tensor slabs_trained_;  // bool buffer, saved with the weights
};
TORCH_MODULE(StaModel);

}  // namespace sta::model
