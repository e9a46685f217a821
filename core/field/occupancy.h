// A uniform cell grid of streamline points for fast "is any point within r of p?" queries.
#pragma once

#include "core/field/grid.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace sta::field {

// Used during evenly spaced placement. A query looks at the cells within its radius of p's cell: the
// 3 x 3 around it when the radius is at most a cell.
class Occupancy {
 public:
  struct Entry {
    Vec2 point;
    int line;   // which streamline the point belongs to
    float arc;  // signed arc length from that line's seed
  };

  // Covers the rectangle of `area` with square cells of side `cell`. Queries of any radius
  // work; those of radius <= cell visit the 3 x 3 cells around the point, so the smallest
  // radius that is queried most often is the best cell.
  Occupancy(const GridSpec& area, float cell);

  void add(const Entry& entry);
  // Removes the points of `line` that were added last at `points` (a rejected line).
  void remove(const std::vector<Vec2>& points, int line);

  // True if some entry within `radius` of p satisfies accept(entry).
  template <class Accept>
  bool any_within(Vec2 p, float radius, Accept accept) const {
    const int ci = column(p.x), cj = row(p.y);
    const int reach = radius <= cell_ ? 1 : static_cast<int>(std::ceil(radius / cell_));
    for (int j = std::max(cj - reach, 0); j <= std::min(cj + reach, rows_ - 1); ++j)
      for (int i = std::max(ci - reach, 0); i <= std::min(ci + reach, columns_ - 1); ++i) {
        for (const Entry& e : cells_[static_cast<size_t>(j) * columns_ + i])
          if (dot(e.point - p, e.point - p) < radius * radius && accept(e)) return true;
      }
    return false;
  }

 private:
  int column(float x) const;
  int row(float y) const;
  std::vector<Entry>& cell_of(Vec2 p);

  float x0_, y0_, cell_;
  int columns_, rows_;
  std::vector<std::vector<Entry>> cells_;
};

}  // namespace sta::field
