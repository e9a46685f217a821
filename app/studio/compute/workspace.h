// Workspace: the one state object of the studio, changed only through validating edit functions.
#pragma once

#include "app/figures/field_settings.h"
#include "core/data/dataset.h"
#include "core/field/vec2.h"
#include "core/model/engine.h"
#include "core/train/model_file.h"

#include <memory>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace sta::studio {

// Which sequence of the dataset is selected.
struct SequenceChoice {
  data::Split split = data::Split::Test;
  int64_t index = 0;
  data::SequenceMode mode = data::SequenceMode::Sparse;

  bool operator==(const SequenceChoice& o) const { return split == o.split && index == o.index && mode == o.mode; }
};

// A model file followed as it is replaced (sta-studio --follow, the Follow toggle): what the
// CheckpointFollower last did with it.
struct FollowStatus {
  std::string path;
  int64_t step = -1;         // of the model last loaded from it (-1: none yet)
  double changed_at = 0.0;   // the file's modification time then (seconds since the epoch)
  int loads = 0, skipped = 0;
};

struct LoadedModel {
  model::Engine engine;
  std::string path;  // the checkpoint file, or a label for a training snapshot
  train::CheckpointSummary summary;
  bool live = false;  // a snapshot of the model being trained in the studio (no file)
};

// Panels and scripts read it and change it only through the edit functions below, which validate
// their input, keep the state consistent (cursor within the sequence, one flag per primitive, a model
// that fits the data) and record failures as error messages instead of throwing, so that the app
// keeps its previous state and keeps running. Everything shown on screen derives from it.
class Workspace {
 public:
  static constexpr float kDensityMin = 0.25f, kDensityMax = 3.0f;
  static constexpr float kSpeedLimit = 3.0f;  // composer speeds lie in [-limit, limit]
  static constexpr int kComposerStepsMax = 16;

  // ---- Reading
  const data::Dataset* dataset() const { return dataset_.get(); }
  const std::shared_ptr<const data::Dataset>& shared_dataset() const { return dataset_; }  // for a trainer
  const std::string& data_source() const { return data_source_; }
  const std::string& data_transforms() const { return data_transforms_; }
  int data_revision() const { return data_revision_; }  // changes whenever data is opened
  const LoadedModel* model() const { return model_ ? &*model_ : nullptr; }
  int model_revision() const { return model_revision_; }
  int primitives() const { return model_ ? model_->engine.primitives() : 0; }
  const SequenceChoice& sequence() const { return sequence_; }
  int steps() const { return dataset_ ? dataset_->spec().steps : 0; }  // T; frames 0..T
  int cursor() const { return cursor_; }
  const std::vector<bool>& enabled() const { return enabled_; }  // per primitive
  const std::vector<float>& speeds() const { return speeds_; }   // composer speed per primitive
  int composer_steps() const { return composer_steps_; }        // roll-out steps of the composer
  bool playing() const { return playing_; }                      // the cursor animates
  const figures::FieldSettings& fields() const { return fields_; }
  const figures::FieldView& field_view() const { return field_view_; }
  // A latent pinned with the field view's probe: the composer starts from it instead of the
  // cursor frame's encoding. Cleared when the model changes.
  const std::optional<model::Latent>& pinned() const { return pinned_; }
  // Where the field view's probe looks (slice coordinates of the large view), if anywhere: set
  // by the mouse hovering over the view, or by a script.
  const std::optional<field::Vec2>& probe() const { return probe_; }
  const std::optional<FollowStatus>& follow() const { return follow_; }
  const std::vector<std::string>& errors() const { return errors_; }  // oldest first

  // ---- Editing: the mouse, the keyboard and scripts all go through these.
  // Opens a data source (CLI syntax) with a comma-separated transformation list ("" for the
  // source's default). A model that does not fit the new frames is unloaded, with a message.
  bool open_data(const std::string& source, const std::string& transforms);
  bool open_data(const data::DataSpec& spec);
  // Loads a checkpoint or a TorchScript module. With use_its_data, or when the current data does
  // not fit it, also opens the data it was trained on (if the file records it), falling back to
  // `digits` when that is missing.
  bool load_model(const std::string& path, bool use_its_data = false);
  // Shows a training snapshot as the current model (every view follows model_revision()).
  // Keeps the enabled flags and composer speeds when the primitive count is unchanged.
  // False, with a message, when it does not fit the open data.
  // `live`: a snapshot of a run in progress (the Spikes summary then waits for a click).
  bool adopt_model(model::Engine engine, const std::string& label, const train::CheckpointSummary& summary,
                   bool live = true);
  // Follows the model file at `path` (nullopt: stops); the CheckpointFollower loads it.
  void set_follow(std::optional<std::string> path);
  FollowStatus* follow_status() { return follow_ ? &*follow_ : nullptr; }
  void choose_split(data::Split split);
  void choose_mode(data::SequenceMode mode);
  void choose_index(int64_t index);  // wraps around the split's item count
  void choose_random_index();
  void set_cursor(int t);  // clamped to 0..T
  void set_enabled(int k, bool on);
  void set_speed(int k, float speed);
  void set_composer_steps(int steps);  // clamped to 1..kComposerStepsMax
  void set_playing(bool on);
  void advance_playback();  // one playback tick: the cursor moves on, wrapping to frame 0
  void set_field_settings(figures::FieldSettings settings);  // clamps axes, density, focus
  void set_field_view(figures::FieldView view);
  void pin_latent(std::optional<model::Latent> latent);  // must have the model's D values
  void set_probe(std::optional<field::Vec2> at);
  // Asks the field view to pin the latent at the probe point (done when it next draws; a click
  // on the view and the script's `pin` both ask). take_pin_request() answers once.
  void request_pin() { pin_requested_ = true; }
  bool take_pin_request() { return std::exchange(pin_requested_, false); }
  void report_error(const std::string& message);
  void dismiss_errors();

 private:
  bool fits(const data::Dataset& data) const;
  void reset_primitives();

  std::shared_ptr<const data::Dataset> dataset_;
  std::string data_source_, data_transforms_;
  int data_revision_ = 0;
  std::optional<LoadedModel> model_;
  int model_revision_ = 0;
  SequenceChoice sequence_;
  int cursor_ = 0;
  std::vector<bool> enabled_;
  std::vector<float> speeds_;
  int composer_steps_ = 8;
  bool playing_ = false;
  figures::FieldSettings fields_;
  figures::FieldView field_view_;
  std::optional<model::Latent> pinned_;
  std::optional<field::Vec2> probe_;
  bool pin_requested_ = false;
  std::optional<FollowStatus> follow_;
  std::vector<std::string> errors_;
  std::mt19937 random_{12345};
};

}  // namespace sta::studio
