// The Workspace's edit functions: validation, consistency and error capture.
#include "app/studio/compute/workspace.h"

#include "core/field/slice.h"
#include "core/train/model_file.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <exception>
#include <utility>

namespace sta::studio {

namespace {

std::string join(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ",") + n;
  return out;
}

}  // namespace

bool Workspace::fits(const data::Dataset& data) const {
  return !model_ || model_->engine.config().image_size == data.image_size();
}

void Workspace::reset_primitives() {
  pinned_.reset();
  const int k = primitives();
  enabled_.assign(k, true);
  speeds_.assign(k, 1.0f);
  set_field_settings(fields_);
}

bool Workspace::open_data(const std::string& source, const std::string& transforms) {
  data::DataSpec spec;
  spec.source = source;
  try {
    spec.transforms = data::parse_transform_list(transforms);
  } catch (const std::exception& e) {
    report_error(e.what());
    return false;
  }
  return open_data(spec);
}

bool Workspace::open_data(const data::DataSpec& spec) {
  std::shared_ptr<const data::Dataset> opened;
  try {
    opened = data::open_dataset(spec);
  } catch (const std::exception& e) {
    report_error(e.what());
    return false;
  }
  if (!fits(*opened)) {
    report_error("model " + model_->path + " unloaded: it expects " +
                 std::to_string(model_->engine.config().image_size) + " px frames and " + spec.source + " gives " +
                 std::to_string(opened->image_size()) + " px");
    model_.reset();
    ++model_revision_;
    reset_primitives();
  }
  dataset_ = std::move(opened);
  data_source_ = spec.source;
  data_transforms_ = join(spec.transforms);
  ++data_revision_;
  choose_index(sequence_.index);
  set_cursor(cursor_);
  return true;
}

bool Workspace::load_model(const std::string& path, bool use_its_data) {
  std::optional<LoadedModel> loaded;
  try {
    loaded.emplace(LoadedModel{train::load_engine(path), path, train::read_checkpoint_summary(path), false});
  } catch (const std::exception& e) {
    report_error(e.what());
    return false;
  }
  const int size = loaded->engine.config().image_size;
  const bool data_fits = dataset_ && dataset_->image_size() == size;
  const bool data_known = !loaded->summary.data.source.empty();  // foreign modules may not say
  if ((use_its_data && data_known) || !data_fits) {
    std::optional<LoadedModel> previous = std::exchange(model_, std::nullopt);  // so opening data keeps it
    bool opened = data_known && open_data(loaded->summary.data);
    if (!opened && !data_fits && size == 28) {
      data::DataSpec fallback;
      fallback.source = "digits";
      opened = open_data(fallback);
      if (opened && data_known) report_error("showing digits instead of " + loaded->summary.data.source);
    }
    if (!opened && !data_fits) {
      model_ = std::move(previous);
      report_error(path + ": no data with " + std::to_string(size) + " px frames to show it with");
      return false;
    }
  }
  model_ = std::move(loaded);
  ++model_revision_;
  reset_primitives();
  return true;
}

bool Workspace::adopt_model(model::Engine engine, const std::string& label, const train::CheckpointSummary& summary,
                            bool live) {
  if (!dataset_ || dataset_->image_size() != engine.config().image_size) {
    report_error(label + ": it expects " + std::to_string(engine.config().image_size) +
                 " px frames, which the open data does not have");
    return false;
  }
  const int previous = primitives();
  model_.emplace(LoadedModel{std::move(engine), label, summary, live});
  ++model_revision_;
  if (primitives() != previous) {
    reset_primitives();
  } else {
    set_field_settings(fields_);  // the latent size may differ
  }
  return true;
}

void Workspace::choose_split(data::Split split) {
  sequence_.split = split;
  choose_index(sequence_.index);
}

void Workspace::choose_mode(data::SequenceMode mode) { sequence_.mode = mode; }

void Workspace::choose_index(int64_t index) {
  const int64_t count = dataset_ ? std::max<int64_t>(1, dataset_->count(sequence_.split)) : 1;
  sequence_.index = ((index % count) + count) % count;
}

void Workspace::choose_random_index() {
  const int64_t count = dataset_ ? std::max<int64_t>(1, dataset_->count(sequence_.split)) : 1;
  choose_index(std::uniform_int_distribution<int64_t>(0, count - 1)(random_));
}

void Workspace::set_cursor(int t) { cursor_ = std::clamp(t, 0, steps()); }

void Workspace::set_enabled(int k, bool on) {
  if (k < 0 || k >= primitives()) {
    report_error("no primitive " + std::to_string(k) + " (the model has " + std::to_string(primitives()) + ")");
    return;
  }
  enabled_[k] = on;
}

void Workspace::set_speed(int k, float speed) {
  if (k < 0 || k >= primitives()) {
    report_error("no primitive " + std::to_string(k) + " (the model has " + std::to_string(primitives()) + ")");
    return;
  }
  speeds_[k] = std::clamp(speed, -kSpeedLimit, kSpeedLimit);
}

void Workspace::set_composer_steps(int steps) { composer_steps_ = std::clamp(steps, 1, kComposerStepsMax); }

void Workspace::pin_latent(std::optional<model::Latent> latent) {
  if (latent && (!model_ || static_cast<int>(latent->size()) != model_->engine.latent_dim())) {
    report_error("pin: a latent of the model's " + std::to_string(model_ ? model_->engine.latent_dim() : 0) +
                 " dimensions is needed");
    return;
  }
  pinned_ = std::move(latent);
}

void Workspace::set_probe(std::optional<field::Vec2> at) {
  if (at && !(std::isfinite(at->x) && std::isfinite(at->y))) {
    report_error("probe: slice coordinates must be finite numbers");
    return;
  }
  probe_ = at;
}

void Workspace::set_follow(std::optional<std::string> path) {
  if (path && path->empty()) {
    report_error("follow: name the model file to follow");
    return;
  }
  follow_.reset();
  if (path) follow_.emplace(FollowStatus{*path});
}

void Workspace::set_playing(bool on) { playing_ = on && steps() > 0; }

void Workspace::advance_playback() {
  if (playing_) set_cursor(cursor_ >= steps() ? 0 : cursor_ + 1);
}

void Workspace::set_field_settings(figures::FieldSettings s) {
  const int dims = model_ ? model_->engine.latent_dim() : 2;
  s.axis_i = std::clamp(s.axis_i, 0, dims - 1);
  s.axis_j = std::clamp(s.axis_j, 0, dims - 1);
  if (!field::two_different_axes(s.axis_i, s.axis_j, dims)) s.axis_j = s.axis_i == 0 ? 1 : 0;
  s.density = std::clamp(s.density, kDensityMin, kDensityMax);
  s.focus = std::clamp(s.focus, 0, std::max(0, primitives() - 1));
  fields_ = s;
}

void Workspace::set_field_view(figures::FieldView view) {
  view.zoom = std::clamp(view.zoom, 0.1f, 50.0f);
  field_view_ = view;
}

void Workspace::report_error(const std::string& message) {
  std::fprintf(stderr, "sta-studio: %s\n", message.c_str());
  errors_.push_back(message);
}

void Workspace::dismiss_errors() { errors_.clear(); }

}  // namespace sta::studio
