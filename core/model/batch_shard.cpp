// Batch shards of data-parallel training (see batch_shard.h).
#include "core/model/batch_shard.h"

#include <stdexcept>

namespace sta::model {

namespace {
thread_local const BatchShard* active = nullptr;
}

BatchShardScope::BatchShardScope(BatchShard shard) : shard_(std::move(shard)), previous_(active) { active = &shard_; }

BatchShardScope::~BatchShardScope() { active = previous_; }

torch::Tensor draw_for_batch(std::vector<int64_t> shape, int64_t batch_dim,
                             const std::function<torch::Tensor(at::IntArrayRef)>& draw) {
  if (!active) return draw(shape);
  const int64_t rows = shape.at(static_cast<size_t>(batch_dim));
  if (active->size <= 0 || rows % active->size != 0)
    throw std::logic_error("a random draw of " + std::to_string(rows) + " rows does not run over the batch shard of " +
                           std::to_string(active->size));
  const int64_t per_sequence = rows / active->size;
  shape[static_cast<size_t>(batch_dim)] = active->global * per_sequence;
  return draw(shape).narrow(batch_dim, active->offset * per_sequence, rows);
}

torch::Tensor gather_batch(const torch::Tensor& local) { return active ? active->gather(local) : local; }

torch::Tensor local_rows(const torch::Tensor& global) {
  return active ? global.narrow(0, active->offset, active->size) : global;
}

}  // namespace sta::model
