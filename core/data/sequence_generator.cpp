// Ground-truth dynamics and the Dataset over a SceneSource (see sequence_generator.h).
#include "core/data/sequence_generator.h"

#include "core/data/grey_image_source.h"
#include "core/data/image_ops.h"
#include "core/data/spike_chain.h"
#include "core/synth/warped_frames.h"

namespace sta::data {
namespace {

class GeneratedDataset final : public Dataset {
 public:
  GeneratedDataset(std::shared_ptr<const SceneSource> source, DataSpec spec)
      : source_(std::move(source)),
        spec_(std::move(spec)),
        frames_(dynamic_cast<const FrameSource*>(source_.get())),
        grey_(dynamic_cast<const GreyImageSource*>(source_.get())) {}

  const DataSpec& spec() const override { return spec_; }
  std::vector<std::string> transforms() const override { return spec_.transforms; }
  int image_size() const override { return spec_.image_size; }
  bool has_ground_truth() const override { return true; }
  int64_t count(Split split) const override { return source_->count(split); }

  Sequence sequence(Split split, int64_t index, SequenceMode mode) const override {
    if (grey_) {
      WarpPlan plan = *warp_plan(split, index, mode);
      plan.sequence.frames = synth::render_warped(plan.base, plan.warps, spec_.image_size);
      return plan.sequence;
    }
    Random rng(sequence_seed(spec_.seed, split, index, mode));
    Sequence sequence = start(split, index, mode, rng);
    sequence.frames = frames_->render(sequence.item, spec_.transforms, sequence.truth->params, rng, spec_.image_size);
    return sequence;
  }

  std::optional<WarpPlan> warp_plan(Split split, int64_t index, SequenceMode mode) const override {
    if (!grey_) return std::nullopt;
    Random rng(sequence_seed(spec_.seed, split, index, mode));
    WarpPlan plan;
    plan.sequence = start(split, index, mode, rng);
    plan.base = colourise(grey_->grey(plan.sequence.item), rng.uniform(0.0, 360.0));
    plan.warps = frame_warps(spec_.transforms, plan.sequence.truth->params);
    return plan;
  }

 private:
  // Item, label and ground truth (the first draws from rng); frames still empty.
  Sequence start(Split split, int64_t index, SequenceMode mode, Random& rng) const {
    if (index < 0) throw DataError("sequence index " + std::to_string(index) + " is negative");
    Sequence sequence;
    sequence.item = source_->item_id(split, index % source_->count(split));
    sequence.truth = draw_ground_truth(spec_.transforms, spec_.steps, mode, index, rng);
    sequence.label = spec_.source + " " + util::name_of(split) + " #" + std::to_string(index) + ", " +
                     source_->describe(sequence.item);
    return sequence;
  }

  std::shared_ptr<const SceneSource> source_;
  DataSpec spec_;
  const FrameSource* frames_;    // exactly one of these two is set
  const GreyImageSource* grey_;
};

}  // namespace

const util::NameTable<Split>& names(Split) {
  static const util::NameTable<Split> table{{Split::Train, "train"}, {Split::Test, "test"}};
  return table;
}

const util::NameTable<SequenceMode>& names(SequenceMode) {
  static const util::NameTable<SequenceMode> table{{SequenceMode::Sparse, "sparse"}, {SequenceMode::Single, "single"}};
  return table;
}

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
  if (!dynamic_cast<const FrameSource*>(source.get()) && !dynamic_cast<const GreyImageSource*>(source.get()))
    throw std::logic_error("a scene source must render frames or give grey images");
  return std::make_unique<GeneratedDataset>(std::move(source), std::move(spec));
}

}  // namespace sta::data
