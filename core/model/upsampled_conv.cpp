// Upsampling and convolution as one low-resolution convolution with four phases (see upsampled_conv.h).
#include "core/model/upsampled_conv.h"

#include <vector>

namespace sta::model {

namespace {

// The 3 taps of a kernel axis folded onto the 2 low-resolution cells a phase sees: phase 0 sees
// rows i-1 (tap 0) and i (taps 1, 2); phase 1 sees rows i (taps 0, 1) and i+1 (tap 2).
torch::Tensor fold_taps(const torch::Tensor& w, int64_t dim, int phase) {
  auto tap = [&](int64_t i) { return w.narrow(dim, i, 1); };
  return phase == 0 ? torch::cat({tap(0), tap(1) + tap(2)}, dim) : torch::cat({tap(0) + tap(1), tap(2)}, dim);
}

}  // namespace

torch::Tensor upsampled_conv(const torch::Tensor& x, const torch::Tensor& weight, const torch::Tensor& bias) {
  const int64_t n = x.size(0), h = x.size(2), w = x.size(3), o = weight.size(0);
  TORCH_CHECK(weight.size(2) == 3 && weight.size(3) == 3, "upsampled_conv needs a 3x3 kernel");
  std::vector<torch::Tensor> kernels;  // phase (p, q): [O, C, 2, 2]
  for (int p = 0; p < 2; ++p) {
    auto rows = fold_taps(weight, 2, p);
    for (int q = 0; q < 2; ++q) kernels.push_back(fold_taps(rows, 3, q));
  }
  auto phases = torch::cat(kernels, 0);  // [(p, q, O), C, 2, 2]
  // Output (2i + p, 2j + q) is phase (p, q) of this convolution's window (i + p, j + q) over the input
  // padded by 1: a strided view interleaves the phases.
  auto y = torch::conv2d(x, phases, bias.repeat({4}), {1, 1}, {1, 1}, {1, 1});  // [N, (p, q, O), H+1, W+1]
  const auto st = y.strides();
  auto interleaved = y.as_strided({n, o, h, 2, w, 2},
                                  {st[0], st[1], st[2], 2 * o * st[1] + st[2], st[3], o * st[1] + st[3]},
                                  y.storage_offset());
  return interleaved.reshape({n, o, 2 * h, 2 * w});
}

}  // namespace sta::model
