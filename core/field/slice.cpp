// Slice construction (axes, Gram-Schmidt, principal components) and coordinate maps.
#include "core/field/slice.h"

#include "core/field/field_error.h"
#include "core/field/principal_directions.h"

#include <cmath>
#include <string>

namespace sta::field {
namespace {

double dot(const std::vector<float>& a, const std::vector<float>& b) {
  double sum = 0.0;
  for (size_t i = 0; i < a.size(); ++i) sum += static_cast<double>(a[i]) * b[i];
  return sum;
}

void require_dim(const std::vector<float>& vector, size_t dim, const char* what) {
  if (vector.size() != dim)
    throw FieldError(std::string("slice: ") + what + " has " + std::to_string(vector.size()) +
                     " values, the anchor has " + std::to_string(dim));
}

// Scales `vector` to unit length; false when its length is (numerically) zero, i.e. below
// `reference` x 1e-5 (the length it had before Gram-Schmidt removed a component).
bool normalise(std::vector<float>& vector, double reference) {
  const double norm = std::sqrt(dot(vector, vector));
  if (!(norm > 1e-5 * reference) || !(norm > 0.0)) return false;
  for (float& x : vector) x = static_cast<float>(x / norm);
  return true;
}

}  // namespace

std::vector<float> Slice::latent(Vec2 p) const {
  std::vector<float> z(anchor);
  for (size_t i = 0; i < z.size(); ++i) z[i] += p.x * u[i] + p.y * v[i];
  return z;
}

Vec2 Slice::coordinates(const float* z) const {
  double x = 0.0, y = 0.0;
  for (size_t i = 0; i < anchor.size(); ++i) {
    const double d = z[i] - anchor[i];
    x += d * u[i];
    y += d * v[i];
  }
  return {static_cast<float>(x), static_cast<float>(y)};
}

Vec2 Slice::project(const float* vector) const {
  double x = 0.0, y = 0.0;
  for (size_t i = 0; i < anchor.size(); ++i) {
    x += static_cast<double>(vector[i]) * u[i];
    y += static_cast<double>(vector[i]) * v[i];
  }
  return {static_cast<float>(x), static_cast<float>(y)};
}

bool two_different_axes(int i, int j, int dim) { return i >= 0 && j >= 0 && i < dim && j < dim && i != j; }

Slice Slice::from_axes(std::vector<float> anchor, int i, int j) {
  const int dim = static_cast<int>(anchor.size());
  if (!two_different_axes(i, j, dim))
    throw FieldError("slice: axes " + std::to_string(i) + " and " + std::to_string(j) +
                     " are not two different axes of a " + std::to_string(dim) + "-D latent space");
  std::vector<float> u(anchor.size(), 0.0f), v(anchor.size(), 0.0f);
  u[static_cast<size_t>(i)] = 1.0f;
  v[static_cast<size_t>(j)] = 1.0f;
  return {std::move(anchor), std::move(u), std::move(v)};
}

Slice Slice::from_directions(std::vector<float> anchor, std::vector<float> u, std::vector<float> v) {
  if (anchor.empty()) throw FieldError("slice: the anchor is empty");
  require_dim(u, anchor.size(), "direction u");
  require_dim(v, anchor.size(), "direction v");
  if (!normalise(u, 0.0)) throw FieldError("slice: direction u is zero");
  const double v_length = std::sqrt(dot(v, v));
  const double along = dot(u, v);
  for (size_t k = 0; k < v.size(); ++k) v[k] = static_cast<float>(v[k] - along * u[k]);
  if (!normalise(v, v_length)) throw FieldError("slice: direction v is zero or parallel to u");
  return {std::move(anchor), std::move(u), std::move(v)};
}

Slice Slice::from_points(const std::vector<float>& points, int dim) {
  if (dim < 2) throw FieldError("slice: a " + std::to_string(dim) + "-D latent space has no plane");
  PrincipalDirections pcs = principal_directions(points, dim, 2, true);
  const size_t n = points.size() / static_cast<size_t>(dim);
  std::vector<float> mean(static_cast<size_t>(dim), 0.0f);
  for (size_t r = 0; r < n; ++r)
    for (size_t c = 0; c < mean.size(); ++c) mean[c] += points[r * mean.size() + c] / static_cast<float>(n);
  return {std::move(mean), std::move(pcs.directions[0]), std::move(pcs.directions[1])};
}

Slice Slice::from_velocities(std::vector<float> anchor, const std::vector<float>& velocities) {
  const int dim = static_cast<int>(anchor.size());
  if (dim < 2) throw FieldError("slice: a " + std::to_string(dim) + "-D latent space has no plane");
  PrincipalDirections pcs = principal_directions(velocities, dim, 2, false);
  return {std::move(anchor), std::move(pcs.directions[0]), std::move(pcs.directions[1])};
}

}  // namespace sta::field
