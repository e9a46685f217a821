// The 2-D view of a field: which rectangle of slice coordinates fills the drawing area, with zoom and pan.
#pragma once

namespace sta::render {

struct Point2 {
  float x = 0.0f, y = 0.0f;
};

// Zoom and pan work in pixel terms for the app's mouse handling. Renderers map slice coordinates to
// clip space as clip = scale * p + offset.
struct View2D {
  float x0 = -1.0f, x1 = 1.0f;  // slice rectangle shown, left to right
  float y0 = -1.0f, y1 = 1.0f;  // bottom to top

  // The smallest rectangle around [x0, x1] x [y0, y1] (same centre) whose aspect matches a
  // width x height pixel area, so that circles stay round.
  static View2D fit(float x0, float x1, float y0, float y1, int width, int height);
  // Zooms by `factor` (> 1: closer) keeping the slice point under pixel `at` in place.
  View2D zoomed(float factor, Point2 at, int width, int height) const;
  // Moves the content by a mouse drag of (dx, dy) pixels (y grows downwards).
  View2D panned(float dx, float dy, int width, int height) const;
  // Slice coordinates of a pixel position (origin top-left, y down).
  Point2 to_slice(Point2 pixel, int width, int height) const;

  float scale_x() const { return 2.0f / (x1 - x0); }
  float scale_y() const { return 2.0f / (y1 - y0); }
  float offset_x() const { return -(x0 + x1) / (x1 - x0); }
  float offset_y() const { return -(y0 + y1) / (y1 - y0); }
};

}  // namespace sta::render
