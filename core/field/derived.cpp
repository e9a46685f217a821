// Finite-difference speed, divergence and curl on a VectorGrid.
#include "core/field/derived.h"

namespace sta::field {
namespace {

// Derivative along x (axis 0) or y (axis 1) of one component of the field at node (i, j).
float derivative(const VectorGrid& field, int i, int j, int axis, float Vec2::*component) {
  const int n = axis == 0 ? field.spec.nx : field.spec.ny;
  const int k = axis == 0 ? i : j;
  const float h = axis == 0 ? field.spec.cell_x() : field.spec.cell_y();
  auto value = [&](int m) { return axis == 0 ? field.at(m, j).*component : field.at(i, m).*component; };
  if (k == 0) return (-3.0f * value(0) + 4.0f * value(1) - value(2)) / (2.0f * h);
  if (k == n - 1) return (3.0f * value(n - 1) - 4.0f * value(n - 2) + value(n - 3)) / (2.0f * h);
  return (value(k + 1) - value(k - 1)) / (2.0f * h);
}

template <class PerNode>
ScalarGrid per_node(const VectorGrid& field, PerNode compute) {
  ScalarGrid out{field.spec, std::vector<float>(field.values.size())};
  for (int j = 0; j < field.spec.ny; ++j)
    for (int i = 0; i < field.spec.nx; ++i)
      out.values[static_cast<size_t>(j) * field.spec.nx + i] = compute(i, j);
  return out;
}

}  // namespace

ScalarGrid speed(const VectorGrid& field) {
  return per_node(field, [&](int i, int j) { return length(field.at(i, j)); });
}

ScalarGrid divergence(const VectorGrid& field) {
  return per_node(field, [&](int i, int j) {
    return derivative(field, i, j, 0, &Vec2::x) + derivative(field, i, j, 1, &Vec2::y);
  });
}

ScalarGrid curl(const VectorGrid& field) {
  return per_node(field, [&](int i, int j) {
    return derivative(field, i, j, 0, &Vec2::y) - derivative(field, i, j, 1, &Vec2::x);
  });
}

}  // namespace sta::field
