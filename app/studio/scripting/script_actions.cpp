// The table of script actions; to add an action, add a row here.
#include "app/figures/names.h"
#include "app/studio/compute/composer_actions.h"
#include "app/studio/compute/figure_files.h"
#include "app/studio/compute/training/training_session.h"
#include "app/studio/scripting/script.h"
#include "app/studio/scripting/script_assert.h"

#include <cstdlib>

namespace sta::studio {

namespace {

long long to_integer(const std::string& word, const char* what) {
  char* end = nullptr;
  const long long value = std::strtoll(word.c_str(), &end, 10);
  if (word.empty() || end != word.c_str() + word.size())
    throw ScriptError(std::string(what) + " must be an integer, not '" + word + "'");
  return value;
}

float to_float(const std::string& word, const char* what) {
  char* end = nullptr;
  const float value = std::strtof(word.c_str(), &end);
  if (word.empty() || end != word.c_str() + word.size())
    throw ScriptError(std::string(what) + " must be a number, not '" + word + "'");
  return value;
}

bool to_switch(const std::string& word) {
  if (word == "on") return true;
  if (word == "off") return false;
  throw ScriptError("expected on or off, not '" + word + "'");
}

template <class E>
E to_enum(const std::string& word) {
  if (const auto value = figures::parse_name<E>(word)) return *value;
  throw ScriptError("'" + word + "' is not one of " + figures::choices<E>());
}

// Edits one field of the field settings.
template <class Edit>
int edit_fields(ScriptHost& host, Edit edit) {
  figures::FieldSettings s = host.workspace().fields();
  edit(s);
  host.workspace().set_field_settings(s);
  return 0;
}

constexpr int kCaptureFrames = 2;  // frames drawn before a capture, so every panel has caught up
constexpr double kTrainWaitSeconds = 600.0;  // `train wait` and `train save` fail after this long

// `train start PRESET [STEPS [DEVICE]]|pause|resume|stop|wait STEPS|save FILE`.
int train_action(ScriptHost& h, const Words& a) {
  TrainingSession& training = h.training();
  const std::string& verb = a[0];
  const auto expect = [&](size_t min_args, size_t max_args, const char* usage) {
    if (a.size() - 1 < min_args || a.size() - 1 > max_args) throw ScriptError(std::string("expected: train ") + usage);
  };
  if (verb == "start") {
    expect(1, 3, "start PRESET [STEPS [DEVICE]]");
    const long long steps = a.size() > 2 ? to_integer(a[2], "the step count") : 0;
    std::string error;
    if (!training.start(h.workspace().shared_dataset(), a[1], a.size() > 3 ? a[3] : "auto", steps, error))
      h.workspace().report_error(error);
    return 0;
  }
  if (verb == "pause" || verb == "resume" || verb == "stop") {
    expect(0, 0, verb.c_str());
    if (verb == "pause") training.pause();
    if (verb == "resume") training.resume();
    if (verb == "stop") training.stop();
    return 0;
  }
  if (verb == "wait") {
    // Draws frames until the views show a snapshot of at least STEPS steps.
    expect(1, 1, "wait STEPS");
    const long long steps = to_integer(a[1], "the step count");
    h.wait_until(
        [&training, steps] {
          const TrainingView v = training.view();
          if (v.adopted_step >= steps) return true;
          const bool over = v.phase == TrainingPhase::Finished && v.adopted_step >= v.total;
          if (v.phase == TrainingPhase::Idle || v.phase == TrainingPhase::Stopped ||
              v.phase == TrainingPhase::Failed || over)
            throw ScriptError("training " + std::string(phase_name(v.phase)) + " at step " + std::to_string(v.step) +
                              (v.error.empty() ? "" : ": " + v.error) + ", before step " + std::to_string(steps));
          return false;
        },
        kTrainWaitSeconds, "train wait " + a[1]);
    return 1;
  }
  if (verb == "save") {
    // Saves between steps; waits for the answer (a failure is a Workspace error).
    expect(1, 1, "save FILE");
    const int before = training.view().saves;
    if (!training.save(a[1])) {
      h.workspace().report_error("no training to save");
      return 0;
    }
    h.wait_until([&training, before] { return training.view().saves > before; }, kTrainWaitSeconds,
                 "train save " + a[1]);
    return 1;
  }
  throw ScriptError("expected start, pause, resume, stop, wait or save, not '" + verb + "'");
}

std::vector<ScriptAction> make_actions() {
  return {
      {"data", "SOURCE [TRANSFORMS]", 1, 2,
       [](ScriptHost& h, const Words& a) {
         h.workspace().open_data(a[0], a.size() > 1 ? a[1] : "");
         return 0;
       }},
      {"model", "FILE", 1, 1,
       [](ScriptHost& h, const Words& a) {
         h.workspace().load_model(a[0]);
         return 0;
       }},
      {"split", figures::choices<data::Split>(), 1, 1,
       [](ScriptHost& h, const Words& a) {
         h.workspace().choose_split(to_enum<data::Split>(a[0]));
         return 0;
       }},
      {"mode", figures::choices<data::SequenceMode>(), 1, 1,
       [](ScriptHost& h, const Words& a) {
         h.workspace().choose_mode(to_enum<data::SequenceMode>(a[0]));
         return 0;
       }},
      {"sequence", "N|next|previous|random", 1, 1,
       [](ScriptHost& h, const Words& a) {
         Workspace& ws = h.workspace();
         if (a[0] == "next") {
           ws.choose_index(ws.sequence().index + 1);
         } else if (a[0] == "previous") {
           ws.choose_index(ws.sequence().index - 1);
         } else if (a[0] == "random") {
           ws.choose_random_index();
         } else {
           ws.choose_index(to_integer(a[0], "the sequence index"));
         }
         return 0;
       }},
      {"cursor", "T", 1, 1,
       [](ScriptHost& h, const Words& a) {
         h.workspace().set_cursor(static_cast<int>(to_integer(a[0], "the time cursor")));
         return 0;
       }},
      {"key", "left|right", 1, 1,
       [](ScriptHost& h, const Words& a) {
         if (a[0] != "left" && a[0] != "right") throw ScriptError("expected left or right, not '" + a[0] + "'");
         h.workspace().set_cursor(h.workspace().cursor() + (a[0] == "right" ? 1 : -1));
         return 0;
       }},
      {"toggle", "K on|off", 2, 2,
       [](ScriptHost& h, const Words& a) {
         h.workspace().set_enabled(static_cast<int>(to_integer(a[0], "the primitive")), to_switch(a[1]));
         return 0;
       }},
      {"speed", "K G", 2, 2,
       [](ScriptHost& h, const Words& a) {
         h.workspace().set_speed(static_cast<int>(to_integer(a[0], "the primitive")), to_float(a[1], "the speed"));
         return 0;
       }},
      {"steps", "N", 1, 1,
       [](ScriptHost& h, const Words& a) {
         h.workspace().set_composer_steps(static_cast<int>(to_integer(a[0], "the composer steps")));
         return 0;
       }},
      {"use-inferred", "", 0, 0,
       [](ScriptHost& h, const Words&) {
         const model::SequencePrediction* prediction = h.derived().prediction(h.workspace());
         if (!prediction) throw ScriptError("use-inferred needs a model and a sequence");
         use_inferred_speeds(h.workspace(), *prediction);
         return 0;
       }},
      {"export", "FILE.gif|mp4|png|svg", 1, 1,
       [](ScriptHost& h, const Words& a) {
         if (!export_composition(h.workspace(), h.derived(), a[0])) throw ScriptError("export to " + a[0] + " failed");
         return 0;
       }},
      {"save-fields", "FILE.svg", 1, 1,
       [](ScriptHost& h, const Words& a) {
         if (!save_fields_figure(h.workspace(), h.derived(), a[0])) throw ScriptError("save-fields to " + a[0] + " failed");
         return 0;
       }},
      {"save-spikes", "FILE.svg", 1, 1,
       [](ScriptHost& h, const Words& a) {
         if (!save_spikes_figure(h.workspace(), h.derived(), a[0])) throw ScriptError("save-spikes to " + a[0] + " failed");
         return 0;
       }},
      {"follow", "FILE|off", 1, 1,
       [](ScriptHost& h, const Words& a) {
         h.workspace().set_follow(a[0] == "off" ? std::nullopt : std::optional<std::string>(a[0]));
         return 1;
       }},
      {"probe", "X Y|off", 1, 2,
       [](ScriptHost& h, const Words& a) {
         if (a.size() == 1 && a[0] != "off") throw ScriptError("expected: probe X Y|off");
         h.workspace().set_probe(a.size() == 1 ? std::nullopt
                                               : std::optional<field::Vec2>(field::Vec2{
                                                     to_float(a[0], "the probe's x"), to_float(a[1], "the probe's y")}));
         return 1;
       }},
      {"pin", "on|off", 1, 1,
       [](ScriptHost& h, const Words& a) {
         if (to_switch(a[0]))
           h.workspace().request_pin();
         else
           h.workspace().pin_latent(std::nullopt);
         return 1;
       }},
      {"play", "on|off", 1, 1,
       [](ScriptHost& h, const Words& a) {
         h.workspace().set_playing(to_switch(a[0]));
         return 0;
       }},
      {"part", figures::choices<figures::PartMode>(), 1, 1,
       [](ScriptHost& h, const Words& a) {
         return edit_fields(h, [&](figures::FieldSettings& s) { s.part = to_enum<figures::PartMode>(a[0]); });
       }},
      {"slice", "axes I J|pca|velocity-pca", 1, 3,
       [](ScriptHost& h, const Words& a) {
         const figures::SliceMode mode = to_enum<figures::SliceMode>(a[0]);
         if ((mode == figures::SliceMode::Axes) != (a.size() == 3))
           throw ScriptError("expected: slice axes I J|pca|velocity-pca");
         return edit_fields(h, [&](figures::FieldSettings& s) {
           s.slice = mode;
           if (mode != figures::SliceMode::Axes) return;
           s.axis_i = static_cast<int>(to_integer(a[1], "axis I"));
           s.axis_j = static_cast<int>(to_integer(a[2], "axis J"));
         });
       }},
      {"anchor", figures::choices<figures::AnchorMode>(), 1, 1,
       [](ScriptHost& h, const Words& a) {
         return edit_fields(h, [&](figures::FieldSettings& s) { s.anchor = to_enum<figures::AnchorMode>(a[0]); });
       }},
      {"density", "X", 1, 1,
       [](ScriptHost& h, const Words& a) {
         return edit_fields(h, [&](figures::FieldSettings& s) { s.density = to_float(a[0], "the density"); });
       }},
      {"colour", figures::choices<figures::LineColouring>(), 1, 1,
       [](ScriptHost& h, const Words& a) {
         return edit_fields(h, [&](figures::FieldSettings& s) { s.colouring = to_enum<figures::LineColouring>(a[0]); });
       }},
      {"heat", figures::choices<figures::HeatMode>(), 1, 1,
       [](ScriptHost& h, const Words& a) {
         return edit_fields(h, [&](figures::FieldSettings& s) { s.heat = to_enum<figures::HeatMode>(a[0]); });
       }},
      {"focus", "K", 1, 1,
       [](ScriptHost& h, const Words& a) {
         return edit_fields(h,
                            [&](figures::FieldSettings& s) { s.focus = static_cast<int>(to_integer(a[0], "the primitive")); });
       }},
      {"view", figures::choices<figures::LargeView>(), 1, 1,
       [](ScriptHost& h, const Words& a) {
         return edit_fields(h, [&](figures::FieldSettings& s) { s.large = to_enum<figures::LargeView>(a[0]); });
       }},
      {"zoom", "FACTOR [X Y]", 1, 3,
       [](ScriptHost& h, const Words& a) {
         if (a.size() == 2) throw ScriptError("expected: zoom FACTOR [X Y]");
         figures::FieldView view = h.workspace().field_view();
         view.zoom = to_float(a[0], "the zoom");
         if (a.size() == 3) view = {view.zoom, to_float(a[1], "X"), to_float(a[2], "Y")};
         h.workspace().set_field_view(view);
         return 0;
       }},
      {"dismiss", "", 0, 0,
       [](ScriptHost& h, const Words&) {
         h.workspace().dismiss_errors();
         return 0;
       }},
      {"window", "WIDTHxHEIGHT", 1, 1,
       [](ScriptHost& h, const Words& a) {
         const auto x = a[0].find('x');
         if (x == std::string::npos) throw ScriptError("expected WIDTHxHEIGHT, not '" + a[0] + "'");
         h.resize_window(static_cast<int>(to_integer(a[0].substr(0, x), "the width")),
                         static_cast<int>(to_integer(a[0].substr(x + 1), "the height")));
         return kCaptureFrames;
       }},
      {"frames", "N", 1, 1,
       [](ScriptHost&, const Words& a) {
         const long long n = to_integer(a[0], "the frame count");
         if (n < 1) throw ScriptError("the frame count must be at least 1");
         return static_cast<int>(n);
       }},
      {"screenshot", "FILE.png [PANEL]", 1, 2,
       [](ScriptHost& h, const Words& a) {
         h.capture(ScriptHost::Capture::Screenshot, a[0], a.size() > 1 ? a[1] : "");
         return kCaptureFrames;
       }},
      {"state", "FILE.json", 1, 1,
       [](ScriptHost& h, const Words& a) {
         h.capture(ScriptHost::Capture::State, a[0]);
         return kCaptureFrames;
       }},
      {"train", "start PRESET [STEPS [DEVICE]]|pause|resume|stop|wait STEPS|save FILE", 1, 4, train_action},
      {"assert", "PATH ==|!=|<|<=|>|>=|contains VALUE", 3, 3,
       [](ScriptHost& h, const Words& a) {
         check_assertion(h.state(), a[0], a[1], a[2]);
         return 0;
       }},
  };
}

}  // namespace

// Each row edits the Workspace through its edit functions (exactly what the panels call for the mouse
// and keyboard) or asks the host for frames, captures or checks.
const std::vector<ScriptAction>& script_actions() {
  static const std::vector<ScriptAction> actions = make_actions();
  return actions;
}

}  // namespace sta::studio
