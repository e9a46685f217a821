// The Composer panel: compose transformations by hand with one slab slider per primitive, decoded live.
#pragma once

#include "app/studio/compute/cached.h"
#include "app/studio/compute/derived.h"
#include "app/studio/widgets/layout.h"
#include "render/texture.h"

#include <nlohmann/json.hpp>

#include <string>
#include <tuple>
#include <vector>

namespace sta::studio {

// Negative speeds run a primitive backwards. From the encoded latent of the frame at the time cursor
// the enabled primitives are rolled out together for the chosen step count and decoded, next to the
// real continuation of the input sequence. Beside each slider, that primitive alone at its speed
// shows what it contributes. "Use inferred" copies the model's inferred speeds at the cursor step;
// the composed traversal can be saved as GIF, MP4 or PNG strip.
class ComposerPanel {
 public:
  void draw(const Rect& area, Workspace& ws, Derived& derived);
  // Geometry and timing for the state JSON: the composed frames' rectangles, the latency of
  // the last recomputation (roll-out + decode + upload) and its 95th percentile so far.
  nlohmann::json describe() const;
  // The least panel height at which the last frame's rows fit (frames as high as a slider), for
  // the layout.
  float least_height() const { return least_height_; }

 private:
  void draw_controls(Workspace& ws, Derived& derived);
  struct Row {
    std::vector<render::Texture2D> frames;
  };
  // One primitive alone: depends on its own speed only, so dragging one slider recomputes one row.
  using AloneKey = std::tuple<int, int, SequenceChoice, int, int, float>;
  std::vector<Cached<AloneKey, Row>> alone_;
  Cached<std::tuple<int, SequenceChoice, int, int>, Row> input_;
  Row composed_;
  int composed_revision_ = -1;
  std::vector<double> latencies_ms_;  // per recomputation of the composed row
  std::vector<Rect> composed_rects_;
  std::string export_path_ = "traversal.gif";
  float least_height_ = 0.0f;
};

}  // namespace sta::studio
