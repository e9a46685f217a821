// Slices: axis planes, Gram-Schmidt, principal components of points and of velocities.
#include "core/field/field_error.h"
#include "core/field/slice.h"

#include <doctest/doctest.h>

#include <cmath>
#include <random>

using sta::field::FieldError;
using sta::field::Slice;

namespace {

float dot(const std::vector<float>& a, const std::vector<float>& b) {
  float s = 0.0f;
  for (size_t i = 0; i < a.size(); ++i) s += a[i] * b[i];
  return s;
}

std::vector<float> random_unit(std::mt19937& rng, int dim) {
  std::normal_distribution<float> normal;
  std::vector<float> v(static_cast<size_t>(dim));
  for (float& x : v) x = normal(rng);
  const float n = std::sqrt(dot(v, v));
  for (float& x : v) x /= n;
  return v;
}

}  // namespace

TEST_CASE("an axis slice maps slice coordinates to latent points and back") {
  const Slice s = Slice::from_axes({1.0f, 2.0f, 3.0f, 4.0f}, 1, 3);
  const std::vector<float> z = s.latent({0.5f, -2.0f});
  CHECK(z == std::vector<float>{1.0f, 2.5f, 3.0f, 2.0f});
  const sta::field::Vec2 p = s.coordinates(z.data());
  CHECK(p.x == doctest::Approx(0.5f));
  CHECK(p.y == doctest::Approx(-2.0f));
  CHECK_THROWS_AS(Slice::from_axes({0.0f, 0.0f}, 1, 1), FieldError);
  CHECK_THROWS_AS(Slice::from_axes({0.0f, 0.0f}, 0, 2), FieldError);
}

TEST_CASE("Gram-Schmidt turns two independent directions into an orthonormal pair in their span") {
  const Slice s = Slice::from_directions({0.0f, 0.0f, 0.0f}, {2.0f, 0.0f, 0.0f}, {1.0f, 1.0f, 0.0f});
  CHECK(dot(s.u, s.u) == doctest::Approx(1.0f));
  CHECK(dot(s.v, s.v) == doctest::Approx(1.0f));
  CHECK(dot(s.u, s.v) == doctest::Approx(0.0f));
  CHECK(s.v[1] == doctest::Approx(1.0f));
  CHECK_THROWS_AS(Slice::from_directions({0.0f, 0.0f}, {1.0f, 1.0f}, {2.0f, 2.0f}), FieldError);
  CHECK_THROWS_AS(Slice::from_directions({0.0f, 0.0f}, {1.0f, 1.0f, 0.0f}, {0.0f, 1.0f}), FieldError);
}

TEST_CASE("the principal plane of an anisotropic point cloud is recovered") {
  const int dim = 16, n = 4000;
  std::mt19937 rng(7);
  const std::vector<float> e1 = random_unit(rng, dim);
  std::vector<float> e2 = random_unit(rng, dim);
  const float along = dot(e1, e2);
  for (int i = 0; i < dim; ++i) e2[i] -= along * e1[i];
  const float norm = std::sqrt(dot(e2, e2));
  for (float& x : e2) x /= norm;

  std::normal_distribution<float> normal;
  std::vector<float> points;
  std::vector<float> centre(static_cast<size_t>(dim), 0.0f);
  centre[3] = 5.0f;
  for (int r = 0; r < n; ++r) {
    const float a = 4.0f * normal(rng), b = 2.0f * normal(rng);
    for (int i = 0; i < dim; ++i) points.push_back(centre[i] + a * e1[i] + b * e2[i] + 0.1f * normal(rng));
  }
  const Slice s = Slice::from_points(points, dim);
  CHECK(std::abs(dot(s.u, e1)) > 0.995f);
  CHECK(std::abs(dot(s.v, e2)) > 0.99f);
  CHECK(dot(s.u, s.v) == doctest::Approx(0.0f).epsilon(1e-5));
  CHECK(s.anchor[3] == doctest::Approx(5.0f).epsilon(0.05));
  CHECK_THROWS_AS(Slice::from_points(std::vector<float>(10, 1.0f), 3), FieldError);
}

TEST_CASE("the plane of the largest velocities is the plane in which a primitive moves") {
  // A rotation in latent axes 2 and 5 (with speed growing with radius) in D = 8.
  const int dim = 8;
  std::mt19937 rng(3);
  std::normal_distribution<float> normal;
  std::vector<float> velocities;
  for (int r = 0; r < 500; ++r) {
    std::vector<float> v(static_cast<size_t>(dim), 0.0f);
    const float a = normal(rng), b = normal(rng);
    v[2] = -b;
    v[5] = a;
    v[0] = 0.01f * normal(rng);
    velocities.insert(velocities.end(), v.begin(), v.end());
  }
  const Slice s = Slice::from_velocities(std::vector<float>(dim, 0.0f), velocities);
  CHECK(s.u[2] * s.u[2] + s.u[5] * s.u[5] > 0.999f);
  CHECK(s.v[2] * s.v[2] + s.v[5] * s.v[5] > 0.999f);
}
