// Fitting, zooming and panning the 2-D view.
#include "render/view2d.h"

#include <algorithm>

namespace sta::render {

View2D View2D::fit(float x0, float x1, float y0, float y1, int width, int height) {
  const float aspect = static_cast<float>(std::max(width, 1)) / static_cast<float>(std::max(height, 1));
  const float cx = 0.5f * (x0 + x1), cy = 0.5f * (y0 + y1);
  float half_w = 0.5f * (x1 - x0), half_h = 0.5f * (y1 - y0);
  if (half_w < half_h * aspect) {
    half_w = half_h * aspect;
  } else {
    half_h = half_w / aspect;
  }
  return {cx - half_w, cx + half_w, cy - half_h, cy + half_h};
}

Point2 View2D::to_slice(Point2 pixel, int width, int height) const {
  return {x0 + (x1 - x0) * pixel.x / static_cast<float>(width),
          y1 - (y1 - y0) * pixel.y / static_cast<float>(height)};
}

View2D View2D::zoomed(float factor, Point2 at, int width, int height) const {
  const Point2 fixed = to_slice(at, width, height);
  const float k = 1.0f / factor;
  return {fixed.x + (x0 - fixed.x) * k, fixed.x + (x1 - fixed.x) * k,
          fixed.y + (y0 - fixed.y) * k, fixed.y + (y1 - fixed.y) * k};
}

View2D View2D::panned(float dx, float dy, int width, int height) const {
  const float sx = (x1 - x0) * dx / static_cast<float>(width);
  const float sy = (y1 - y0) * dy / static_cast<float>(height);
  return {x0 - sx, x1 - sx, y0 + sy, y1 + sy};
}

}  // namespace sta::render
