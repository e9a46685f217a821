// Heat maps of scalar grids (speed, divergence, curl, potential) through a colour map.
#pragma once

#include "render/buffer.h"
#include "render/colormap.h"
#include "render/draw_context.h"
#include "render/program.h"
#include "render/texture.h"

#include <utility>
#include <vector>

namespace sta::render {

// The grid is uploaded as a float texture, interpolated bilinearly between nodes and coloured through
// a colour map. Grid layout as in core/field: node (i, j) at (x0 + i (x1 - x0)/(nx - 1), y0 + j ...),
// stored at j * nx + i.
class HeatMapRenderer {
 public:
  HeatMapRenderer();  // needs a current GL 3.3 context

  // Throws std::invalid_argument when values.size() != nx * ny or nx, ny < 2.
  void upload(const std::vector<float>& values, int nx, int ny, float x0, float x1, float y0, float y1);
  // Values at `lo` get the map's low end, at `hi` its high end (clamped beyond).
  void draw(const DrawContext& context, ColorMap map, float lo, float hi, float opacity = 1.0f) const;

 private:
  Program program_;
  Texture2D values_;
  Texture2D diverging_, sequential_;
  VertexArray empty_;
  float rect_[4] = {0.0f, 0.0f, 1.0f, 1.0f};
};

// A range centred on zero that covers every finite value: for diverging maps.
std::pair<float, float> symmetric_range(const std::vector<float>& values);
// The smallest and largest finite values: for sequential maps.
std::pair<float, float> value_range(const std::vector<float>& values);

}  // namespace sta::render
