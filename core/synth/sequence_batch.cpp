// Batched sequence rendering (see sequence_batch.h).
#include "core/synth/sequence_batch.h"

#include "core/model/frames.h"
#include "core/synth/warp_renderer.h"

namespace sta::synth {

SequenceBatch make_batch(const data::Dataset& data, data::Split split, int64_t first, int count, data::SequenceMode mode,
                         torch::Device device) {
  SequenceBatch batch;
  batch.sequences.reserve(count);
  std::optional<data::WarpPlan> plan = data.warp_plan(split, first, mode);
  if (!plan) {
    for (int64_t i = first; i < first + count; ++i) batch.sequences.push_back(data.sequence(split, i, mode));
    batch.frames = model::sequences_to_tensor(batch.sequences).to(device);
    return batch;
  }
  std::vector<Image> bases;
  std::vector<std::vector<data::FrameWarp>> warps;
  for (int64_t i = first; i < first + count; ++i) {
    if (i > first) plan = data.warp_plan(split, i, mode);
    bases.push_back(std::move(plan->base));
    warps.push_back(std::move(plan->warps));
    batch.sequences.push_back(std::move(plan->sequence));
  }
  torch::NoGradGuard no_grad;
  batch.frames = render_warps(model::images_to_tensor(bases).to(device), warp_tensor(warps).to(device), data.image_size());
  return batch;
}

}  // namespace sta::synth
