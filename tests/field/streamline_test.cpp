// Single streamlines on analytic fields: closed orbits, straight radial lines, termination.
#include "analytic.h"
#include "core/field/streamline.h"

#include <doctest/doctest.h>

#include <cmath>

using namespace sta::field;

TEST_CASE("a streamline of a rotation closes on itself and ends as a closed loop") {
  const VectorGrid grid = sta::test::sample_2d(sta::test::rotation, 31, 1.5f);
  const float radius = 1.0f;
  const Streamline line = trace_streamline(grid, {radius, 0.0f});
  REQUIRE(line.points.size() > 10);
  CHECK(line.forward_end == Termination::ClosedLoop);
  CHECK(line.backward_end == Termination::ClosedLoop);
  CHECK(distance(line.points.front(), line.points.back()) < 1e-3f * radius);
  for (Vec2 p : line.points) CHECK(std::abs(length(p) - radius) < 1e-3f * radius);
  CHECK(line.length() == doctest::Approx(2.0 * M_PI * radius).epsilon(1e-3));
  // Counter-clockwise flow: the first step from (1, 0) goes up.
  CHECK(line.points[1].y > line.points[0].y);
}

TEST_CASE("streamlines of the gradient of a quadratic are straight radial lines, outward") {
  const VectorGrid grid = sta::test::sample_2d(sta::test::source, 41, 2.0f);
  for (Vec2 seed : {Vec2{0.5f, 0.2f}, Vec2{-0.3f, 0.7f}, Vec2{-1.0f, -1.1f}}) {
    const Streamline line = trace_streamline(grid, seed);
    REQUIRE(line.points.size() > 10);
    const Vec2 ray = (1.0f / length(seed)) * seed;
    for (size_t k = 0; k < line.points.size(); ++k) {
      const Vec2 p = line.points[k];
      CHECK(std::abs(p.x * ray.y - p.y * ray.x) < 1e-4f);  // on the line through the seed
      CHECK(dot(p, ray) > 0.0f);                            // on the seed's side of the source
      if (k > 0) CHECK(length(p) > length(line.points[k - 1]));  // flowing outward
    }
    CHECK(line.backward_end == Termination::TooSlow);    // stalls at the source
    CHECK(line.forward_end == Termination::LeftSlice);   // leaves the rectangle
    CHECK(line.speed.back() == doctest::Approx(length(line.points.back())).epsilon(1e-4));
  }
}

TEST_CASE("a streamline stops at its maximum length, and seeds outside or at rest give none") {
  const VectorGrid grid = sta::test::sample_2d(sta::test::rotation, 31, 1.5f);
  StreamlineParams params;
  params.max_length = 0.5f;  // half the rectangle's side: 1.5 units, less than the orbit
  const Streamline line = trace_streamline(grid, {1.0f, 0.0f}, params);
  CHECK(line.forward_end == Termination::TooLong);
  CHECK(line.length() <= 1.5f + 1e-4f);
  CHECK(line.length() > 1.4f);
  CHECK(trace_streamline(grid, {2.0f, 0.0f}).points.empty());
  CHECK(trace_streamline(grid, {0.0f, 0.0f}).points.empty());
}

TEST_CASE("a line that runs into a curve where the flow converges stops there") {
  // v = (-x, 0): every line runs towards x = 0, where the direction flips within one step.
  const VectorGrid grid = sta::test::sample_2d([](Vec2 p) { return Vec2{-p.x, 0.0f}; }, 31, 1.5f);
  StreamlineParams params;
  params.min_speed = 0.0f;  // so that only the reversal can stop it
  const Streamline line = trace_streamline(grid, {0.8f, 0.3f}, params);
  CHECK(line.forward_end == Termination::TooSlow);
  CHECK(std::abs(line.points.back().x) < 0.05f);
  CHECK(line.points.back().y == doctest::Approx(0.3f));
  CHECK(line.backward_end == Termination::LeftSlice);
}
