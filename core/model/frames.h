// Sequences as the model's tensors ([B, T+1, C, S, S]) and their ground truth as transformation variables.
#pragma once

#include "core/data/dataset.h"
#include "core/util/image_tensor.h"

#include <torch/torch.h>

namespace sta::model {

// Sequences of equal length and size -> [B, T+1, C, S, S] float on the CPU.
torch::Tensor sequences_to_tensor(const std::vector<data::Sequence>& sequences);
// Ground-truth transformation variables (spike x speed) of generated sequences, [B, T, K]
// with transformation m in column m (K >= M); throws for sequences without ground truth.
torch::Tensor ground_truth_g(const std::vector<data::Sequence>& sequences, int primitives);

}  // namespace sta::model
