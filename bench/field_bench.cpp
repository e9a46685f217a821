// Benchmark of the field view's recomputation on analytic primitives: sampling and streamlines.
#include "core/field/evenly_spaced.h"
#include "core/field/sampling.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <vector>

using namespace sta::field;

namespace {

constexpr int kDim = 32;

// v(z) = A z + c (z - anchor), a linear field with matrix A (row-major) and radial part c.
BatchedField linear_field(std::vector<float> a, float radial) {
  return [a = std::move(a), radial](const std::vector<float>& points, int dim, std::vector<float>& out) {
    out.assign(points.size(), 0.0f);
    for (size_t n = 0; n < points.size() / dim; ++n) {
      const float* z = &points[n * dim];
      float* v = &out[n * dim];
      for (int r = 0; r < dim; ++r) {
        float sum = radial * z[r];
        for (int c = 0; c < dim; ++c) sum += a[static_cast<size_t>(r) * dim + c] * z[c];
        v[r] = sum;
      }
    }
  };
}

// A random skew-symmetric matrix whose strongest rotation lies in the latent plane (0, 1).
std::vector<float> skew(std::mt19937& rng, float noise) {
  std::normal_distribution<float> normal;
  std::vector<float> a(kDim * kDim, 0.0f);
  for (int r = 0; r < kDim; ++r)
    for (int c = r + 1; c < kDim; ++c) {
      const float w = noise * normal(rng);
      a[r * kDim + c] = w;
      a[c * kDim + r] = -w;
    }
  a[0 * kDim + 1] = -1.0f;
  a[1 * kDim + 0] = 1.0f;
  return a;
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

}  // namespace

// K = 3 analytic primitives in D = 32 sampled on a 64 x 64 slice grid (one batched call each), plus
// evenly spaced streamlines of each. Prints the median of 25 runs. Run by hand: build/bench/field_bench
int main() {
  std::mt19937 rng(1);
  const std::vector<BatchedField> primitives = {
      linear_field(skew(rng, 0.05f), 0.0f),                    // rotation-like
      linear_field(std::vector<float>(kDim * kDim, 0.0f), 1.0f),  // source
      linear_field(skew(rng, 0.1f), 0.3f),                     // spiral: rotation + source
  };
  const Slice slice = Slice::from_axes(std::vector<float>(kDim, 0.0f), 0, 1);
  const GridSpec spec{64, 64, -3.0f, 3.0f, -3.0f, 3.0f};

  std::vector<double> sample_ms, lines_ms, total_ms;
  size_t line_count = 0, vertex_count = 0;
  for (int run = 0; run < 25; ++run) {
    double sample = 0.0, lines = 0.0;
    line_count = vertex_count = 0;
    for (const BatchedField& field : primitives) {
      const auto t0 = std::chrono::steady_clock::now();
      const VectorGrid grid = sample_field(slice, spec, field);
      const auto t1 = std::chrono::steady_clock::now();
      const std::vector<Streamline> placed = evenly_spaced_streamlines(grid);
      const auto t2 = std::chrono::steady_clock::now();
      sample += std::chrono::duration<double, std::milli>(t1 - t0).count();
      lines += std::chrono::duration<double, std::milli>(t2 - t1).count();
      line_count += placed.size();
      for (const Streamline& s : placed) vertex_count += s.points.size();
    }
    sample_ms.push_back(sample);
    lines_ms.push_back(lines);
    total_ms.push_back(sample + lines);
  }
  std::printf("field_bench: K=3 primitives, D=%d, grid %dx%d, density 1, 25 runs\n", kDim, spec.nx, spec.ny);
  std::printf("  sampling (3 batched calls + projection): median %.2f ms\n", median(sample_ms));
  std::printf("  evenly spaced streamlines (3 fields):    median %.2f ms (%zu lines, %zu vertices)\n",
              median(lines_ms), line_count, vertex_count);
  std::printf("  total:                                   median %.2f ms\n", median(total_ms));
  return 0;
}
