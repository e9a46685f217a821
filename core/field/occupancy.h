// A uniform cell grid of streamline points for fast "is any point within r of p?" queries
// during evenly spaced placement. Cells are as large as the largest query radius, so a
// query looks at the 3 x 3 cells around p.
#pragma once

#include "core/field/grid.h"

#include <vector>

namespace sta::field {

class Occupancy {
 public:
  struct Entry {
    Vec2 point;
    int line;   // which streamline the point belongs to
    float arc;  // signed arc length from that line's seed
  };

  // Covers the rectangle of `area`; `cell` is the largest radius that queries will use.
  Occupancy(const GridSpec& area, float cell);

  void add(const Entry& entry);
  // Removes the points of `line` that were added last at `points` (a rejected line).
  void remove(const std::vector<Vec2>& points, int line);

  // True if some entry within `radius` (<= cell) of p satisfies accept(entry).
  template <class Accept>
  bool any_within(Vec2 p, float radius, Accept accept) const {
    const int ci = column(p.x), cj = row(p.y);
    for (int j = cj - 1; j <= cj + 1; ++j)
      for (int i = ci - 1; i <= ci + 1; ++i) {
        if (i < 0 || j < 0 || i >= columns_ || j >= rows_) continue;
        for (const Entry& e : cells_[static_cast<size_t>(j) * columns_ + i])
          if (distance(e.point, p) < radius && accept(e)) return true;
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
