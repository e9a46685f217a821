// Upsampling and convolution as one low-resolution convolution with four phases (see upsampled_conv.h).
#include "core/model/upsampled_conv.h"

#include <array>

namespace sta::model {

namespace {

// Which of the 3 kernel rows fall on low-resolution row a (0: the upper, 1: the lower of a 2x2
// window) for output phase p: phase 0 sees rows i-1 (tap 0) and i (taps 1, 2); phase 1 sees rows i
// (taps 0, 1) and i+1 (tap 2).
constexpr bool kRowTap[2][2][3] = {{{true, false, false}, {false, true, true}},
                                   {{true, true, false}, {false, false, true}}};

// [16, 9]: row (p, q, a, b) sums the 3x3 taps (i, j) that land on window cell (a, b) in phase (p, q).
torch::Tensor phase_matrix() {
  static const auto table = [] {
    std::array<float, 16 * 9> m{};
    for (int p = 0; p < 2; ++p)
      for (int q = 0; q < 2; ++q)
        for (int a = 0; a < 2; ++a)
          for (int b = 0; b < 2; ++b)
            for (int i = 0; i < 3; ++i)
              for (int j = 0; j < 3; ++j)
                m[(((p * 2 + q) * 2 + a) * 2 + b) * 9 + i * 3 + j] = kRowTap[p][a][i] && kRowTap[q][b][j] ? 1.f : 0.f;
    return m;
  }();
  return torch::from_blob(const_cast<float*>(table.data()), {16, 9}, torch::kFloat);
}

}  // namespace

torch::Tensor upsampled_conv(const torch::Tensor& x, const torch::Tensor& weight, const torch::Tensor& bias) {
  const int64_t n = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3), o = weight.size(0);
  auto phases = torch::mm(weight.reshape({o * c, 9}), phase_matrix().to(weight.options()).t())  // [O C, 16]
                    .view({o, c, 2, 2, 2, 2})                                                // o, c, p, q, a, b
                    .permute({2, 3, 0, 1, 4, 5})
                    .reshape({4 * o, c, 2, 2});
  // Output (2i + p, 2j + q) is phase (p, q) of this convolution's window (i + p, j + q) over the input
  // padded by 1: a strided view interleaves the phases.
  auto y = torch::conv2d(x, phases, bias.repeat({4}), {1, 1}, {1, 1}, {1, 1}).contiguous();  // [N, (p, q, O), H+1, W+1]
  const auto st = y.strides();
  auto interleaved = y.as_strided({n, o, h, 2, w, 2},
                                  {st[0], st[1], st[2], 2 * o * st[1] + st[2], st[3], o * st[1] + st[3]},
                                  y.storage_offset());
  return interleaved.reshape({n, o, 2 * h, 2 * w});
}

}  // namespace sta::model
