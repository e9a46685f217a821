// Benchmark of the composer's work per slider change with a real checkpoint (median and 95th percentile).
#include "core/data/dataset.h"
#include "core/model/engine.h"
#include "core/train/model_file.h"
#include "core/util/runtime.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>

using namespace sta;

// From the encoded latent of a test frame, roll every primitive out together for 8 steps at the
// slider speeds and decode the 9 frames (what Derived::composition does before the upload). Each of
// 200 runs moves one slider, as a drag does. Run by hand (THREADS: torch threads, default 1 as in
// the studio):
//   build/bench/composer_latency_bench MODEL.sta [THREADS]
int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::fprintf(stderr, "usage: %s MODEL.sta [THREADS]\n", argv[0]);
    return 2;
  }
  try {
    constexpr int kRuns = 200, kSteps = 8;
    const int threads = argc == 3 ? std::atoi(argv[2]) : 1;
    configure_runtime(threads);
    const model::Engine engine = train::load_engine(argv[1]);
    const auto data = data::open_dataset(train::read_checkpoint_summary(argv[1]).data);
    const model::Latent z0 = engine.encode({data->sequence(data::Split::Test, 0).frames[0]}).front();
    std::vector<float> speeds(engine.primitives(), 1.0f);
    std::vector<double> times;
    for (int run = 0; run < kRuns; ++run) {
      speeds[run % speeds.size()] = -2.0f + 4.0f * (run % 17) / 16.0f;  // a drag moves one slider
      const auto start = std::chrono::steady_clock::now();
      const std::vector<Image> frames = engine.decode(engine.rollout(z0, {kSteps, speeds}));
      times.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
      if (frames.size() != kSteps + 1) throw std::runtime_error("unexpected frame count");
    }
    std::sort(times.begin(), times.end());
    std::printf("model %s: K = %d, D = %d, %d torch thread(s)\n", argv[1], engine.primitives(), engine.latent_dim(),
                threads);
    std::printf("roll-out of %d steps + decode of %d frames: median %.2f ms, p95 %.2f ms, max %.2f ms over %d runs\n",
                kSteps, kSteps + 1, times[kRuns / 2], times[kRuns * 95 / 100], times.back(), kRuns);
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "composer_latency_bench: %s\n", e.what());
    return 1;
  }
}
