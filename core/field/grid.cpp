// Grid validation and bilinear interpolation.
#include "core/field/grid.h"

#include "core/field/field_error.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace sta::field {

void GridSpec::validate() const {
  if (nx < 3 || ny < 3)
    throw FieldError("grid: " + std::to_string(nx) + "x" + std::to_string(ny) +
                     " nodes (need at least 3 per axis)");
  if (!(x1 > x0) || !(y1 > y0))
    throw FieldError("grid: rectangle [" + std::to_string(x0) + ", " + std::to_string(x1) + "] x [" +
                     std::to_string(y0) + ", " + std::to_string(y1) + "] is empty");
}

Vec2 VectorGrid::sample(Vec2 p) const {
  const float fx = (p.x - spec.x0) / spec.cell_x(), fy = (p.y - spec.y0) / spec.cell_y();
  const int i = std::clamp(static_cast<int>(std::floor(fx)), 0, spec.nx - 2);
  const int j = std::clamp(static_cast<int>(std::floor(fy)), 0, spec.ny - 2);
  const float tx = fx - static_cast<float>(i), ty = fy - static_cast<float>(j);
  const Vec2 bottom = (1.0f - tx) * at(i, j) + tx * at(i + 1, j);
  const Vec2 top = (1.0f - tx) * at(i, j + 1) + tx * at(i + 1, j + 1);
  return (1.0f - ty) * bottom + ty * top;
}

float VectorGrid::max_speed() const {
  float best = 0.0f;
  for (Vec2 v : values) best = std::max(best, length(v));
  return best;
}

}  // namespace sta::field
