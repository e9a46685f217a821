// Maximum-weight assignment (Hungarian method): match each row (ground-truth transformation)
// to a distinct column (primitive). Plain C++, O(n^3).
#pragma once

#include <vector>

namespace sta::eval {

// weights[r][c] for R rows and C >= R columns; returns the column assigned to each row,
// maximising the total weight. Throws std::invalid_argument if C < R or rows differ in length.
std::vector<int> max_weight_assignment(const std::vector<std::vector<double>>& weights);

}  // namespace sta::eval
