// An encoded sequence's path through the slice (z_0 .. z_T projected), with the direction of time.
#pragma once

#include "render/line_renderer.h"
#include "render/marker_renderer.h"

#include <vector>

namespace sta::render {

// A line with a small dot at every step, an arrow per step for the direction of time, and a larger
// ring at the time cursor.
class TrajectoryOverlay {
 public:
  TrajectoryOverlay();  // needs a current GL 3.3 context

  // Steps in slice coordinates (x0, y0, x1, y1, ...). Throws std::invalid_argument for an
  // odd count.
  void set(const std::vector<float>& xy, Rgba colour);
  // Draws with the step at index `cursor` marked (none when out of range).
  void draw(const DrawContext& context, int cursor);

 private:
  LineRenderer lines_;
  MarkerRenderer markers_;
  LineBatch path_;
  std::vector<float> xy_;
  Rgba colour_;
};

}  // namespace sta::render
