// Sequences of the image sources rendered by torch on any device, a whole batch in one call.
#pragma once

#include "core/synth/frame_warp.h"
#include "core/util/image.h"

#include <torch/torch.h>

#include <vector>

namespace sta::synth {

// warps of B sequences with F frames each -> [B, F, 3] (degrees, scale, hue degrees) on the CPU.
torch::Tensor warp_tensor(const std::vector<std::vector<FrameWarp>>& warps);

// [N] hue turns in degrees -> [N, 3, 3] rotations of RGB about the grey axis (red towards green).
torch::Tensor hue_rotations(const torch::Tensor& degrees);

// Each frame is the coloured base image rotated and scaled about its centre (an affine sampling grid
// + grid_sample, bilinear, black outside), its colours turned about the grey axis by a 3x3 rotation
// (which keeps every pixel's mean over channels) and clamped to [0, 1].
// base [B, 3, N, N] float in [0, 1]; warps [B, F, 3] (warp_tensor) -> [B, F, 3, size, size] on
// base's device. Frames are rendered at N and then resized to size (area when shrinking,
// bilinear when enlarging).
torch::Tensor render_warps(const torch::Tensor& base, const torch::Tensor& warps, int64_t size);

}  // namespace sta::synth
