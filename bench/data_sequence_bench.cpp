// Times Dataset::sequence() per source (median over many sequences, one thread).
#include "core/data/dataset.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

// The trainer asks for about 32 sequences per step. Usage: data_sequence_bench [sequences-per-source]
int main(int argc, char** argv) {
  const int n = argc > 1 ? std::atoi(argv[1]) : 300;
  for (const char* source : {"fashion-mnist", "digits", "shapes"}) {
    sta::data::DataSpec spec;
    spec.source = source;
    const auto dataset = sta::data::open_dataset(spec);
    std::vector<double> ms;
    for (int i = 0; i < n; ++i) {
      const auto start = std::chrono::steady_clock::now();
      const auto sequence = dataset->sequence(sta::data::Split::Train, i);
      ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(ms.begin(), ms.end());
    std::printf("%-14s %dx%d, %d frames: median %.3f ms, p90 %.3f ms per sequence (%d sequences)\n", source,
                dataset->image_size(), dataset->image_size(), spec.steps + 1, ms[ms.size() / 2],
                ms[ms.size() * 9 / 10], n);
  }
}
