// The Data & Training panel: what data and model are open (Data tab), and training on the open data
// (Training tab).
#pragma once

#include "app/studio/compute/training/training_session.h"
#include "app/studio/compute/workspace.h"
#include "app/studio/widgets/layout.h"

#include <nlohmann/json.hpp>

#include <string>

namespace sta::studio {

// Data: source, transformations, frame size, items per split, and which model is loaded (load another
// by path; its size, training steps and the data it was trained on, which can be opened with one
// click). Training: preset, device and steps; start, pause, resume and stop the TrainingSession on
// the open data; progress, stage, steps/s and ETA; a curve per loss term and one for the validation
// spike alignment; save a checkpoint by path. Starting selects the Training tab.
class DataPanel {
 public:
  DataPanel();
  void draw(const Rect& area, Workspace& ws, TrainingSession& training);
  // For the layout: the width at which the Data tab's widest line last drawn needs no wrapping.
  float wanted_width() const { return wanted_width_; }
  // For the state JSON: the Training tab's settings (the running run's preset and steps while one goes).
  nlohmann::json describe() const;

 private:
  void draw_data_tab(Workspace& ws);
  void draw_training_tab(Workspace& ws, TrainingSession& training, const TrainingView& view);
  void show_run_settings(const TrainingView& view);

  std::string model_path_;  // the text field
  int shown_revision_ = -1;
  int preset_ = 0, device_ = 0;  // indices into the choice lists
  int steps_;                    // starts at the preset's, and follows a change of preset
  std::string save_path_ = "trained.sta";
  int shown_run_ = 0;            // the training run the tab was last selected for
  float wanted_width_ = 0.0f;
};

}  // namespace sta::studio
