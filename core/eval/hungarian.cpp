// Hungarian method with potentials (shortest augmenting paths), on costs = max - weight.
#include "core/eval/hungarian.h"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace sta::eval {

std::vector<int> max_weight_assignment(const std::vector<std::vector<double>>& weights) {
  const int rows = static_cast<int>(weights.size());
  if (rows == 0) return {};
  const int cols = static_cast<int>(weights[0].size());
  if (cols < rows) throw std::invalid_argument("assignment needs at least as many columns as rows");
  double top = 0;
  for (const auto& row : weights) {
    if (static_cast<int>(row.size()) != cols) throw std::invalid_argument("assignment rows differ in length");
    for (double w : row) top = std::max(top, w);
  }
  const double inf = std::numeric_limits<double>::infinity();
  // 1-based arrays: u (row potentials), v (column potentials), owner[c] = row matched to column c.
  std::vector<double> u(rows + 1, 0), v(cols + 1, 0);
  std::vector<int> owner(cols + 1, 0), way(cols + 1, 0);
  for (int r = 1; r <= rows; ++r) {
    owner[0] = r;
    int free_col = 0;
    std::vector<double> slack(cols + 1, inf);
    std::vector<bool> used(cols + 1, false);
    do {
      used[free_col] = true;
      const int row = owner[free_col];
      double delta = inf;
      int next = 0;
      for (int c = 1; c <= cols; ++c) {
        if (used[c]) continue;
        double reduced = (top - weights[row - 1][c - 1]) - u[row] - v[c];
        if (reduced < slack[c]) slack[c] = reduced, way[c] = free_col;
        if (slack[c] < delta) delta = slack[c], next = c;
      }
      for (int c = 0; c <= cols; ++c) {
        if (used[c]) u[owner[c]] += delta, v[c] -= delta;
        else slack[c] -= delta;
      }
      free_col = next;
    } while (owner[free_col] != 0);
    do {  // flip the augmenting path
      int previous = way[free_col];
      owner[free_col] = owner[previous];
      free_col = previous;
    } while (free_col != 0);
  }
  std::vector<int> assignment(rows, -1);
  for (int c = 1; c <= cols; ++c)
    if (owner[c] > 0) assignment[owner[c] - 1] = c - 1;
  return assignment;
}

}  // namespace sta::eval
