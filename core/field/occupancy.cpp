// Cell bookkeeping for the occupancy grid.
#include "core/field/occupancy.h"

#include <algorithm>
#include <cmath>

namespace sta::field {

Occupancy::Occupancy(const GridSpec& area, float cell)
    : x0_(area.x0),
      y0_(area.y0),
      cell_(cell),
      columns_(std::max(1, static_cast<int>(std::ceil((area.x1 - area.x0) / cell)))),
      rows_(std::max(1, static_cast<int>(std::ceil((area.y1 - area.y0) / cell)))),
      cells_(static_cast<size_t>(columns_) * rows_) {}

int Occupancy::column(float x) const {
  return std::clamp(static_cast<int>(std::floor((x - x0_) / cell_)), 0, columns_ - 1);
}

int Occupancy::row(float y) const {
  return std::clamp(static_cast<int>(std::floor((y - y0_) / cell_)), 0, rows_ - 1);
}

std::vector<Occupancy::Entry>& Occupancy::cell_of(Vec2 p) {
  return cells_[static_cast<size_t>(row(p.y)) * columns_ + column(p.x)];
}

void Occupancy::add(const Entry& entry) { cell_of(entry.point).push_back(entry); }

void Occupancy::remove(const std::vector<Vec2>& points, int line) {
  for (Vec2 p : points) {
    std::vector<Entry>& cell = cell_of(p);
    while (!cell.empty() && cell.back().line == line) cell.pop_back();
  }
}

}  // namespace sta::field
