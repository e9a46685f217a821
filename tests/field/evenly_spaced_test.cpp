// Evenly spaced placement: lines keep their distance, and the rectangle gets covered.
#include "analytic.h"
#include "core/field/evenly_spaced.h"
#include "core/field/field_error.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

using namespace sta::field;

namespace {

// Smallest distance from a vertex of one line to a segment of a different line.
float closest_approach(const std::vector<Streamline>& lines) {
  float best = std::numeric_limits<float>::max();
  for (size_t a = 0; a < lines.size(); ++a)
    for (size_t b = 0; b < lines.size(); ++b) {
      if (a == b) continue;
      for (Vec2 p : lines[a].points)
        for (size_t k = 1; k < lines[b].points.size(); ++k)
          best = std::min(best, distance_to_segment(p, lines[b].points[k - 1], lines[b].points[k]));
    }
  return best;
}

// Largest distance from a random point of the rectangle (away from its edge) to any line.
float largest_gap(const std::vector<Streamline>& lines, const GridSpec& spec, float margin) {
  std::mt19937 rng(5);
  std::uniform_real_distribution<float> x(spec.x0 + margin, spec.x1 - margin), y(spec.y0 + margin, spec.y1 - margin);
  float worst = 0.0f;
  for (int n = 0; n < 400; ++n) {
    const Vec2 p{x(rng), y(rng)};
    float nearest = std::numeric_limits<float>::max();
    for (const Streamline& line : lines)
      for (size_t k = 1; k < line.points.size(); ++k)
        nearest = std::min(nearest, distance_to_segment(p, line.points[k - 1], line.points[k]));
    worst = std::max(worst, nearest);
  }
  return worst;
}

}  // namespace

TEST_CASE("evenly spaced lines keep the test distance from each other and cover the slice") {
  auto spiral = [](Vec2 p) { return Vec2{-p.y + 0.3f * p.x, p.x + 0.3f * p.y}; };
  auto saddle = [](Vec2 p) { return Vec2{p.x, -p.y}; };
  for (float ratio : {0.5f, 1.0f}) {
    for (auto field : {+sta::test::rotation, +sta::test::source, +spiral, +saddle}) {
      CAPTURE(ratio);
      const VectorGrid grid = sta::test::sample_2d(field, 48, 2.0f);
      EvenlySpacedParams params;
      params.density = 0.6f;
      params.test_ratio = ratio;
      const std::vector<Streamline> lines = evenly_spaced_streamlines(grid, params);
      const float d_sep = separating_distance(grid.spec, params.density);
      const float d_test = ratio * d_sep;
      const float step = params.line.step_cells * grid.spec.cell_x();
      REQUIRE(lines.size() > 5);
      // Vertices are tested against vertices; a segment between two allowed vertices can
      // pass at most this much closer (half a step off the perpendicular).
      const float tolerance = d_test - std::sqrt(d_test * d_test - 0.25f * step * step) + 1e-4f;
      CHECK(closest_approach(lines) >= d_test - tolerance);
      CHECK(largest_gap(lines, grid.spec, d_sep) < 2.0f * d_sep);
    }
  }
}

TEST_CASE("bad placement parameters are refused") {
  const VectorGrid grid = sta::test::sample_2d(sta::test::rotation, 16, 1.0f);
  EvenlySpacedParams params;
  params.density = 0.0f;
  CHECK_THROWS_AS(evenly_spaced_streamlines(grid, params), FieldError);
  params.density = 1.0f;
  params.test_ratio = 1.5f;
  CHECK_THROWS_AS(evenly_spaced_streamlines(grid, params), FieldError);
}
