// What one rank of a data-parallel run does beyond a single process's training step.
#pragma once

#include "core/dist/process_group.h"
#include "core/model/batch_shard.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <memory>
#include <vector>

namespace sta::train {

// What every rank decides the same after a step's forward pass.
struct StepAgreement {
  double loss = 0;                    // mean over ranks
  std::vector<double> terms;          // each objective term, mean over ranks
  bool finite = true;                 // every rank's loss is finite
  bool stop = false;                  // some rank was asked to stop (Ctrl-C)
};

// Starts from rank 0's weights, splits each global batch into disjoint shards (rank r takes rows
// [r B/N, (r+1) B/N) of the global order), averages gradients with bucketed all-reduces (parameters
// flattened into buffers of at most `bucket_bytes`, one collective per bucket), agrees on each step's
// loss, NaN flag and stop request, and checks that every rank holds bit-identical weights.
// Every rank calls the same methods in the same order.
class DataParallel {
 public:
  static constexpr int64_t kDefaultBucketBytes = 25 << 20;  // as PyTorch's DistributedDataParallel

  explicit DataParallel(std::shared_ptr<dist::ProcessGroup> group, int64_t bucket_bytes = kDefaultBucketBytes);

  int rank() const { return group_->rank(); }
  int size() const { return group_->size(); }
  dist::ProcessGroup& group() { return *group_; }

  // Throws std::invalid_argument unless the global batch splits evenly over the ranks.
  int64_t local_batch(int64_t global_batch) const;
  model::BatchShard shard(int64_t global_batch);

  // Throws on every rank unless every rank was started with rank 0's `settings` (the training
  // config and data), naming the first setting that differs.
  void check_same_settings(const nlohmann::json& settings);
  void broadcast_parameters(const std::vector<torch::Tensor>& parameters);  // from rank 0
  // Gradients of `parameters` replaced by their mean over ranks; returns the seconds it took.
  double average_gradients(const std::vector<torch::Tensor>& parameters);
  StepAgreement agree(double loss, const std::vector<double>& terms, bool stop_requested);
  // Throws std::runtime_error naming the ranks whose weights differ from rank 0's.
  void check_identical(const std::vector<torch::Tensor>& parameters);

  int64_t bytes_per_step(const std::vector<torch::Tensor>& parameters) const;
  int buckets(const std::vector<torch::Tensor>& parameters) const;

 private:
  // Consecutive parameters grouped into buckets of at most bucket_bytes_ (a larger one alone).
  std::vector<std::vector<torch::Tensor>> bucket(const std::vector<torch::Tensor>& tensors) const;

  std::shared_ptr<dist::ProcessGroup> group_;
  int64_t bucket_bytes_;
};

}  // namespace sta::train
