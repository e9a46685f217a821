// Ground-truth dynamics and the Dataset over a SceneSource (see sequence_generator.h).
#include "core/data/sequence_generator.h"

#include "core/data/spike_chain.h"

#include <opencv2/imgproc.hpp>

namespace sta::data {
namespace {

class GeneratedDataset final : public Dataset {
 public:
  GeneratedDataset(std::shared_ptr<const SceneSource> source, DataSpec spec)
      : source_(std::move(source)), spec_(std::move(spec)) {}

  const DataSpec& spec() const override { return spec_; }
  std::vector<std::string> transforms() const override { return spec_.transforms; }
  int image_size() const override { return spec_.image_size; }
  bool has_ground_truth() const override { return true; }
  int64_t count(Split split) const override { return source_->count(split); }

  Sequence sequence(Split split, int64_t index, SequenceMode mode) const override {
    if (index < 0) throw DataError("sequence index " + std::to_string(index) + " is negative");
    const int64_t k = index % source_->count(split);
    const int64_t item = source_->item_id(split, k);
    Random rng(sequence_seed(spec_.seed, split, index, mode));

    Sequence sequence;
    sequence.truth = draw_ground_truth(spec_.transforms, spec_.steps, mode, index, rng);
    sequence.frames = source_->render(item, spec_.transforms, sequence.truth->params, rng);
    if (spec_.image_size != source_->native_size()) {
      const int interpolation = spec_.image_size < source_->native_size() ? cv::INTER_AREA : cv::INTER_LINEAR;
      for (auto& frame : sequence.frames) {
        cv::resize(frame, frame, cv::Size(spec_.image_size, spec_.image_size), 0, 0, interpolation);
      }
    }
    sequence.item = item;
    sequence.label = spec_.source + " " + split_name(split) + " #" + std::to_string(index) + ", " +
                     source_->describe(item);
    return sequence;
  }

 private:
  std::shared_ptr<const SceneSource> source_;
  DataSpec spec_;
};

}  // namespace

const char* split_name(Split split) { return split == Split::Train ? "train" : "test"; }

uint64_t sequence_seed(uint64_t seed, Split split, int64_t index, SequenceMode mode) {
  return hash_seed({seed, split == Split::Train ? 1u : 2u, static_cast<uint64_t>(index),
                    static_cast<uint64_t>(mode) + 1u});
}

GroundTruth draw_ground_truth(const std::vector<std::string>& names, int steps, SequenceMode mode,
                              int64_t index, Random& rng) {
  const int m_count = static_cast<int>(names.size());
  GroundTruth truth;
  truth.names = names;
  if (mode != SequenceMode::Sparse) {
    truth.spikes.assign(steps, std::vector<uint8_t>(m_count, 0));
    for (auto& row : truth.spikes) row[index % m_count] = 1;
  } else {
    truth.spikes = draw_spike_chain(steps, m_count, rng);
  }
  truth.speeds.assign(steps, std::vector<float>(m_count, 0.0f));
  truth.params.assign(steps + 1, std::vector<float>(m_count, 0.0f));
  for (int t = 0; t < steps; ++t) {
    for (int m = 0; m < m_count; ++m) {
      if (truth.spikes[t][m]) truth.speeds[t][m] = mode == SequenceMode::Single ? 1.0f : draw_speed(rng);
      truth.params[t + 1][m] = truth.params[t][m] + truth.speeds[t][m];
    }
  }
  return truth;
}

std::unique_ptr<Dataset> make_generated_dataset(std::shared_ptr<const SceneSource> source, DataSpec spec) {
  return std::make_unique<GeneratedDataset>(std::move(source), std::move(spec));
}

}  // namespace sta::data
