// Conversion between the data layer's frames (Image: float RGB, HWC) and the model's
// tensors (float, [C, S, S] per frame).
#pragma once

#include "core/data/dataset.h"

#include <torch/torch.h>

namespace sta::model {

// Sequences of equal length and size -> [B, T+1, C, S, S] float on the CPU.
torch::Tensor sequences_to_tensor(const std::vector<data::Sequence>& sequences);
// Frames -> [N, C, S, S] float on the CPU.
torch::Tensor images_to_tensor(const std::vector<Image>& images);
// Ground-truth transformation variables (spike x speed) of generated sequences, [B, T, K]
// with transformation m in column m (K >= M); throws for sequences without ground truth.
torch::Tensor ground_truth_g(const std::vector<data::Sequence>& sequences, int primitives);
// One [C, S, S] tensor (any device) -> RGB image with values clamped to [0, 1].
Image tensor_to_image(const torch::Tensor& chw);

}  // namespace sta::model
