// Nearest 2x upsampling followed by a 3x3 convolution (padding 1), computed at the low resolution:
// the same function of the same weights with about half the multiply-adds and no upsampled copy.
#pragma once

#include <torch/torch.h>

namespace sta::model {

// x [N, C, H, W], weight [O, C, 3, 3], bias [O] -> [N, O, 2H, 2W]; equal (to rounding) to
// conv2d(interpolate(x, 2H x 2W, nearest), weight, bias, padding 1). Each output pixel sees a 2x2
// window of x whose taps are sums of the 3x3 weights; the four phases are one convolution.
torch::Tensor upsampled_conv(const torch::Tensor& x, const torch::Tensor& weight, const torch::Tensor& bias);

}  // namespace sta::model
