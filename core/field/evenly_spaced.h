// Evenly spaced streamline placement after Jobard & Lefer (1997), with matplotlib's streamplot density.
#pragma once

#include "core/field/streamline.h"

#include <vector>

namespace sta::field {

struct EvenlySpacedParams {
  float density = 1.0f;          // lines per 1/30 of the rectangle's (geometric mean) side
  float test_ratio = 0.5f;       // d_test / d_sep, in (0, 1]
  float min_length_seps = 1.5f;  // lines shorter than this many d_sep are dropped
  StreamlineParams line;
};

// d_sep for a rectangle and density: sqrt(width x height) / (30 x density).
float separating_distance(const GridSpec& spec, float density);

// New seeds are tried at the separating distance d_sep beside existing lines, and a line stops when
// it comes closer than d_test = d_sep x test_ratio to another. A final pass over a d_sep lattice
// fills regions that no line reached. At density 1 the rectangle is divided into 30 x 30 cells'
// worth of spacing, as in matplotlib's streamplot.
// Throws FieldError for a non-positive density or a test_ratio outside (0, 1].
std::vector<Streamline> evenly_spaced_streamlines(const VectorGrid& field,
                                                  const EvenlySpacedParams& params = {});

}  // namespace sta::field
