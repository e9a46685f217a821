// The Latent fields panel: each primitive's velocity field on a 2-D slice of latent space,
// so that loops (divergence-free, rotation-like) and sources / sinks (curl-free,
// scaling-like) read at a glance. Controls on the left (part, slice, anchor, view, heat map,
// line colouring, density) with the legend; one large view of the focus primitive or of all
// enabled ones (wheel: zoom, drag: pan, double-click: reset) with the sequence's latent
// trajectory, its patterns moving at 30 Hz; still small multiples, one per primitive, with
// sparser lines (click: focus; checkbox: enabled). Geometry is recomputed only when model,
// data, slice, anchor, time, part or density change, on the field worker's thread: the panel
// keeps drawing the last complete geometry until the new one is ready, so a dragged slice
// control never holds up a frame. Pictures are redrawn only when what they show changes.
#pragma once

#include "app/figures/field_layers.h"
#include "app/studio/compute/cached.h"
#include "app/studio/compute/derived.h"
#include "app/studio/compute/field_worker.h"
#include "app/studio/panels/field_painter.h"
#include "app/studio/widgets/layout.h"
#include "render/framebuffer.h"

#include "app/studio/panels/probe_overlay.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <optional>
#include <tuple>
#include <vector>

namespace sta::studio {

class FieldsPanel {
 public:
  void draw(const Rect& area, Workspace& ws, Derived& derived);
  // Geometry of the last frame: large view and mini view rectangles, line counts, timings.
  nlohmann::json describe() const;
  // True when the geometry on screen is that of the latest settings (no recomputation pending):
  // scripts wait for it before they capture or go on, so that they see what they asked for.
  bool settled() const;

 private:
  using GeometryKey = std::tuple<int, int, figures::FieldSettings, double, std::vector<float>>;

  void take_result(Workspace& ws);  // adopts the worker's newest finished geometry
  const figures::FieldLayers* update(Workspace& ws, Derived& derived);
  void draw_controls(Workspace& ws, Derived& derived);
  void draw_legend(const Workspace& ws);
  void draw_large_view(Workspace& ws, const figures::FieldLayers& layers, float side);
  void draw_minis(Workspace& ws, const figures::FieldLayers& layers, float side, int columns);

  std::unique_ptr<FieldPainter> painter_;  // made on first use: it needs the GL context
  std::unique_ptr<render::Framebuffer> large_;
  std::vector<std::unique_ptr<render::Framebuffer>> minis_;
  FieldWorker worker_;
  std::optional<GeometryKey> requested_key_;
  uint64_t requested_ticket_ = 0, shown_ticket_ = 0;
  std::string figure_path_ = "fields.svg";  // where the SVG button saves the figure
  ProbeOverlay probe_;
  std::optional<figures::FieldLayers> layers_;  // the last complete geometry (empty after a failure)
  int generation_ = 0;  // counts results taken into layers_, as a key for what derives from it
  Changed<std::tuple<int, figures::LineColouring>> lines_changed_;
  Changed<std::tuple<int, figures::HeatMode>> heat_changed_;
  Changed<std::tuple<int, int, int, SequenceChoice, std::vector<bool>>> trajectory_changed_;
  Changed<std::tuple<int, int>> composed_changed_;  // field generation, composition revision
  int uploads_ = 0;  // counts uploads to the painter, as a key for the pictures
  Changed<std::tuple<int, int, int>> minis_changed_;
  Changed<std::tuple<int, int, std::vector<bool>, int, int, float, float, float, float>> large_changed_;
  double painted_at_ = 0.0;
  double time_ = 1.0;
  double recompute_ms_ = 0.0;
  Rect view_rect_;
  std::vector<Rect> mini_rects_;
};

}  // namespace sta::studio
