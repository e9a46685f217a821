// One training step's batch and objective as a TrainConfig's schedule wants them at a given step; shared
// by the trainer and `sta bench`, so that the benchmark times exactly what training runs.
#pragma once

#include "core/data/dataset.h"
#include "core/model/objective.h"
#include "core/train/train_config.h"

#include <optional>

namespace sta::train {

struct TrainingBatch {
  torch::Tensor frames;                  // [B, T+1, C, S, S] on the device
  std::optional<torch::Tensor> known_g;  // [B, T, K]: the supervised baseline's ground truth only
};

// Sequences [first, first + rows) of the training split. Read through the source's frames-only
// calls except where config.reads_ground_truth(): the labelled curriculum asks the generator for
// single-transformation sequences, the supervised baseline reads their speeds.
TrainingBatch training_batch(const data::Dataset& data, const TrainConfig& config, int64_t step, int64_t first,
                             int64_t rows, torch::Device device);

// The autoencoder warm-up (stage 0), the recipe's sparse-coding objective (with the balanced
// assignment during a curriculum), or the pair network's ELBO.
model::Objective training_objective(model::StaModelImpl& model, const TrainConfig& config, const TrainingBatch& batch,
                                    int64_t step);

}  // namespace sta::train
