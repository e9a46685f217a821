// Data & Training panel: data summary, model loading and model summary; training controls,
// progress and curves.
#include "app/studio/panels/panel_data.h"

#include "app/studio/widgets/ui.h"
#include "core/train/train_config.h"

#include <imgui_stdlib.h>

#include <algorithm>
#include <ctime>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <vector>

namespace sta::studio {

namespace {

std::string transform_list(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out.empty() ? "none" : out;
}

// Wrapped text that returns its width unwrapped, for the panel's wanted width.
float wrapped(const std::string& text) {
  ImGui::TextWrapped("%s", text.c_str());
  return ImGui::CalcTextSize(text.c_str()).x;
}

// Returns the width of its widest line unwrapped.
float data_summary(const data::Dataset& data) {
  const data::DataSpec& spec = data.spec();
  ImGui::Text("%s", spec.source.c_str());
  const float widest = wrapped("transformations: " + transform_list(data.transforms()));
  ImGui::Text("%d px frames, T = %d, seed %llu", data.image_size(), spec.steps,
              static_cast<unsigned long long>(spec.seed));
  ImGui::Text("items: %lld train, %lld test", static_cast<long long>(data.count(data::Split::Train)),
              static_cast<long long>(data.count(data::Split::Test)));
  if (!data.has_ground_truth()) ImGui::TextDisabled("no ground truth (real video)");
  return widest;
}

// Returns the width of its widest wrapped line unwrapped.
float model_summary(Workspace& ws, const LoadedModel& m) {
  const model::ModelConfig& c = m.engine.config();
  float widest = m.live ? wrapped(m.path) : 0.0f;  // a file's path is in the field above
  ImGui::Text("K = %d primitives, D = %d", c.primitives, c.latent_dim);
  const bool torchscript = m.engine.kind() == "torchscript";
  if (torchscript)
    ImGui::Text("%d px, TorchScript module", c.image_size);
  else
    ImGui::Text("%d px, %s likelihood", c.image_size, util::name_of(c.likelihood));
  ImGui::Text("preset %s, %lld steps", m.summary.preset.c_str(), static_cast<long long>(m.summary.step));
  const data::DataSpec& trained = m.summary.data;
  if (trained.source.empty()) {  // a foreign module that does not say what it was trained on
    ImGui::TextDisabled("training data not recorded");
    return widest;
  }
  const bool same = ws.dataset() && ws.dataset()->spec().source == trained.source &&
                    ws.dataset()->spec().transforms == trained.transforms;
  const std::string on = same ? "the data above" : trained.source + " (" + transform_list(trained.transforms) + ")";
  widest = std::max(widest, wrapped("trained on " + on + ", T = " + std::to_string(trained.steps)));
  if (!same && ImGui::Button("Open its training data")) ws.open_data(trained);
  return widest;
}

constexpr const char* kPresets[] = {"tiny", "demo", "paper"};
constexpr const char* kDevices[] = {"auto", "cpu", "cuda"};
// Curves in a warm ivory that no primitive (palette.h) or text uses.
constexpr ImU32 kCurveColour = IM_COL32(225, 215, 185, 255);
// Curves share the height left below the controls, within these limits (a scroll beyond).
constexpr float kPlotHeightMin = 16.0f, kPlotHeightMax = 90.0f;

std::string minutes_seconds(double seconds) {
  if (!(seconds >= 0) || seconds > 1e7) return "--";
  const long s = static_cast<long>(seconds + 0.5);
  char text[32];
  std::snprintf(text, sizeof text, "%ldm %02lds", s / 60, s % 60);
  return text;
}

// A small curve with its name and latest value written over it.
void curve(const TrainingSeries& series, ImU32 colour, float width, float height) {
  char overlay[64];
  if (series.values.empty()) {
    std::snprintf(overlay, sizeof overlay, "%s: -", series.name.c_str());
  } else {
    std::snprintf(overlay, sizeof overlay, "%s %.4g", series.name.c_str(), series.values.back());
  }
  ImGui::PushStyleColor(ImGuiCol_PlotLines, colour);
  ImGui::PlotLines(("##" + series.name).c_str(), series.values.data(), static_cast<int>(series.values.size()), 0,
                   overlay, FLT_MAX, FLT_MAX, {width, height});
  ImGui::PopStyleColor();
  if (ImGui::IsItemHovered() && !series.steps.empty())
    ImGui::SetTooltip("%s: steps %.0f to %.0f, %zu points", series.name.c_str(), series.steps.front(),
                      series.steps.back(), series.steps.size());
}

// The number of steps a preset trains for (it does not depend on the frame size or K).
int preset_steps(int preset) {
  return static_cast<int>(train::make_preset(kPresets[preset], 28, 3, 8).total_steps);
}

bool running(TrainingPhase p) {
  return p == TrainingPhase::Starting || p == TrainingPhase::Running || p == TrainingPhase::Paused;
}

}  // namespace

DataPanel::DataPanel() : steps_(preset_steps(preset_)) {}

void DataPanel::draw(const Rect& area, Workspace& ws, TrainingSession& training) {
  begin_panel("Data & Training", area);
  if (shown_revision_ != ws.model_revision()) {
    if (ws.model() && !ws.model()->live) model_path_ = ws.model()->path;
    shown_revision_ = ws.model_revision();
  }
  if (ImGui::BeginTabBar("##data-tabs")) {
    if (ImGui::BeginTabItem("Data")) {
      draw_data_tab(ws);
      ImGui::EndTabItem();
    }
    const TrainingView view = training.view();
    if (running(view.phase)) show_run_settings(view);
    const bool select = view.run != shown_run_;
    shown_run_ = view.run;
    if (ImGui::BeginTabItem("Training", nullptr, select ? ImGuiTabItemFlags_SetSelected : 0)) {
      draw_training_tab(ws, training, view);
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
  ImGui::End();
}

// A run started elsewhere (a script, say) shows its preset and steps, not the ones last chosen here.
void DataPanel::show_run_settings(const TrainingView& view) {
  const auto* found = std::find(std::begin(kPresets), std::end(kPresets), view.preset);
  if (found != std::end(kPresets)) preset_ = static_cast<int>(found - std::begin(kPresets));
  steps_ = static_cast<int>(view.total);
}

nlohmann::json DataPanel::describe() const {
  return {{"training_settings", {{"preset", kPresets[preset_]}, {"device", kDevices[device_]}, {"steps", steps_}}}};
}

void DataPanel::draw_data_tab(Workspace& ws) {
  ImGui::TextDisabled("DATA");
  float widest = 0.0f;
  if (ws.dataset()) {
    widest = data_summary(*ws.dataset());
  } else {
    ImGui::TextDisabled("none open");
  }
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::TextDisabled("MODEL");
  const ImGuiStyle& style = ImGui::GetStyle();  // room for the Load button and the Follow box
  const float buttons = ImGui::CalcTextSize("Load").x + 2 * style.FramePadding.x + ImGui::GetFrameHeight() +
                        style.ItemInnerSpacing.x + ImGui::CalcTextSize("Follow").x + 2 * style.ItemSpacing.x;
  widest = std::max(widest, ImGui::CalcTextSize(model_path_.c_str()).x + 2 * style.FramePadding.x + buttons);
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - buttons);
  const bool enter =
      ImGui::InputTextWithHint("##model", "checkpoint.sta", &model_path_, ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  if (ImGui::Button("Load") || enter) ws.load_model(model_path_);
  ImGui::SameLine();
  bool follow = ws.follow().has_value();
  if (ImGui::Checkbox("Follow", &follow)) ws.set_follow(follow ? std::optional<std::string>(model_path_) : std::nullopt);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("reload this file whenever it is replaced (a run elsewhere, synced here)");
  if (const auto& f = ws.follow()) {
    const double age = std::difftime(std::time(nullptr), static_cast<std::time_t>(f->changed_at));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    if (f->loads == 0)
      ImGui::TextWrapped("following: waiting for a model file");
    else
      ImGui::TextWrapped("following: step %lld, file changed %.0f s ago (%d loads, %d skipped)",
                         static_cast<long long>(f->step), age, f->loads, f->skipped);
    ImGui::PopStyleColor();
  }
  if (ws.model()) {
    widest = std::max(widest, model_summary(ws, *ws.model()));
  } else {
    widest = std::max(widest, wrapped("No model: the sequence browser works without one. Train one with\n"
                                      "sta train --preset tiny --data digits --out tiny.sta\n"
                                      "or in the Training tab."));
  }
  wanted_width_ = widest + 2.0f * style.WindowPadding.x + style.ScrollbarSize;
}

void DataPanel::draw_training_tab(Workspace& ws, TrainingSession& training, const TrainingView& v) {
  const bool active = running(v.phase);
  const float width = ImGui::GetContentRegionAvail().x;
  const float gap = ImGui::GetStyle().ItemSpacing.x;

  // Settings: fixed while a run is going.
  ImGui::BeginDisabled(active);
  ImGui::SetNextItemWidth(0.32f * width);
  if (ImGui::Combo("##preset", &preset_, kPresets, IM_ARRAYSIZE(kPresets))) steps_ = preset_steps(preset_);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("preset: tiny (300 steps, tests), demo (4000 steps, CPU), paper (100000 steps, GPU)");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(0.28f * width);
  if (ImGui::BeginCombo("##device", kDevices[device_])) {
    for (int i = 0; i < IM_ARRAYSIZE(kDevices); ++i) {
      ImGui::BeginDisabled(i == 2 && !cuda_available());
      if (ImGui::Selectable(kDevices[i], i == device_)) device_ = i;
      ImGui::EndDisabled();
    }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
  ImGui::InputInt("##steps", &steps_, 0);
  steps_ = std::max(1, steps_);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("steps to train (a change of preset sets its own)");
  ImGui::EndDisabled();

  // Start / Pause / Resume / Stop.
  const float button = (width - 2.0f * gap) / 3.0f;
  ImGui::BeginDisabled(active || !ws.dataset());
  if (ImGui::Button("Start", {button, 0.0f})) {
    std::string error;
    if (!training.start(ws.shared_dataset(), kPresets[preset_], kDevices[device_], steps_, error))
      ws.report_error(error);
  }
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(!active);
  if (v.phase == TrainingPhase::Paused) {
    if (ImGui::Button("Resume", {button, 0.0f})) training.resume();
  } else if (ImGui::Button("Pause", {button, 0.0f})) {
    training.pause();
  }
  ImGui::SameLine();
  if (ImGui::Button("Stop", {button, 0.0f})) training.stop();
  ImGui::EndDisabled();

  // Progress.
  char progress[64];
  std::snprintf(progress, sizeof progress, "%s %lld/%lld", phase_name(v.phase), static_cast<long long>(v.step),
                static_cast<long long>(v.total));
  ImGui::ProgressBar(v.total > 0 ? static_cast<float>(v.step) / static_cast<float>(v.total) : 0.0f, {width, 0.0f},
                     progress);
  if (v.phase != TrainingPhase::Idle)
    ImGui::Text("stage %d  %.1f steps/s  ETA %s", v.stage, v.steps_per_second,
                active ? minutes_seconds(v.eta_seconds).c_str() : "-");
  if (!v.error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 110, 110, 255));
    ImGui::TextWrapped("%s", v.error.c_str());
    ImGui::PopStyleColor();
  } else if (!v.events.empty()) {
    ImGui::TextDisabled("%s", v.events.back().c_str());
    if (ImGui::IsItemHovered()) {
      std::string all;
      for (const std::string& e : v.events) all += e + "\n";
      ImGui::SetTooltip("%s", all.c_str());
    }
  }
  if (v.phase != TrainingPhase::Idle) {
    bool follow = training.following();
    if (ImGui::Checkbox("views show the training model", &follow)) training.set_following(follow);
  }

  // Save.
  ImGui::BeginDisabled(!training.has_trainer());
  ImGui::SetNextItemWidth(width - px(48.0f));
  ImGui::InputTextWithHint("##save", "checkpoint.sta", &save_path_);
  ImGui::SameLine();
  if (ImGui::Button("Save") && !training.save(save_path_)) ws.report_error("no training to save");
  ImGui::EndDisabled();
  if (!v.last_save.empty()) ImGui::TextDisabled("%s", v.last_save.c_str());

  // Curves: small plots in two columns (three when two would not fit) sharing the height left.
  std::vector<const TrainingSeries*> curves;
  for (const TrainingSeries& s : v.history.terms()) curves.push_back(&s);
  if (!v.history.alignment().values.empty()) curves.push_back(&v.history.alignment());
  const float spacing = ImGui::GetStyle().ItemSpacing.y, left = ImGui::GetContentRegionAvail().y;
  const auto row_height = [&](int columns) {
    const int rows = std::max(1, (static_cast<int>(curves.size()) + columns - 1) / columns);
    return std::floor((left - (rows - 1) * spacing) / rows);
  };
  const int columns = row_height(2) >= px(kPlotHeightMin) ? 2 : 3;
  const float plot = (width - (columns - 1) * gap) / columns;
  const float height = std::clamp(row_height(columns), px(kPlotHeightMin), px(kPlotHeightMax));
  for (size_t i = 0; i < curves.size(); ++i) {
    curve(*curves[i], kCurveColour, plot, height);
    if (static_cast<int>(i % columns) != columns - 1) ImGui::SameLine();
  }
}

}  // namespace sta::studio
