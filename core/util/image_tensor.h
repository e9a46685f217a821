// Conversion between Image (float RGB, HWC) and torch tensors (float, [C, S, S] per frame).
#pragma once

#include "core/util/image.h"

#include <torch/torch.h>

#include <vector>

namespace sta {

// Frames -> [N, C, S, S] float on the CPU.
torch::Tensor images_to_tensor(const std::vector<Image>& images);
// One [C, S, S] tensor (any device) -> RGB image with values clamped to [0, 1].
Image tensor_to_image(const torch::Tensor& chw);

}  // namespace sta
