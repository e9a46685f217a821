// Sequences per second of the training data path on fashion-mnist: one sequence at a time versus the
// trainer's batched torch rendering.
#include "core/data/dataset.h"
#include "core/model/frames.h"
#include "core/train/sequence_batch.h"
#include "core/util/runtime.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <vector>

namespace {

constexpr int kBatch = 32;

double median_rate(int batches, const std::function<void(int)>& make) {
  std::vector<double> rates;
  for (int i = 0; i < batches; ++i) {
    const auto start = std::chrono::steady_clock::now();
    make(i);
    rates.push_back(kBatch / std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(rates.begin(), rates.end());
  return rates[rates.size() / 2];
}

}  // namespace

// 28 px, T = 8, in batches of 32 as the trainer asks for them: (a) one sequence at a time through
// Dataset::sequence(), then stacked into one [B, T+1, 3, S, S] tensor; (b) train::make_batch, the
// trainer's path, which renders the whole batch in one torch call. Prints the median over the batches.
// Usage: sequence_render_bench [batches]
int main(int argc, char** argv) {
  sta::configure_runtime();
  const int batches = argc > 1 ? std::atoi(argv[1]) : 40;
  sta::data::DataSpec spec;
  spec.source = "fashion-mnist";
  const auto dataset = sta::data::open_dataset(spec);
  const double one_by_one = median_rate(batches, [&](int i) {
    std::vector<sta::data::Sequence> sequences;
    for (int b = 0; b < kBatch; ++b) sequences.push_back(dataset->sequence(sta::data::Split::Train, i * kBatch + b));
    sta::model::sequences_to_tensor(sequences);
  });
  const double batched = median_rate(batches, [&](int i) {
    sta::train::make_batch(*dataset, sta::data::Split::Train, i * kBatch, kBatch, sta::data::SequenceMode::Sparse,
                           torch::kCPU);
  });
  std::printf("one sequence at a time: %.0f sequences/s; batched (trainer): %.0f sequences/s (median of %d batches of %d)\n",
              one_by_one, batched, batches, kBatch);
}
