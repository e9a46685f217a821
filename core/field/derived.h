// Scalar grids derived from a sampled 2-D vector field by finite differences (central
// inside, second-order one-sided at the edges): speed, divergence (sources > 0, sinks < 0)
// and curl / vorticity (counter-clockwise > 0) of the field as projected onto the slice.
#pragma once

#include "core/field/grid.h"

namespace sta::field {

ScalarGrid speed(const VectorGrid& field);
ScalarGrid divergence(const VectorGrid& field);  // d vx / dx + d vy / dy
ScalarGrid curl(const VectorGrid& field);        // d vy / dx - d vx / dy

}  // namespace sta::field
