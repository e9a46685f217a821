// Finite-difference speed, divergence and curl against analytic values.
#include "analytic.h"
#include "core/field/derived.h"

#include <doctest/doctest.h>

#include <cmath>

using namespace sta::field;

TEST_CASE("rotation has curl 2 and no divergence, a source has divergence 2 and no curl") {
  const VectorGrid rot = sta::test::sample_2d(sta::test::rotation, 17, 2.0f);
  const VectorGrid src = sta::test::sample_2d(sta::test::source, 17, 2.0f);
  const ScalarGrid rot_div = divergence(rot), rot_curl = curl(rot);
  const ScalarGrid src_div = divergence(src), src_curl = curl(src);
  for (size_t n = 0; n < rot.values.size(); ++n) {
    CHECK(rot_div.values[n] == doctest::Approx(0.0f).epsilon(1e-4).scale(1.0));
    CHECK(rot_curl.values[n] == doctest::Approx(2.0f).epsilon(1e-4));
    CHECK(src_div.values[n] == doctest::Approx(2.0f).epsilon(1e-4));
    CHECK(src_curl.values[n] == doctest::Approx(0.0f).epsilon(1e-4).scale(1.0));
  }
}

TEST_CASE("divergence, curl and speed of a nonlinear field match the analytic values") {
  // v = (sin x cos y, x y^2): div = cos x cos y + 2 x y, curl = y^2 + sin x sin y.
  auto v = [](Vec2 p) { return Vec2{std::sin(p.x) * std::cos(p.y), p.x * p.y * p.y}; };
  const VectorGrid grid = sta::test::sample_2d(v, 81, 2.0f);
  const ScalarGrid div = divergence(grid), rot = curl(grid), fast = speed(grid);
  float worst_div = 0.0f, worst_curl = 0.0f;
  for (int j = 0; j < grid.spec.ny; ++j)
    for (int i = 0; i < grid.spec.nx; ++i) {
      const Vec2 p = grid.spec.node(i, j);
      worst_div = std::max(worst_div, std::abs(div.at(i, j) - (std::cos(p.x) * std::cos(p.y) + 2 * p.x * p.y)));
      worst_curl = std::max(worst_curl, std::abs(rot.at(i, j) - (p.y * p.y + std::sin(p.x) * std::sin(p.y))));
      CHECK(fast.at(i, j) == doctest::Approx(length(v(p))));
    }
  // Second-order differences with h = 0.05: errors of order h^2 times third derivatives.
  CHECK(worst_div < 0.01f);
  CHECK(worst_curl < 0.01f);
}
