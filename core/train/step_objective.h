// The objective of one training step as the schedule of a TrainConfig wants it at a given step:
// the autoencoder warm-up (stage 0), the recipe's sparse-coding objective (with the balanced
// assignment during the curriculum), or the pair network's ELBO. Shared by the trainer and
// `sta bench`, so that the benchmark times exactly what training runs.
#pragma once

#include "core/data/dataset.h"
#include "core/model/objective.h"
#include "core/train/train_config.h"

namespace sta::train {

// frames [B, T+1, C, S, S] on the model's device, made from `batch` (whose ground truth the
// supervised baseline uses). `curriculum`: the batch holds single-transformation sequences.
model::Objective training_objective(model::StaModelImpl& model, const TrainConfig& config, const torch::Tensor& frames,
                                    int64_t step, const std::vector<data::Sequence>& batch, bool curriculum);

}  // namespace sta::train
