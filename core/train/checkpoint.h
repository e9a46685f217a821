// Checkpoint files: configs, training data and step, metrics, weights and optional optimiser state in one
// file, written atomically and validated on load.
#pragma once

#include "core/data/dataset.h"
#include "core/model/sta_model.h"
#include "core/train/train_config.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <optional>
#include <stdexcept>
#include <string>

namespace sta::train {

class CheckpointError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// One file holds a format version, the model and training configs (JSON), the data the model was
// trained on, the training step, the last metrics, every weight and optionally the optimiser state.
// Written with temporary file, fsync, rename; loading checks magic, version, checksums and every
// tensor's shape, and throws CheckpointError with the reason.
constexpr uint32_t kCheckpointVersion = 1;

struct CheckpointMeta {
  TrainConfig train;       // includes the model config
  data::DataSpec data;     // source, transformations, T and seed it was trained on
  int64_t step = 0;        // optimisation steps taken
  int world_size = 1;      // processes that trained the last steps (data-parallel ranks)
  nlohmann::json metrics = nlohmann::json::object();  // last evaluation / validation figures
};

struct LoadedCheckpoint {
  CheckpointMeta meta;
  model::StaModel model{nullptr};     // on the requested device, in eval mode
  std::string optimizer_state;        // Adam's state (adam_state.h; "" if not saved)
};

// Writes atomically: a crash or kill mid-save leaves any previous file at `path` intact.
void save_checkpoint(const std::string& path, const model::StaModelImpl& model, const CheckpointMeta& meta,
                     const torch::optim::Adam* optimizer = nullptr);
LoadedCheckpoint load_checkpoint(const std::string& path, const torch::Device& device);
// The same from a checkpoint file's bytes; `name` stands for the file in error messages.
LoadedCheckpoint load_checkpoint_from_bytes(const std::string& bytes, const std::string& name, const torch::Device& device);
// Restores an optimiser from LoadedCheckpoint::optimizer_state onto `device`; throws
// CheckpointError when the state is damaged, does not fit the optimiser's parameters, or is
// the LibTorch archive of an older checkpoint (which is no longer read: see adam_state.h).
void load_optimizer_state(torch::optim::Adam& optimizer, const std::string& state, const torch::Device& device);
// Reads only the metadata (cheap; for listings and the studio's load dialog).
CheckpointMeta read_checkpoint_meta(const std::string& path);

nlohmann::json data_spec_to_json(const data::DataSpec& spec);
data::DataSpec data_spec_from_json(const nlohmann::json& j);

}  // namespace sta::train
