// Training batches: `count` consecutive sequences of a dataset as one [B, T+1, 3, S, S] tensor on the
// model's device.
#pragma once

#include "core/data/dataset.h"

#include <torch/torch.h>

#include <vector>

namespace sta::train {

struct SequenceBatch {
  torch::Tensor frames;                   // [B, T+1, 3, S, S] on the device
  std::vector<data::Sequence> sequences;  // ground truth, labels and items (frames empty when rendered on the device)
};

// Warped sources (IDX files, digits) are rendered there in one batched call from their plans; the
// others (shapes, video) are generated on the CPU and moved.
SequenceBatch make_batch(const data::Dataset& data, data::Split split, int64_t first, int count, data::SequenceMode mode,
                         torch::Device device);
// What training reads: the same frames, read through the source's frames_only calls, so that no
// ground truth is ever asked for.
torch::Tensor make_training_frames(const data::Dataset& data, data::Split split, int64_t first, int count,
                                   data::SequenceMode mode, torch::Device device);

}  // namespace sta::train
