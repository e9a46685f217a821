// Principal directions of a set of D-dimensional vectors (rows of an n x D row-major array).
#pragma once

#include <vector>

namespace sta::field {

// The eigenvectors of their covariance (centred) or of their second moment (uncentred, for
// velocities, whose mean direction is itself a direction of motion).
struct PrincipalDirections {
  std::vector<std::vector<float>> directions;  // unit vectors, largest variance first
  std::vector<float> variances;                // matching eigenvalues
};

// The top `count` directions (count <= dim). Each direction's largest-magnitude component
// is made positive, so the result does not flip between calls. Throws FieldError for
// rows.size() != n * dim, n < 1 or a bad count.
PrincipalDirections principal_directions(const std::vector<float>& rows, int dim, int count,
                                         bool centred);

}  // namespace sta::field
