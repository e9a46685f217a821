// Regular grids over a rectangle of slice coordinates: GridSpec, VectorGrid (bilinear) and ScalarGrid.
#pragma once

#include "core/field/vec2.h"

#include <vector>

namespace sta::field {

// Node (i, j) sits at (x0 + i * cell_x, y0 + j * cell_y) and is stored at index j * nx + i.
struct GridSpec {
  int nx = 64, ny = 64;          // nodes per axis, at least 3
  float x0 = -3.0f, x1 = 3.0f;   // slice rectangle, corners included as nodes
  float y0 = -3.0f, y1 = 3.0f;

  void validate() const;  // throws FieldError for fewer than 3 nodes or an empty rectangle
  float cell_x() const { return (x1 - x0) / static_cast<float>(nx - 1); }
  float cell_y() const { return (y1 - y0) / static_cast<float>(ny - 1); }
  int count() const { return nx * ny; }
  Vec2 node(int i, int j) const { return {x0 + i * cell_x(), y0 + j * cell_y()}; }
  bool contains(Vec2 p) const { return p.x >= x0 && p.x <= x1 && p.y >= y0 && p.y <= y1; }
};

struct VectorGrid {
  GridSpec spec;
  std::vector<Vec2> values;  // spec.count() vectors

  Vec2 at(int i, int j) const { return values[static_cast<size_t>(j) * spec.nx + i]; }
  Vec2 sample(Vec2 p) const;  // bilinear; p must lie in the rectangle
  float max_speed() const;
};

struct ScalarGrid {
  GridSpec spec;
  std::vector<float> values;  // spec.count() values

  float at(int i, int j) const { return values[static_cast<size_t>(j) * spec.nx + i]; }
};

}  // namespace sta::field
