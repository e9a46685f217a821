// Streamlines of a sampled 2-D field: RK4 over bilinear interpolation, forward and backward from a seed.
#pragma once

#include "core/field/grid.h"
#include "core/field/occupancy.h"

#include <vector>

namespace sta::field {

enum class Termination {
  LeftSlice,   // the next step would leave the grid's rectangle
  TooSlow,     // speed fell below the minimum, or the flow converges onto the line's end
  TooLong,     // the line reached its maximum length
  ClosedLoop,  // the line came back to its seed (a closed orbit)
  TooClose,    // the line came within the test distance of another line (or of itself)
};
const char* to_string(Termination reason);

struct StreamlineParams {
  float step_cells = 0.25f;  // RK4 step length, in grid cells (of the smaller cell side)
  float max_length = 4.0f;   // in multiples of the rectangle's larger side
  float min_speed = 0.005f;  // stop where speed < min_speed x the grid's largest speed
};

// Unit-speed parametrisation, so vertices are evenly spaced; each half ends for a stated reason.
struct Streamline {
  std::vector<Vec2> points;  // in the direction of flow: the backward end comes first
  std::vector<float> speed;  // field speed at each point
  std::vector<float> arc;    // arc length from the first point; grows along the flow
  Termination backward_end = Termination::TooSlow;
  Termination forward_end = Termination::TooSlow;  // ClosedLoop: the last point meets the first

  float length() const { return arc.empty() ? 0.0f : arc.back(); }
};

// One streamline through `seed`; empty (no points) when the seed is outside the rectangle
// or where the field is too slow. Throws FieldError for non-positive parameters.
Streamline trace_streamline(const VectorGrid& field, Vec2 seed, const StreamlineParams& params = {});

// The same, for evenly spaced placement: the line also stops when it comes within `d_test`
// of another line in `occupancy`, or of a part of itself more than 2 d_test away along it;
// its points are added to `occupancy` under id `line` as they are accepted. `max_speed` is
// field.max_speed(), which the caller computes once for all its lines.
Streamline trace_streamline(const VectorGrid& field, Vec2 seed, const StreamlineParams& params,
                            Occupancy& occupancy, int line, float d_test, float max_speed);

}  // namespace sta::field
