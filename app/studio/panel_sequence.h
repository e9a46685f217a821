// The Sequence panel: choose a data source and transformation set, browse sequences (split,
// mode, index, previous / next / random), see all T+1 frames upscaled with the time cursor
// highlighted (click a frame or drag the scrubber to move it), the ground truth of every
// step as coloured chips on one row per transformation (with its speed), and with a model the
// model's prediction of each frame aligned by time with its L1 error.
#pragma once

#include "app/studio/cached.h"
#include "app/studio/derived.h"
#include "app/studio/layout.h"
#include "render/texture.h"

#include <nlohmann/json.hpp>

#include <string>
#include <tuple>
#include <vector>

namespace sta::studio {

class SequencePanel {
 public:
  void draw(const Rect& area, Workspace& ws, Derived& derived);
  // Geometry of the last frame drawn: frame scale, frame and highlight rectangles.
  nlohmann::json describe() const;

 private:
  struct PredictedRow {
    std::vector<render::Texture2D> frames;
    std::vector<float> l1;  // per frame: sum over pixels and channels of |prediction - input|
  };
  void draw_controls(Workspace& ws);
  void draw_frames(Workspace& ws, const data::Sequence& sequence, const model::SequencePrediction* prediction);
  void draw_truth(const data::GroundTruth& truth, float x0, float top, float pitch, float width);

  std::string source_, transforms_;  // the text fields, reset when new data is opened
  int shown_revision_ = -1;
  Cached<std::tuple<int, SequenceChoice>, std::vector<render::Texture2D>> input_;
  Cached<std::tuple<int, int, SequenceChoice, std::vector<bool>>, PredictedRow> predicted_;
  int scale_ = 0;
  std::vector<Rect> input_rects_, predicted_rects_;
};

}  // namespace sta::studio
