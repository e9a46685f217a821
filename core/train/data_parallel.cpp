// Data-parallel training steps over a c10d process group (see data_parallel.h).
#include "core/train/data_parallel.h"

#include <chrono>
#include <cmath>

namespace sta::train {

namespace {

torch::Tensor flatten(const std::vector<torch::Tensor>& tensors) {
  std::vector<torch::Tensor> views;
  for (const auto& t : tensors) views.push_back(t.reshape(-1));
  return torch::cat(views);
}

void unflatten_into(const torch::Tensor& flat, const std::vector<torch::Tensor>& tensors) {
  int64_t at = 0;
  for (const auto& t : tensors) {
    t.copy_(flat.narrow(0, at, t.numel()).view_as(t));
    at += t.numel();
  }
}

// A 64-bit FNV-1a digest of the tensors' bytes: equal digests on every rank mean equal weights.
int64_t digest(const std::vector<torch::Tensor>& tensors) {
  uint64_t hash = 1469598103934665603ull;
  for (const auto& t : tensors) {
    auto bytes = t.detach().to(torch::kCPU).contiguous();
    const auto* p = static_cast<const unsigned char*>(bytes.data_ptr());
    for (int64_t i = 0, n = bytes.numel() * static_cast<int64_t>(bytes.element_size()); i < n; ++i)
      hash = (hash ^ p[i]) * 1099511628211ull;
  }
  return static_cast<int64_t>(hash);
}

}  // namespace

DataParallel::DataParallel(std::shared_ptr<dist::ProcessGroup> group, int64_t bucket_bytes)
    : group_(std::move(group)), bucket_bytes_(bucket_bytes) {}

int64_t DataParallel::local_batch(int64_t global_batch) const {
  if (global_batch % size() != 0)
    throw std::invalid_argument("the batch of " + std::to_string(global_batch) + " sequences does not split over " +
                                std::to_string(size()) + " processes: use a batch that is a multiple of the world size");
  return global_batch / size();
}

model::BatchShard DataParallel::shard(int64_t global_batch) {
  model::BatchShard shard;
  shard.size = local_batch(global_batch);
  shard.offset = rank() * shard.size;
  shard.global = global_batch;
  shard.gather = [this](const torch::Tensor& local) { return group_->all_gather(local, "gathering the batch's plan"); };
  return shard;
}

std::vector<std::vector<torch::Tensor>> DataParallel::bucket(const std::vector<torch::Tensor>& tensors) const {
  std::vector<std::vector<torch::Tensor>> buckets;
  int64_t filled = 0;
  for (const auto& tensor : tensors) {
    const int64_t bytes = tensor.numel() * static_cast<int64_t>(tensor.element_size());
    if (buckets.empty() || filled + bytes > bucket_bytes_ ||
        buckets.back().front().scalar_type() != tensor.scalar_type()) {
      buckets.emplace_back();
      filled = 0;
    }
    buckets.back().push_back(tensor);
    filled += bytes;
  }
  return buckets;
}

namespace {

// The first key (as a JSON pointer) whose value differs between a and b.
std::string first_difference(const nlohmann::json& a, const nlohmann::json& b) {
  const auto patch = nlohmann::json::diff(a, b);
  return patch.empty() ? "" : patch.front().value("path", "");
}

}  // namespace

void DataParallel::check_same_settings(const nlohmann::json& settings) {
  const auto theirs = nlohmann::json::parse(group_->share("settings", settings.dump(), 0));
  const std::string differs = first_difference(theirs, settings);
  std::vector<torch::Tensor> flags{torch::tensor({differs.empty() ? 0.0 : 1.0}, torch::kDouble)};
  group_->all_reduce_sum(flags, "comparing the ranks' settings");
  if (flags[0].item<double>() == 0) return;
  throw std::invalid_argument(
      "the ranks were started with different training settings" +
      (differs.empty() ? std::string() : " (rank " + std::to_string(rank()) + " differs from rank 0 at '" + differs + "')") +
      ": give every rank the same options");
}

void DataParallel::broadcast_parameters(const std::vector<torch::Tensor>& parameters) {
  torch::NoGradGuard no_grad;
  for (const auto& tensors : bucket(parameters)) {
    std::vector<torch::Tensor> flat{flatten(tensors)};
    group_->broadcast(flat, 0, "broadcasting rank 0's weights");
    unflatten_into(flat[0], tensors);
  }
}

double DataParallel::average_gradients(const std::vector<torch::Tensor>& parameters) {
  torch::NoGradGuard no_grad;
  const auto start = std::chrono::steady_clock::now();
  for (const auto& tensors : bucket(parameters)) {
    // A parameter without a gradient this step (unused by the objective) takes part as zeros
    // and keeps no gradient, as in a single process.
    std::vector<torch::Tensor> grads;
    for (const auto& p : tensors) grads.push_back(p.grad().defined() ? p.grad() : torch::zeros_like(p));
    std::vector<torch::Tensor> flat{flatten(grads)};
    group_->all_reduce_sum(flat, "the gradient all-reduce");
    flat[0].div_(size());
    unflatten_into(flat[0], grads);
  }
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

StepAgreement DataParallel::agree(double loss, const std::vector<double>& terms, bool stop_requested) {
  // [non-finite count, stop count, loss, terms...]; a non-finite loss travels as 0 beside its flag.
  std::vector<double> values{std::isfinite(loss) ? 0.0 : 1.0, stop_requested ? 1.0 : 0.0, std::isfinite(loss) ? loss : 0};
  for (double term : terms) values.push_back(std::isfinite(term) ? term : 0);
  std::vector<torch::Tensor> flat{torch::tensor(values, torch::kDouble)};
  group_->all_reduce_sum(flat, "agreeing on the step's loss");
  const auto sums = flat[0].accessor<double, 1>();
  StepAgreement out;
  out.finite = sums[0] == 0;
  out.stop = sums[1] > 0;
  out.loss = out.finite ? sums[2] / size() : std::nan("");
  for (size_t i = 0; i < terms.size(); ++i) out.terms.push_back(sums[static_cast<int64_t>(i) + 3] / size());
  return out;
}

void DataParallel::check_identical(const std::vector<torch::Tensor>& parameters) {
  auto all = group_->all_gather(torch::tensor({digest(parameters)}, torch::kLong), "comparing the ranks' weights");
  std::string differing;
  for (int r = 1; r < size(); ++r)
    if (all[r].item<int64_t>() != all[0].item<int64_t>()) differing += (differing.empty() ? "" : ", ") + std::to_string(r);
  if (!differing.empty())
    throw std::runtime_error("the weights of rank(s) " + differing + " differ from rank 0's: the replicas diverged");
}

int64_t DataParallel::bytes_per_step(const std::vector<torch::Tensor>& parameters) const {
  int64_t bytes = 0;
  for (const auto& p : parameters) bytes += p.numel() * static_cast<int64_t>(p.element_size());
  return bytes;
}

int DataParallel::buckets(const std::vector<torch::Tensor>& parameters) const {
  return static_cast<int>(bucket(parameters).size());
}

}  // namespace sta::train
