// The K flow primitives of spec section 2: v_k(z, t) = grad_z u_k(z, t) + r_k(z), with
// u_k a time-dependent potential (curl-free part) and r_k = S_k grad phi_k, S_k = W_k - W_k^T
// (divergence-free by construction: div r = sum_ij S_ij d_i d_j phi = 0). The stream function
// is phi_k(z) = |z|^2 / 2 + MLP_k(z): its quadratic part makes r_k = S_k z + ..., an exact
// linear rotation, so periodic transformations (rotation, hue) are easy to represent. Likewise
// the potential is u_k(z, t) = w_k . z - |w_k|^2 t / 2 + MLP_k(z, t): a uniform drift w_k that
// solves the Hamilton-Jacobi equation exactly, so steady translations need no MLP.
#pragma once

#include "core/model/scalar_mlps.h"

#include <torch/torch.h>

namespace sta::model {

enum class Trace { None, Exact, Hutchinson };

// One evaluation of every primitive at the same points. Shapes use K primitives, N points.
struct FieldSample {
  torch::Tensor curl_free;  // grad_z u_k, [K, N, D]
  torch::Tensor div_free;   // r_k, [K, N, D]
  torch::Tensor dudt;       // d u_k / d t (t in steps), [K, N]
  torch::Tensor laplacian;  // Laplacian of u_k over z, [K, N] (undefined for Trace::None)
  torch::Tensor velocity() const { return curl_free + div_free; }
};

class FlowFieldImpl : public torch::nn::Module {
 public:
  FlowFieldImpl(int primitives, int latent_dim, int hidden, int time_embedding, int steps);

  // z [N, D]; t is the step index (may be fractional), shared by all points.
  FieldSample evaluate(const torch::Tensor& z, double t, Trace trace) const;
  // Potentials u_k(z, t), [K, N].
  torch::Tensor potential(const torch::Tensor& z, double t) const;
  // The skew-symmetric matrices S_k, [K, D, D].
  torch::Tensor skew() const;

  int primitives() const { return potential_->count(); }

 private:
  torch::Tensor potential_input(const torch::Tensor& z, double t) const;  // [K, N, D + E]
  torch::Tensor embedding_rate(double t) const;                          // d e(t) / d t, [E]
  torch::Tensor drift_energy() const;                                    // |w_k|^2 / 2, [K, 1]
  int latent_dim_, time_embedding_, steps_;
  ScalarMlps potential_{nullptr};
  ScalarMlps stream_{nullptr};
  torch::Tensor drift_;     // w_k, [K, D]
  torch::Tensor skew_raw_;  // W_k, [K, D, D]
};
TORCH_MODULE(FlowField);

}  // namespace sta::model
