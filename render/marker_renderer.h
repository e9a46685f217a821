// Round markers (a disc with an outline ring) at slice positions, sized in pixels: the time
// cursor on a trajectory, encoded frames, picked points.
#pragma once

#include "render/buffer.h"
#include "render/colour.h"
#include "render/draw_context.h"
#include "render/program.h"

#include <vector>

namespace sta::render {

struct Marker {
  float x = 0.0f, y = 0.0f;  // slice coordinates
  float radius_px = 5.0f;
  float outline_px = 1.5f;
  Rgba fill;
  Rgba outline{0.0f, 0.0f, 0.0f, 1.0f};
};

class MarkerRenderer {
 public:
  MarkerRenderer();  // needs a current GL 3.3 context
  void draw(const std::vector<Marker>& markers, const DrawContext& context);  // uploads, then draws

 private:
  Program program_;
  Buffer buffer_;
  VertexArray array_;
};

}  // namespace sta::render
