// The Sequence panel: choose data and a sequence, see its frames with the time cursor, its ground truth
// and, with a model, its reconstructions and the model's prediction.
#pragma once

#include "app/studio/compute/cached.h"
#include "app/studio/compute/derived.h"
#include "app/studio/widgets/layout.h"
#include "render/texture.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace sta::studio {

// Choose a data source and transformation set, browse sequences (split, mode, index, previous / next /
// random), see all T+1 frames upscaled with the time cursor highlighted (click a frame or drag the
// scrubber to move it), the ground truth of every step as coloured chips on one row per
// transformation (with its speed), and with a model two rows aligned by time, each frame with its L1
// error: the reconstructions (every frame encoded and decoded) and the model's prediction (x_0
// encoded, rolled out with the inferred spikes and slabs and the enabled primitives, decoded).
// Play / Pause animates the cursor.
class SequencePanel {
 public:
  void draw(const Rect& area, Workspace& ws, Derived& derived);
  // Geometry of the last frame drawn: frame scale, frame and highlight rectangles.
  nlohmann::json describe() const;
  // The panel width at which the last frame's strips would fill it at its height (and the
  // controls fit), for the layout; nullopt when no sequence was drawn.
  std::optional<float> wanted_width() const { return wanted_width_; }
  // How the last frame's strips grow with the panel (all rows shown), for the layout; nullopt
  // when no sequence was drawn.
  std::optional<PanelNeeds::Frames> frames_need() const { return frames_need_; }

 private:
  struct ModelRow {
    std::vector<render::Texture2D> frames;
    std::vector<float> l1;  // per frame: sum over pixels and channels of |model frame - input|
  };
  // This sequence's diagnosis in the L1 of `sta eval`, summed over t = 1..T: the roll-out, the
  // autoencoder floor (reconstructions), no motion (reconstructed frame 0 for every frame) and
  // the transport efficiency between them.
  struct Diagnosis {
    double rollout = 0, floor = 0, no_motion = 0, efficiency = 0;
  };
  struct ModelRows {
    ModelRow recon, predicted;
    Diagnosis diagnosis;
  };
  static ModelRow model_row_of(const std::vector<Image>& images, const std::vector<Image>& inputs);
  static ModelRows model_rows_of(const std::vector<Image>& recons, const std::vector<Image>& predicted,
                                 const std::vector<Image>& inputs);
  void draw_controls(Workspace& ws);
  void draw_frames(Workspace& ws, const data::Sequence& sequence, const model::SequencePrediction* prediction,
                   const std::vector<Image>* recons);
  void draw_truth(const data::GroundTruth& truth, float x0, float top, float pitch, float width);

  std::string source_, transforms_;  // the text fields, reset when new data is opened
  int shown_revision_ = -1;
  Cached<std::tuple<int, SequenceChoice>, std::vector<render::Texture2D>> input_;
  Cached<std::tuple<int, int, SequenceChoice, std::vector<bool>>, ModelRows> model_rows_;
  float scale_ = 0.0f;  // frame side / native size
  float controls_width_ = 0.0f;
  bool show_recon_ = true;  // false when the panel is too short for three rows of frames
  std::optional<float> wanted_width_;
  std::optional<PanelNeeds::Frames> frames_need_;
  std::vector<Rect> input_rects_, predicted_rects_;
  std::vector<float> predicted_l1_;  // of the model row last drawn
  std::optional<Diagnosis> diagnosis_;  // of the sequence last drawn with a model
};

}  // namespace sta::studio
