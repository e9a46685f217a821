// The Spikes panel: a timeline of the transformation variables, one column per step, with a summary of
// the primitives' alignment with the ground truth.
#pragma once

#include "app/studio/compute/derived.h"
#include "app/studio/widgets/layout.h"

#include <imgui.h>
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace sta::studio {

// Step t maps frame t-1 to frame t. Rows above: the model's spike probability for each primitive (cell
// opacity) with the speed g it used; rows below: the ground truth's transformations and speeds. The
// column of the step leaving the cursor frame is outlined; clicking a column moves the cursor;
// hovering a cell shows its values. At the right, a summary over test sequences: the co-activation
// of primitives with ground-truth transformations (mean spike probability while each acts), the
// Hungarian matching and the alignment score.
class SpikesPanel {
 public:
  void draw(const Rect& area, Workspace& ws, Derived& derived);
  // The cursor column and its outline, and the summary shown, for the state JSON.
  nlohmann::json describe() const;
  // The least panel height at which the last frame's rows and summary fit, for the layout.
  float least_height() const { return least_height_; }

 private:
  // The co-activation summary at `at`, `width` wide, its names column `name_w` wide; returns its height.
  float draw_summary(ImVec2 at, float width, float name_w, Workspace& ws, Derived& derived,
                    const std::vector<std::string>& names);
  int cursor_column_ = 0;
  float least_height_ = 0.0f;
  std::vector<std::string> truth_rows_;  // the ground-truth rows last drawn (none without truth)
  Rect cursor_rect_;
  std::optional<eval::AlignmentResult> alignment_;
};

}  // namespace sta::studio
