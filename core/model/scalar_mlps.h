// K scalar two-hidden-layer tanh MLPs evaluated together, with analytic input gradient, Laplacian and
// Hessian-vector products: the potentials u_k and stream functions phi_k of the flow primitives.
#pragma once

#include <torch/torch.h>

namespace sta::model {

// Intermediate values of one evaluation, reused by the derivative formulas.
struct MlpPass {
  torch::Tensor s1, s2;   // tanh activations [K, N, H]
  torch::Tensor back1;    // W2 (1 - s2^2) w3 back-propagated to layer 1, [K, N, H]
  torch::Tensor grad;     // d out / d input, [K, N, in_dim]
};

// The derivatives are written out analytically (Laplacian exact or Hutchinson), so autograd only
// needs first derivatives of these formulas in training, which is far cheaper than double backward.
class ScalarMlpsImpl : public torch::nn::Module {
 public:
  // `count` MLPs with `in_dim` inputs, of which the first `diff_dim` are the spatial
  // coordinates that Laplacians are taken over. `output_gain` scales the initial output layer.
  ScalarMlpsImpl(int count, int in_dim, int diff_dim, int hidden, double output_gain = 1.0);

  // Values [K, N] for inputs x [K, N, in_dim].
  torch::Tensor value(const torch::Tensor& x) const;
  // Activations and input gradient for inputs x [K, N, in_dim].
  MlpPass pass(const torch::Tensor& x) const;
  // Exact Laplacian over the first diff_dim inputs, [K, N].
  torch::Tensor laplacian(const MlpPass& p) const;
  // Hutchinson estimate v^T H v with probe v [K, N, diff_dim] (Rademacher), [K, N].
  torch::Tensor laplacian_estimate(const MlpPass& p, const torch::Tensor& probe) const;

  int count() const { return count_; }
  int diff_dim() const { return diff_dim_; }

 private:
  torch::Tensor spatial_w1() const;  // [K, diff_dim, H]
  int count_, in_dim_, diff_dim_, hidden_;
  torch::Tensor w1_, b1_, w2_, b2_, w3_;  // [K,in,H] [K,1,H] [K,H,H] [K,1,H] [K,1,H]
};
TORCH_MODULE(ScalarMlps);

}  // namespace sta::model
