// Anti-aliased thick polylines (streamlines, trajectories) with round joins and caps.
#pragma once

#include "render/buffer.h"
#include "render/colour.h"
#include "render/draw_context.h"
#include "render/line_pattern.h"
#include "render/program.h"

#include <vector>

namespace sta::render {

struct LinePath {
  std::vector<float> xy;     // x0, y0, x1, y1, ... in slice coordinates, in flow direction
  std::vector<float> speed;  // one per point; empty: every point at full speed
  Rgba colour;
};

struct LineStyle {
  float width_px = 2.0f;         // line width where speed is at its maximum
  float slow_width = 0.5f;       // width fraction at zero speed
  float slow_brightness = 0.5f;  // brightness at zero speed
  float speed_max = 0.0f;        // speed drawn at full width; 0: the batch's largest speed
  LinePattern pattern = LinePattern::Solid;
  float pattern_px = 16.0f;      // period of dashes / brightness ramp, in pixels
  float flow_px_per_s = 24.0f;   // speed at which the pattern moves along the flow
  float pulse = 0.35f;           // depth of the ramp on solid lines (0: plain)
  float arrow_px = 8.0f;         // arrow-head length (0: none)
  float opacity = 1.0f;
};

// The GPU copy of a set of paths: upload once, draw every frame.
class LineBatch {
 public:
  LineBatch();
  // Uploads the paths; arrow heads are spread evenly along each path, about
  // `arrow_spacing` slice units apart (at least one per path; 0: none). Throws
  // std::invalid_argument for an odd xy count or a speed count that does not match.
  void set(const std::vector<LinePath>& paths, float arrow_spacing);

  int segments() const { return segments_; }
  int arrows() const { return arrows_; }
  float speed_max() const { return speed_max_; }

 private:
  friend class LineRenderer;
  Buffer segment_buffer_, arrow_buffer_;
  VertexArray segment_array_, arrow_array_;
  int segments_ = 0, arrows_ = 0;
  float speed_max_ = 0.0f;
};

// Brightness and width follow the speed at each vertex; direction shows as a pattern that moves along
// the flow with time (dashes, or a brightness ramp whose bright end leads) and as arrow heads, which
// also read in a still image.
class LineRenderer {
 public:
  LineRenderer();  // needs a current GL 3.3 context
  void draw(const LineBatch& batch, const DrawContext& context, const LineStyle& style) const;

 private:
  Program lines_, arrows_;
};

}  // namespace sta::render
