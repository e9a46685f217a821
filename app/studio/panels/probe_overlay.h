// The field view's latent probe, drawn over the large view: the decoded latent at the probe point with
// each primitive's local speed.
#pragma once

#include "app/figures/field_layers.h"
#include "app/studio/compute/probe.h"
#include "app/studio/compute/workspace.h"
#include "render/texture.h"
#include "render/view2d.h"

#include <imgui.h>
#include <nlohmann/json.hpp>

#include <optional>

namespace sta::studio {

// The probe point is where the mouse hovers, or where a script put it. At most one probe (one decode)
// per frame, and only when the point, the slice or the model changed. A click without a drag pins the
// probed latent as the composer's start point.
class ProbeOverlay {
 public:
  // `hovered`: the mouse is over the large view at `at` (side x side px) showing `view`.
  void draw(Workspace& ws, const figures::FieldLayers& layers, const render::View2D& view, ImVec2 at, float side, bool hovered);
  // The last probe: slice point, latent, speeds and the mean of its decoded pixels; null without.
  nlohmann::json describe() const;

 private:
  std::optional<Probe> probe_;
  bool hovering_ = false;  // the mouse was over the view last frame
  std::optional<render::Texture2D> texture_;
  std::tuple<int, std::vector<float>, std::vector<float>, float, float> key_;  // model, slice u/v, point
};

}  // namespace sta::studio
