// Benchmark of data-parallel gradient traffic per preset: bytes and buckets all-reduced per step, modelled
// ring times, and the measured median of DataParallel's Gloo all-reduce between 2 ranks on loopback.
#include "core/model/sta_model.h"
#include "core/train/data_parallel.h"
#include "core/train/train_config.h"
#include "core/util/runtime.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <thread>

using namespace sta;

namespace {

constexpr int kRepeats = 7;

// Median seconds of DataParallel::average_gradients over `parameters`' shapes, 2 ranks as threads.
double loopback_allreduce_seconds(const std::vector<torch::Tensor>& shapes, int port) {
  std::vector<double> times;
  auto rank_body = [&](int rank) {
    dist::Rendezvous r;
    r.port = port;
    r.world_size = 2;
    r.rank = rank;
    train::DataParallel parallel(dist::ProcessGroup::join(r));
    std::vector<torch::Tensor> parameters;
    for (const auto& s : shapes) {
      auto p = torch::zeros_like(s).requires_grad_(true);
      p.mutable_grad() = torch::randn_like(s);
      parameters.push_back(p);
    }
    for (int i = 0; i < kRepeats + 1; ++i) {
      const double seconds = parallel.average_gradients(parameters);
      if (rank == 0 && i > 0) times.push_back(seconds);  // the first connects and warms up
    }
  };
  std::thread other(rank_body, 1);
  rank_body(0);
  other.join();
  std::nth_element(times.begin(), times.begin() + times.size() / 2, times.end());
  return times[times.size() / 2];
}

}  // namespace

// For each preset (28 px frames, 3 primitives, T = 8): the parameters and bytes all-reduced per step,
// the buckets they travel in, the time a ring all-reduce of them needs at 10 and 100 Gbit/s for 2, 8
// and 64 ranks (each rank sends and receives 2 (N - 1) / N of the bytes).
int main() {
  configure_runtime();
  std::printf("gradient all-reduce per data-parallel step (28 px, K = 3, T = 8); ring all-reduce moves 2(N-1)/N of the bytes\n");
  std::printf("%-6s %11s %9s %7s | %-22s %-22s %-22s | %s\n", "preset", "parameters", "MB", "buckets",
              "N=2: 10 / 100 Gbit/s", "N=8: 10 / 100 Gbit/s", "N=64: 10 / 100 Gbit/s", "measured, 2 ranks, loopback");
  int port = 29611;
  for (const auto& name : train::preset_names()) {
    const auto config = train::make_preset(name, 28, 3, 8);
    model::StaModel model(config.model);
    auto parameters = model->parameters();
    int64_t count = 0;
    for (const auto& p : parameters) count += p.numel();
    const double bytes = static_cast<double>(count) * 4;
    const int buckets = static_cast<int>((bytes + train::DataParallel::kDefaultBucketBytes - 1) /
                                         train::DataParallel::kDefaultBucketBytes);
    std::printf("%-6s %11lld %9.2f %7d |", name.c_str(), static_cast<long long>(count), bytes / 1e6, buckets);
    for (int ranks : {2, 8, 64}) {
      const double moved_bits = 2.0 * (ranks - 1) / ranks * bytes * 8;
      std::printf(" %8.2f / %7.3f ms   ", 1e3 * moved_bits / 10e9, 1e3 * moved_bits / 100e9);
    }
    std::printf("| %.2f ms\n", 1e3 * loopback_allreduce_seconds(parameters, port++));
  }
  return 0;
}
