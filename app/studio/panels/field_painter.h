// FieldPainter: draws the field view's layers into an offscreen framebuffer with render/.
#pragma once

#include "app/figures/field_layers.h"
#include "render/framebuffer.h"
#include "render/heat_map_renderer.h"
#include "render/line_renderer.h"
#include "render/trajectory_overlay.h"

#include <memory>
#include <utility>
#include <vector>

namespace sta::studio {

// The range a heat mode's colour map spans for these values, and the map used.
struct HeatScale {
  render::ColorMap map = render::ColorMap::Diverging;
  float lo = 0.0f, hi = 1.0f;
};
HeatScale heat_scale(figures::HeatMode mode, const std::vector<float>& values);

// Layers: a heat map, each shown primitive's streamlines or sparser sketch lines (palette tones and
// patterns per part, or coloured by speed) with moving patterns and arrow heads, and the selected
// sequence's latent trajectory with a ring at the time cursor. GPU data is uploaded only by the set_*
// calls; paint() only draws. Needs a current GL 3.3 context.
class FieldPainter {
 public:
  struct Options {
    std::vector<bool> shown;  // per primitive
    int heat_primitive = -1;  // whose heat map lies behind the lines (-1: none)
    int cursor = -1;          // trajectory step to ring (-1: none)
    float line_width = 2.0f;  // pixels
    float arrow_px = 8.0f;
    bool sketch = false;  // draw the sparse sketch lines (small multiples)
  };

  FieldPainter();

  // Uploads the streamlines and the sketch lines, with arrows about `arrow_spacing` and
  // `sketch_arrow_spacing` slice units apart.
  void set_lines(const figures::FieldLayers& layers, figures::LineColouring colouring, float arrow_spacing, float sketch_arrow_spacing);
  void set_heat(std::vector<field::ScalarGrid> grids, figures::HeatMode mode);
  void set_trajectory(const std::vector<float>& xy);  // slice coordinates; empty: none
  void set_composed(const std::vector<float>& xy);    // the composer's traversal, likewise
  const std::vector<HeatScale>& heat_scales() const { return scales_; }

  void paint(const render::Framebuffer& target, const render::View2D& view, float time, const Options& options);

 private:
  struct Batch {
    model::FieldPart part;
    std::unique_ptr<render::LineBatch> lines, sketch;
  };
  render::LineRenderer renderer_;
  render::HeatMapRenderer heat_renderer_;
  render::TrajectoryOverlay trajectory_, composed_;
  std::vector<std::vector<Batch>> batches_;  // [k][part]
  figures::LineColouring colouring_ = figures::LineColouring::Primitive;
  std::vector<field::ScalarGrid> heat_;
  std::vector<HeatScale> scales_;
  bool has_trajectory_ = false, has_composed_ = false;
};

}  // namespace sta::studio
