// A training batch split over data-parallel processes, each holding rows [offset, offset + size) of a
// global batch, with the random draws of one process.
#pragma once

#include <torch/torch.h>

#include <functional>

namespace sta::model {

struct BatchShard {
  int64_t offset = 0, size = 0, global = 0;
  // Every process's [size, ...] rows concatenated in order, [global, ...].
  std::function<torch::Tensor(const torch::Tensor&)> gather;
};

// While a scope is alive on a thread, random draws shaped by the batch (draw_for_batch) are drawn for
// the whole global batch from torch's generator, which every process keeps in step, and this
// process's rows are kept; computations that couple a batch's sequences (the curriculum's balanced
// plan) gather their inputs over the group. N processes x B/N rows then see exactly the noise and
// plans of one process x B. Without a scope nothing changes.
class BatchShardScope {
 public:
  explicit BatchShardScope(BatchShard shard);
  ~BatchShardScope();
  BatchShardScope(const BatchShardScope&) = delete;
  BatchShardScope& operator=(const BatchShardScope&) = delete;

 private:
  BatchShard shard_;
  const BatchShard* previous_;
};

// `draw(shape)` for a tensor whose dimension `batch_dim` runs over the local batch, batch-major
// (its size a multiple m of the local batch): drawn with m x global rows, this process's kept.
torch::Tensor draw_for_batch(std::vector<int64_t> shape, int64_t batch_dim,
                             const std::function<torch::Tensor(at::IntArrayRef)>& draw);
// [local, ...] -> [global, ...] over every process (itself without a scope).
torch::Tensor gather_batch(const torch::Tensor& local);
// [global, ...] -> this process's rows (itself without a scope).
torch::Tensor local_rows(const torch::Tensor& global);

}  // namespace sta::model
