// Shared set-up for the model room's tests and those above it (model, eval, train, cli): a small
// dataset (digits, or Fashion-MNIST without OpenCV) and tiny model configs.
#pragma once

#include "core/data/dataset.h"
#include "core/model/frames.h"
#include "core/train/train_config.h"

#include <memory>

namespace sta::test {

// The procedural digits, or Fashion-MNIST in a build without OpenCV (-DSTA_OPENCV=OFF), which has no
// digits; every test here holds on both.
inline std::shared_ptr<const data::Dataset> digits_data(uint64_t seed = 0) {
  data::DataSpec spec;
  spec.source = STA_WITH_OPENCV ? "digits" : "fashion-mnist";
  spec.seed = seed;
  return data::open_dataset(spec);
}

inline train::TrainConfig tiny_config(int64_t steps = 100, uint64_t seed = 0) {
  auto c = train::make_preset("tiny", 28, 3, 8);
  c.total_steps = steps;
  c.seed = seed;
  return c;
}

// The first `count` test-split sequences of `data` as a [B, T+1, 3, S, S] tensor.
inline torch::Tensor test_frames(const data::Dataset& data, int count, data::SequenceMode mode = data::SequenceMode::Sparse) {
  std::vector<data::Sequence> sequences;
  for (int i = 0; i < count; ++i) sequences.push_back(data.sequence(data::Split::Test, i, mode));
  return model::sequences_to_tensor(sequences);
}

}  // namespace sta::test
