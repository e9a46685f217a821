// Analytic forward, gradient and Laplacian of the stacked scalar MLPs (see scalar_mlps.h).
#include "core/model/scalar_mlps.h"

#include <cmath>

namespace sta::model {

ScalarMlpsImpl::ScalarMlpsImpl(int count, int in_dim, int diff_dim, int hidden, double output_gain)
    : count_(count), in_dim_(in_dim), diff_dim_(diff_dim), hidden_(hidden) {
  auto uniform = [&](std::vector<int64_t> shape, int fan_in, double gain = 1.0) {
    double bound = gain / std::sqrt(static_cast<double>(fan_in));
    return torch::empty(shape).uniform_(-bound, bound);
  };
  w1_ = register_parameter("w1", uniform({count, in_dim, hidden}, in_dim));
  b1_ = register_parameter("b1", uniform({count, 1, hidden}, in_dim));
  w2_ = register_parameter("w2", uniform({count, hidden, hidden}, hidden));
  b2_ = register_parameter("b2", uniform({count, 1, hidden}, hidden));
  w3_ = register_parameter("w3", uniform({count, 1, hidden}, hidden, output_gain));
}

torch::Tensor ScalarMlpsImpl::spatial_w1() const { return w1_.narrow(1, 0, diff_dim_); }

torch::Tensor ScalarMlpsImpl::value(const torch::Tensor& x) const {
  auto s1 = torch::tanh(torch::baddbmm(b1_, x, w1_));
  auto s2 = torch::tanh(torch::baddbmm(b2_, s1, w2_));
  return (s2 * w3_).sum(-1);
}

MlpPass ScalarMlpsImpl::pass(const torch::Tensor& x) const {
  MlpPass p;
  p.s1 = torch::tanh(torch::baddbmm(b1_, x, w1_));
  p.s2 = torch::tanh(torch::baddbmm(b2_, p.s1, w2_));
  auto d2 = (1 - p.s2 * p.s2) * w3_;
  p.back1 = torch::bmm(d2, w2_.transpose(1, 2));
  auto d1 = (1 - p.s1 * p.s1) * p.back1;
  p.grad = torch::bmm(d1, w1_.transpose(1, 2));
  return p;
}

// u = w3 . tanh(W2^T tanh(W1^T x + b1) + b2); with s' = 1 - s^2 and s'' = -2 s s':
//   grad u = W1 d1,  d1 = s1' * (W2 d2),  d2 = s2' * w3
//   lap u  = sum_j s1''_j (W2 d2)_j |W1z_j|^2 + sum_l s2''_l w3_l |sum_m W2_ml s1'_m W1z_m|^2
torch::Tensor ScalarMlpsImpl::laplacian(const MlpPass& p) const {
  auto w1z = spatial_w1();                                  // [K, D, H]
  auto ds1 = 1 - p.s1 * p.s1;
  auto dds1 = -2 * p.s1 * ds1;
  auto dds2 = -2 * p.s2 * (1 - p.s2 * p.s2);
  auto row_norms = (w1z * w1z).sum(1, true);                // [K, 1, H]
  auto first = (dds1 * p.back1 * row_norms).sum(-1);        // [K, N]
  // m[k,n,l,:] = sum_m W2[k,m,l] s1'[k,n,m] W1z[k,:,m]
  auto scaled = ds1.unsqueeze(-1) * w1z.transpose(1, 2).unsqueeze(1);  // [K, N, H, D]
  auto m = torch::einsum("kml,knmd->knld", {w2_, scaled});
  auto second = (dds2 * w3_ * m.pow(2).sum(-1)).sum(-1);
  return first + second;
}

torch::Tensor ScalarMlpsImpl::laplacian_estimate(const MlpPass& p, const torch::Tensor& probe) const {
  auto w1z = spatial_w1();
  auto ds1 = 1 - p.s1 * p.s1;
  auto ds2 = 1 - p.s2 * p.s2;
  auto a1_dot = torch::bmm(probe, w1z);                     // directional derivative of layer-1 input
  auto a2_dot = torch::bmm(ds1 * a1_dot, w2_);
  auto d2_dot = -2 * p.s2 * ds2 * a2_dot * w3_;
  auto d1_dot = -2 * p.s1 * ds1 * a1_dot * p.back1 + ds1 * torch::bmm(d2_dot, w2_.transpose(1, 2));
  auto hv = torch::bmm(d1_dot, w1z.transpose(1, 2));         // H v, [K, N, D]
  return (probe * hv).sum(-1);
}

}  // namespace sta::model
