// Grid-to-latent mapping, batched evaluation and projection.
#include "core/field/sampling.h"

#include "core/field/field_error.h"

#include <string>

namespace sta::field {
namespace {

void check_size(const std::vector<float>& out, size_t expected, const char* what) {
  if (out.size() != expected)
    throw FieldError(std::string(what) + " callback returned " + std::to_string(out.size()) +
                     " values, expected " + std::to_string(expected));
}

}  // namespace

std::vector<float> grid_points(const Slice& slice, const GridSpec& spec) {
  spec.validate();
  if (slice.dim() < 1 || slice.u.size() != slice.anchor.size() || slice.v.size() != slice.anchor.size())
    throw FieldError("grid points: the slice's anchor and directions differ in size");
  const size_t dim = static_cast<size_t>(slice.dim());
  std::vector<float> points(static_cast<size_t>(spec.count()) * dim);
  for (int j = 0; j < spec.ny; ++j)
    for (int i = 0; i < spec.nx; ++i) {
      const Vec2 p = spec.node(i, j);
      float* z = &points[(static_cast<size_t>(j) * spec.nx + i) * dim];
      for (size_t k = 0; k < dim; ++k) z[k] = slice.anchor[k] + p.x * slice.u[k] + p.y * slice.v[k];
    }
  return points;
}

VectorGrid sample_field(const Slice& slice, const GridSpec& spec, const BatchedField& field) {
  const std::vector<float> points = grid_points(slice, spec);
  const size_t dim = static_cast<size_t>(slice.dim());
  std::vector<float> velocities;
  field(points, slice.dim(), velocities);
  check_size(velocities, points.size(), "field");
  VectorGrid grid{spec, std::vector<Vec2>(static_cast<size_t>(spec.count()))};
  for (size_t n = 0; n < grid.values.size(); ++n) grid.values[n] = slice.project(&velocities[n * dim]);
  return grid;
}

ScalarGrid sample_scalar(const Slice& slice, const GridSpec& spec, const BatchedScalar& scalar) {
  const std::vector<float> points = grid_points(slice, spec);
  ScalarGrid grid{spec, {}};
  scalar(points, slice.dim(), grid.values);
  check_size(grid.values, static_cast<size_t>(spec.count()), "scalar");
  return grid;
}

}  // namespace sta::field
