// Batched sequence rendering (see sequence_batch.h).
#include "core/train/sequence_batch.h"

#include "core/model/frames.h"
#include "core/synth/warp_renderer.h"

namespace sta::train {

namespace {

SequenceBatch build_batch(const data::Dataset& data, data::Split split, int64_t first, int count, data::SequenceMode mode,
                          torch::Device device, bool frames_only) {
  auto plan_of = [&](int64_t i) { return frames_only ? data.frames_only_plan(split, i, mode) : data.warp_plan(split, i, mode); };
  SequenceBatch batch;
  batch.sequences.reserve(count);
  std::optional<data::WarpPlan> plan = plan_of(first);
  if (!plan) {
    for (int64_t i = first; i < first + count; ++i)
      batch.sequences.push_back(frames_only ? data.frames_only(split, i, mode) : data.sequence(split, i, mode));
    batch.frames = model::sequences_to_tensor(batch.sequences).to(device);
    return batch;
  }
  std::vector<Image> bases;
  std::vector<std::vector<synth::FrameWarp>> warps;
  for (int64_t i = first; i < first + count; ++i) {
    if (i > first) plan = plan_of(i);
    bases.push_back(std::move(plan->base));
    warps.push_back(std::move(plan->warps));
    batch.sequences.push_back(std::move(plan->sequence));
  }
  torch::NoGradGuard no_grad;
  batch.frames = synth::render_warps(images_to_tensor(bases).to(device), synth::warp_tensor(warps).to(device), data.image_size());
  return batch;
}

}  // namespace

SequenceBatch make_batch(const data::Dataset& data, data::Split split, int64_t first, int count, data::SequenceMode mode,
                         torch::Device device) {
  return build_batch(data, split, first, count, mode, device, false);
}

torch::Tensor make_training_frames(const data::Dataset& data, data::Split split, int64_t first, int count,
                                   data::SequenceMode mode, torch::Device device) {
  return build_batch(data, split, first, count, mode, device, true).frames;
}

}  // namespace sta::train
