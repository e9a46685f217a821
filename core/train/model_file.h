// Opening a model file for inference, an STA checkpoint or a TorchScript module, and reading
// what it records about its training without loading its weights. Torch-free, like Engine.
#pragma once

#include "core/data/dataset.h"
#include "core/model/engine.h"

#include <optional>
#include <string>

namespace sta::train {

// What a model file records about its training, read without loading its weights (a
// TorchScript module: from its `metadata` attribute, if it has one).
struct CheckpointSummary {
  data::DataSpec data;  // the data it was trained on
  int64_t step = 0;     // optimisation steps taken
  std::string preset;
  // Whether its training read ground truth (TrainConfig::reads_ground_truth), and its
  // curriculum's name; unknown for TorchScript modules.
  std::optional<bool> ground_truth_used;
  std::string curriculum;
};
// Throws with the reason when the file is missing or not a valid checkpoint.
CheckpointSummary read_checkpoint_summary(const std::string& path);

// Opens a model file, a TorchScript module (a zip archive, usually .pt) or an STA checkpoint, on
// `device` ("cpu", "cuda", "auto"). Throws with the reason (a checkpoint error, or the contract
// member a module lacks).
model::Engine load_engine(const std::string& path, const std::string& device = "cpu");

}  // namespace sta::train
