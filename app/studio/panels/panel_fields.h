// The Latent fields panel: each primitive's velocity field on a 2-D slice of latent space, so that loops
// and sources / sinks read at a glance.
#pragma once

#include "app/studio/panels/fields_controller.h"
#include "app/studio/panels/probe_overlay.h"
#include "app/studio/widgets/layout.h"
#include "render/framebuffer.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <optional>
#include <tuple>
#include <vector>

namespace sta::studio {

// Loops: divergence-free, rotation-like; sources / sinks: curl-free, scaling-like. Controls on the
// left (part, slice, anchor, view, heat map, line colouring, density) with the legend; one large view
// of the focus primitive or of all enabled ones (wheel: zoom, drag: pan, double-click: reset) with the
// sequence's latent trajectory, its patterns moving at 30 Hz; still small multiples, one per
// primitive, with sparser lines (click: focus; checkbox: enabled). Its geometry comes from
// FieldsController; pictures are redrawn only when what they show changes.
class FieldsPanel {
 public:
  void draw(const Rect& area, Workspace& ws, Derived& derived);
  // Geometry of the last frame: large view and mini view rectangles, line counts, timings.
  nlohmann::json describe() const;
  // True when the geometry on screen is that of the latest settings (no recomputation pending):
  // scripts wait for it before they capture or go on, so that they see what they asked for.
  bool settled() const { return fields_.settled(); }

 private:
  void draw_controls(Workspace& ws, Derived& derived);
  void draw_legend(const Workspace& ws);
  void draw_large_view(Workspace& ws, const figures::FieldLayers& layers, float side);
  void draw_minis(Workspace& ws, const figures::FieldLayers& layers, float side, int columns);

  FieldsController fields_;
  std::unique_ptr<render::Framebuffer> large_;
  std::vector<std::unique_ptr<render::Framebuffer>> minis_;
  std::string figure_path_ = "fields.svg";  // where the SVG button saves the figure
  ProbeOverlay probe_;
  Changed<std::tuple<int, int, int>> minis_changed_;
  Changed<std::tuple<int, int, std::vector<bool>, int, int, float, float, float, float>> large_changed_;
  double painted_at_ = 0.0;
  Rect view_rect_;
  std::vector<Rect> mini_rects_;
};

}  // namespace sta::studio
