// The K flow primitives of spec section 2, v_k(z, t) = grad_z u_k(z, t) + r_k(z): a curl-free and a
// divergence-free part, from a linear (Lie-algebra) base, MLP parts, or both.
#pragma once

#include "core/model/config.h"
#include "core/model/scalar_mlps.h"

#include <torch/torch.h>

namespace sta::model {

// One evaluation of every primitive at the same points. Shapes use K primitives, N points.
struct FieldSample {
  torch::Tensor curl_free;  // grad_z u_k, [K, N, D]
  torch::Tensor div_free;   // r_k, [K, N, D]
  torch::Tensor dudt;       // d u_k / d t (t in steps), [K, N]
  torch::Tensor laplacian;  // Laplacian of u_k over z, [K, N] (undefined for Trace::None)
  torch::Tensor velocity() const { return curl_free + div_free; }
};

// u_k is a time-dependent potential (curl-free part) and r_k = S_k grad phi_k, S_k = W_k - W_k^T
// (divergence-free by construction: div r = sum_ij S_ij d_i d_j phi = 0).
// Two families, either or both (ModelConfig::linear_fields, mlp_fields):
// - linear base, spec section 6: u_k = z'P_k z / 2 + b_k . z - t |b_k|^2 / 2 with P_k symmetric and
//   phi_k = |z|^2 / 2, so r_k = S_k z; both parts exact and cheap;
// - MLP parts: u_k += MLP_k(z, t) (sinusoidal time embedding), phi_k += MLP_k(z). Alone, they keep
//   the drift b_k and the rotation S_k z of the base but not P_k (checkpoints from before the linear
//   base); beside the linear base they sit behind two gates that start at 0.
class FlowFieldImpl : public torch::nn::Module {
 public:
  explicit FlowFieldImpl(const ModelConfig& config);

  // z [N, D]; t is the step index (may be fractional), shared by all points.
  FieldSample evaluate(const torch::Tensor& z, double t, Trace trace) const;
  // Potentials u_k(z, t), [K, N].
  torch::Tensor potential(const torch::Tensor& z, double t) const;
  // The skew-symmetric matrices S_k, [K, D, D].
  torch::Tensor skew() const;
  // The symmetric matrices P_k of the linear base, [K, D, D].
  torch::Tensor symmetric() const;

  int primitives() const { return primitives_; }
  // Whether the velocity is the same at every t (no MLP potential with its time embedding).
  bool steady() const { return !mlp_; }

 private:
  torch::Tensor potential_input(const torch::Tensor& z, double t) const;  // [K, N, D + E]
  torch::Tensor embedding_rate(double t) const;                           // d e(t) / d t, [E]
  torch::Tensor drift_energy() const;                                     // |b_k|^2 / 2, [K, 1]
  torch::Tensor gate(int part) const;  // 0: potential MLP, 1: stream MLP; 1 without a linear base
  int primitives_, latent_dim_, time_embedding_, steps_;
  bool linear_, mlp_;
  ScalarMlps potential_{nullptr};
  ScalarMlps stream_{nullptr};
  torch::Tensor drift_;     // b_k, [K, D]
  torch::Tensor skew_raw_;  // W_k, [K, D, D]
  torch::Tensor sym_raw_;   // P_k = (A_k + A_k^T) / 2, [K, D, D] (linear base only)
  torch::Tensor gates_;     // [2] (linear base with MLP parts only)
};
TORCH_MODULE(FlowField);

}  // namespace sta::model
