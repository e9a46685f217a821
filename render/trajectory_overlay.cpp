// Trajectory line, step dots and the cursor ring.
#include "render/trajectory_overlay.h"

#include <cmath>
#include <stdexcept>
#include <string>

namespace sta::render {

TrajectoryOverlay::TrajectoryOverlay() = default;

void TrajectoryOverlay::set(const std::vector<float>& xy, Rgba colour) {
  if (xy.size() % 2 != 0)
    throw std::invalid_argument("trajectory: odd number of coordinates (" + std::to_string(xy.size()) + ")");
  xy_ = xy;
  colour_ = colour;
  std::vector<LinePath> steps;  // one path per step, so each gets its own arrow head
  for (size_t k = 2; k + 1 < xy.size(); k += 2) steps.push_back({{xy[k - 2], xy[k - 1], xy[k], xy[k + 1]}, {}, colour});
  path_.set(steps, INFINITY);
}

void TrajectoryOverlay::draw(const DrawContext& context, int cursor) {
  LineStyle style;
  style.width_px = 2.5f;
  style.pulse = 0.0f;
  style.arrow_px = 9.0f;
  lines_.draw(path_, context, style);

  const Rgba shadow{0.0f, 0.0f, 0.0f, 0.85f};
  std::vector<Marker> markers;
  for (size_t k = 0; k + 1 < xy_.size(); k += 2) markers.push_back({xy_[k], xy_[k + 1], 3.5f, 1.0f, colour_, shadow});
  if (cursor >= 0 && 2 * static_cast<size_t>(cursor) + 1 < xy_.size()) {
    const Rgba clear{colour_.r, colour_.g, colour_.b, 0.0f};
    markers.push_back({xy_[2 * cursor], xy_[2 * cursor + 1], 9.0f, 2.5f, clear, colour_});
  }
  markers_.draw(markers, context);
}

}  // namespace sta::render
