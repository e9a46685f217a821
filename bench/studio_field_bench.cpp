// Benchmark of the studio's field-view recomputation with a real checkpoint (median and 95th percentile).
#include "app/figures/field_layers.h"
#include "core/field/sampling.h"
#include "core/train/model_file.h"
#include "core/util/runtime.h"

#include <algorithm>
#include <cstdlib>
#include <chrono>
#include <cstdio>
#include <exception>
#include <functional>

using namespace sta;

namespace {

constexpr int kRuns = 40;

struct Timing {
  double median_ms, p95_ms;
};

Timing time_runs(const std::function<void()>& work) {
  std::vector<double> times;
  for (int run = 0; run < kRuns; ++run) {
    const auto start = std::chrono::steady_clock::now();
    work();
    times.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(times.begin(), times.end());
  return {times[times.size() / 2], times[times.size() * 95 / 100]};
}

double median_ms(const std::function<void()>& work) { return time_runs(work).median_ms; }

}  // namespace

// The slice, one batched Engine::fields call per part for all K primitives on a 64 x 64 grid, and
// evenly spaced streamlines of each primitive (app/figures/field_layers.h); 40 runs per setting, and
// the Engine call and the tracing alone. Run by hand (THREADS: torch threads, default 1 as in the
// studio):
//   build/bench/studio_field_bench MODEL.sta [THREADS]
int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::fprintf(stderr, "usage: %s MODEL.sta [THREADS]\n", argv[0]);
    return 2;
  }
  try {
    const int threads = argc == 3 ? std::atoi(argv[2]) : 1;
    configure_runtime(threads);
    const model::Engine engine = train::load_engine(argv[1]);
    const auto data = data::open_dataset(train::read_checkpoint_summary(argv[1]).data);
    std::vector<Image> frames;
    for (int i = 0; i < 32; ++i) {
      const data::Sequence s = data->sequence(data::Split::Test, i);
      frames.insert(frames.end(), s.frames.begin(), s.frames.end());
    }
    figures::FieldRequest request;
    for (const model::Latent& z : engine.encode(frames))
      request.test_latents.insert(request.test_latents.end(), z.begin(), z.end());
    request.anchor = engine.encode({frames[3]}).front();
    request.time = 4.0;
    std::printf("model %s: K = %d, D = %d; %dx%d grid, %zu encoded test latents, %d torch thread(s)\n", argv[1],
                engine.primitives(), engine.latent_dim(), request.grid_nodes, request.grid_nodes,
                request.test_latents.size() / engine.latent_dim(), threads);

    const figures::FieldLayers whole = figures::compute_field_layers(engine, request);
    const std::vector<float> points = field::grid_points(whole.slice, whole.spec);  // the recompute's own grid
    std::vector<std::vector<float>> out;
    std::printf("  Engine::fields, all K at %zu points: %.1f ms\n", points.size() / engine.latent_dim(),
                median_ms([&] { engine.fields(model::FieldPart::Whole, request.time, points, out); }));
    const field::EvenlySpacedParams lines = figures::streamline_params(request, false),
                                    sketch = figures::streamline_params(request, true);
    std::printf("  evenly spaced streamlines of K grids: %.1f ms, sketch lines: %.1f ms\n", median_ms([&] {
                  for (const auto& parts : whole.primitives) field::evenly_spaced_streamlines(parts[0].grid, lines);
                }),
                median_ms([&] {
                  for (const auto& parts : whole.primitives) field::evenly_spaced_streamlines(parts[0].grid, sketch);
                }));
    for (figures::PartMode part : {figures::PartMode::Whole, figures::PartMode::Both})
      for (figures::SliceMode slice_mode : {figures::SliceMode::LatentPca, figures::SliceMode::VelocityPca}) {
        request.settings.part = part;
        request.settings.slice = slice_mode;
        size_t lines = 0;
        const Timing t = time_runs([&] {
          const figures::FieldLayers layers = figures::compute_field_layers(engine, request);
          lines = 0;
          for (const auto& parts : layers.primitives)
            for (const auto& layer : parts) lines += layer.lines.size();
        });
        std::printf("  recompute, part %-5s slice %-12s: median %.1f ms, p95 %.1f ms over %d runs (%zu streamlines)\n",
                    part == figures::PartMode::Whole ? "whole" : "both",
                    slice_mode == figures::SliceMode::LatentPca ? "pca" : "velocity-pca", t.median_ms, t.p95_ms, kRuns,
                    lines);
      }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "studio_field_bench: %s\n", e.what());
    return 1;
  }
  return 0;
}
