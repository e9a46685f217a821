// Scalar grids derived from a sampled 2-D vector field: speed, divergence and curl.
#pragma once

#include "core/field/grid.h"

namespace sta::field {

// Finite differences (central inside, second-order one-sided at the edges) of the field as projected
// onto the slice; divergence: sources > 0, sinks < 0; curl / vorticity: counter-clockwise > 0.
ScalarGrid speed(const VectorGrid& field);
ScalarGrid divergence(const VectorGrid& field);  // d vx / dx + d vy / dy
ScalarGrid curl(const VectorGrid& field);        // d vy / dx - d vx / dy

}  // namespace sta::field
