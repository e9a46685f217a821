// Grid sampling: one batched call per field, the right latent points, exact projection.
#include "core/field/field_error.h"
#include "core/field/sampling.h"

#include <doctest/doctest.h>

#include <random>

using namespace sta::field;

TEST_CASE("sampling calls the batched field once with every node and projects onto the slice") {
  const int dim = 6;
  std::mt19937 rng(11);
  std::normal_distribution<float> normal;
  std::vector<float> a(dim * dim);  // a linear field v(z) = A z
  for (float& x : a) x = normal(rng);
  const Slice slice = Slice::from_directions({1, 0, -1, 2, 0, 0.5f}, {1, 1, 0, 0, 0, 0}, {0, 0, 1, 0, 1, 1});
  const GridSpec spec{5, 4, -1.0f, 2.0f, 0.0f, 3.0f};

  int calls = 0;
  std::vector<float> seen;
  const VectorGrid grid = sample_field(slice, spec, [&](const std::vector<float>& points, int d,
                                                        std::vector<float>& out) {
    ++calls;
    CHECK(d == dim);
    seen = points;
    out.assign(points.size(), 0.0f);
    for (size_t n = 0; n < points.size() / dim; ++n)
      for (int r = 0; r < dim; ++r)
        for (int c = 0; c < dim; ++c) out[n * dim + r] += a[r * dim + c] * points[n * dim + c];
  });
  CHECK(calls == 1);
  REQUIRE(seen.size() == static_cast<size_t>(spec.count() * dim));

  for (int j = 0; j < spec.ny; ++j)
    for (int i = 0; i < spec.nx; ++i) {
      const std::vector<float> z = slice.latent(spec.node(i, j));
      const size_t n = static_cast<size_t>(j * spec.nx + i);
      for (int k = 0; k < dim; ++k) CHECK(seen[n * dim + k] == doctest::Approx(z[k]));
      std::vector<float> az(dim, 0.0f);
      for (int r = 0; r < dim; ++r)
        for (int c = 0; c < dim; ++c) az[r] += a[r * dim + c] * z[c];
      float pu = 0.0f, pv = 0.0f;
      for (int k = 0; k < dim; ++k) {
        pu += az[k] * slice.u[k];
        pv += az[k] * slice.v[k];
      }
      CHECK(grid.at(i, j).x == doctest::Approx(pu).epsilon(1e-4));
      CHECK(grid.at(i, j).y == doctest::Approx(pv).epsilon(1e-4));
    }
}

TEST_CASE("scalar sampling calls the batched scalar once and keeps node order") {
  const Slice slice = Slice::from_axes({0, 0, 0}, 0, 2);
  const GridSpec spec{4, 3, 0.0f, 3.0f, 0.0f, 2.0f};
  int calls = 0;
  const ScalarGrid grid = sample_scalar(slice, spec, [&](const std::vector<float>& points, int dim,
                                                         std::vector<float>& out) {
    ++calls;
    for (size_t n = 0; n < points.size() / dim; ++n) out.push_back(points[n * dim] + 10.0f * points[n * dim + 2]);
  });
  CHECK(calls == 1);
  CHECK(grid.at(3, 0) == doctest::Approx(3.0f));
  CHECK(grid.at(1, 2) == doctest::Approx(21.0f));
}

TEST_CASE("a callback returning the wrong number of values and degenerate grids are refused") {
  const Slice slice = Slice::from_axes({0, 0}, 0, 1);
  auto short_field = [](const std::vector<float>& points, int, std::vector<float>& out) {
    out.assign(points.size() - 1, 0.0f);
  };
  CHECK_THROWS_WITH_AS(sample_field(slice, GridSpec{}, short_field),
                       doctest::Contains("field callback returned"), FieldError);
  CHECK_THROWS_AS(grid_points(slice, GridSpec{2, 8}), FieldError);
  CHECK_THROWS_AS(grid_points(slice, GridSpec{8, 8, 1.0f, 1.0f}), FieldError);
}
