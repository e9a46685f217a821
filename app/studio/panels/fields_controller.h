// The Fields panel's geometry: requests to the field worker, and uploads to the painter only on change.
#pragma once

#include "app/figures/field_layers.h"
#include "app/studio/compute/cached.h"
#include "app/studio/compute/derived.h"
#include "app/studio/compute/field_worker.h"
#include "app/studio/panels/field_painter.h"

#include <memory>
#include <optional>
#include <tuple>
#include <vector>

namespace sta::studio {

// Asks the field worker for the layers of the current settings when their key changes, keeps the last
// complete ones on screen meanwhile, and uploads lines, heat maps and trajectories to the painter
// only when what they show changed.
class FieldsController {
 public:
  void take_result(Workspace& ws);  // adopts the worker's newest finished geometry
  // Submits the current request when its key changed; returns the geometry to draw (which fits
  // the model shown), with the painter's uploads brought up to date, or null while there is none.
  const figures::FieldLayers* update(Workspace& ws, Derived& derived);
  // True when the geometry on screen is that of the latest settings (no recomputation pending).
  bool settled() const;

  FieldPainter* painter() const { return painter_.get(); }  // made on the first update with layers
  const figures::FieldLayers* layers() const { return layers_ ? &*layers_ : nullptr; }
  int uploads() const { return uploads_; }  // counts uploads to the painter, as a key for pictures
  double time() const { return time_; }      // of the latest request
  double recompute_ms() const { return recompute_ms_; }
  uint64_t dropped() const { return worker_.dropped(); }

 private:
  using GeometryKey = std::tuple<int, int, figures::FieldSettings, double, std::vector<float>>;

  std::unique_ptr<FieldPainter> painter_;  // made on first use: it needs the GL context
  FieldWorker worker_;
  std::optional<GeometryKey> requested_key_;
  uint64_t requested_ticket_ = 0, shown_ticket_ = 0;
  std::optional<figures::FieldLayers> layers_;  // the last complete geometry (empty after a failure)
  int generation_ = 0;  // counts results taken into layers_, as a key for what derives from it
  Changed<std::tuple<int, figures::LineColouring>> lines_changed_;
  Changed<std::tuple<int, figures::HeatMode>> heat_changed_;
  Changed<std::tuple<int, int, int, SequenceChoice, std::vector<bool>>> trajectory_changed_;
  Changed<std::tuple<int, int>> composed_changed_;  // field generation, composition revision
  int uploads_ = 0;
  double time_ = 1.0;
  double recompute_ms_ = 0.0;
};

}  // namespace sta::studio
