// Studio: the application, which owns the window, the Workspace, the derived results, the five panels and
// the training session, and runs the frame loop and the script.
#pragma once

#include "app/studio/compute/checkpoint_follower.h"
#include "app/studio/compute/derived.h"
#include "app/studio/compute/training/training_session.h"
#include "app/studio/compute/workspace.h"
#include "app/studio/panels/panel_composer.h"
#include "app/studio/panels/panel_data.h"
#include "app/studio/panels/panel_fields.h"
#include "app/studio/panels/panel_sequence.h"
#include "app/studio/panels/panel_spikes.h"
#include "app/studio/scripting/script.h"
#include "app/studio/shell/frame_clock.h"
#include "app/studio/shell/window.h"
#include "app/studio/widgets/layout.h"

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace sta::studio {

struct StudioOptions {
  std::string data, transforms;  // empty: the model's data, else digits
  std::string model;             // empty: assets/demo.sta when it exists and no data was given
  std::string follow;            // --follow: a model file to reload whenever it is replaced
  int width = 1280, height = 800;
  std::optional<float> ui_scale;  // --ui-scale; without it the monitor's content scale
  std::optional<Script> script;  // --script, then the --screenshot capture
};

// Skips frames while minimised, draws about 60 frames a second when interactive and as fast as
// possible under a script; as the script host, writes captures at the end of a drawn frame. The
// training session is polled once per frame; destroying the studio stops training and writes nothing.
class Studio : public ScriptHost {
 public:
  // Opens the window (throws std::runtime_error when it cannot) and the start-up data and
  // model (failures become Workspace errors).
  explicit Studio(StudioOptions options);
  // Runs until the window closes or the script ends; returns the process exit code.
  int run();

  Workspace& workspace() override { return ws_; }
  Derived& derived() override { return derived_; }
  void capture(Capture kind, const std::string& path, const std::string& panel) override;
  nlohmann::json state() override;
  void resize_window(int width, int height) override { window_.set_size(width, height); }
  TrainingSession& training() override { return training_; }
  void wait_until(std::function<bool()> ready, double timeout_seconds, const std::string& what) override;

 private:
  void open_startup(const StudioOptions& options);
  void draw_frame();
  void handle_keys();
  void advance_playback();
  bool write_captures();  // false (with a message) when a file cannot be written
  // The frame just drawn shows the field geometry of the latest settings and the same layout
  // as the frame before (the Sequence panel's width request has been met).
  bool settled() const;
  bool script_waiting();  // a wait_until condition is pending; throws when it timed out

  Window window_;
  Workspace ws_;
  Derived derived_;
  DataPanel data_panel_;
  SequencePanel sequence_panel_;
  FieldsPanel fields_panel_;
  SpikesPanel spikes_panel_;
  ComposerPanel composer_panel_;
  Layout layout_, previous_layout_;
  FrameClock clock_;
  std::optional<Script> script_;
  int wait_frames_ = 0;
  double last_playback_ = 0;
  struct PendingCapture {
    Capture kind;
    std::string path, panel;
  };
  std::vector<PendingCapture> captures_;
  struct Wait {
    std::function<bool()> ready;
    std::chrono::steady_clock::time_point deadline;
    double timeout_seconds;
    std::string what;
  };
  std::optional<Wait> wait_;
  CheckpointFollower follower_;
  long long frames_drawn_ = 0;
  double first_frame_ms_ = -1.0;  // process age when the first frame was shown
  TrainingSession training_;  // last: destroyed (stopped and joined) first
};

}  // namespace sta::studio
