// The frame loop, start-up, keyboard, captures and the state JSON.
#include "app/studio/shell/studio.h"

#include "app/studio/scripting/state_json.h"
#include "app/studio/shell/status_bar.h"
#include "app/studio/widgets/text_overlap.h"
#include "app/studio/widgets/ui.h"

#include <imgui.h>
#include <opencv2/imgcodecs.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <utility>

namespace sta::studio {

namespace {

constexpr double kFrameSeconds = 1.0 / 60.0;  // interactive frame pacing
constexpr double kPlaybackSeconds = 0.4;       // cursor steps while playing, interactively
constexpr int kPlaybackFrames = 10;            // and under a script
// The ImGui windows behind the panels, by the panels' names in the state JSON.
constexpr std::pair<const char*, const char*> kPanelWindows[] = {{"data", "Data & Training"},
                                                                 {"sequence", "###Sequence"},
                                                                 {"fields", "Latent fields"},
                                                                 {"spikes", "Spikes"},
                                                                 {"composer", "Composer"}};

// The shipped models: PREFIX/share/sta-studio beside an installed executable, else the source
// tree's assets/ (a build folder's studio).
std::filesystem::path shipped_models_dir() {
  std::error_code error;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", error);
  if (!error) {
    const std::filesystem::path installed = exe.parent_path() / STA_INSTALLED_MODELS_DIR;
    if (std::filesystem::exists(installed / "demo.sta", error)) return installed.lexically_normal();
  }
  return STA_ASSETS_DIR;
}

}  // namespace

Studio::Studio(StudioOptions options)
    : window_(options.width, options.height, "STA Studio", options.ui_scale), script_(std::move(options.script)) {
  window_.set_vsync(!script_);
  open_startup(options);
}

void Studio::open_startup(const StudioOptions& o) {
  if (!o.data.empty() && !ws_.open_data(o.data, o.transforms)) ws_.report_error("showing digits instead of " + o.data);
  const std::string demo = (shipped_models_dir() / "demo.sta").string();
  if (!o.follow.empty()) {
    ws_.set_follow(o.follow);
    follower_.poll(ws_);  // its first version, with its data, before the first frame
  } else if (!o.model.empty()) {
    ws_.load_model(o.model, o.data.empty());
  } else if (o.data.empty() && std::filesystem::exists(demo)) {
    ws_.load_model(demo, true);
  }
  if (!ws_.dataset()) ws_.open_data("digits", "");
}

int Studio::run() {
  double last = glfwGetTime();
  while (!window_.should_close()) {
    if (window_.minimised()) {
      window_.wait_events();
      continue;
    }
    window_.poll_events(script_ ? 0.0 : kFrameSeconds - (glfwGetTime() - last));
    last = glfwGetTime();
    if (script_ && wait_frames_ == 0) {
      try {
        if (!script_waiting()) {
          wait_frames_ = script_->run_until_wait(*this);
          if (wait_frames_ == 0) break;  // the script has ended
        }
      } catch (const std::exception& e) {  // a failing line, or a wait that failed or timed out
        std::fprintf(stderr, "sta-studio: script failed: %s\n", e.what());
        return 1;
      }
    }
    draw_frame();
    // A script's wait ends on a settled frame (below), so that captures and the next lines see
    // what the script asked for; the UI itself never waits.
    if (wait_frames_ > 0 && --wait_frames_ == 0 && !settled()) wait_frames_ = 1;
    if (wait_frames_ == 0 && !captures_.empty() && !write_captures()) return 1;
    window_.present();
    if (frames_drawn_ == 1) first_frame_ms_ = process_age_ms();
    clock_.tick();
  }
  if (script_)
    std::fprintf(stderr,
                 "sta-studio: median frame time %.2f ms over %d frames (%dx%d), process CPU %.2f ms per frame; "
                 "first frame %.0f ms after launch\n",
                 clock_.median_ms(), clock_.frames(), window_.width(), window_.height(), clock_.cpu_ms_per_frame(),
                 first_frame_ms_);
  return 0;
}

void Studio::wait_until(std::function<bool()> ready, double timeout_seconds, const std::string& what) {
  const auto deadline = std::chrono::steady_clock::now() +
                        std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                            std::chrono::duration<double>(timeout_seconds));
  wait_ = Wait{std::move(ready), deadline, timeout_seconds, what};
}

bool Studio::script_waiting() {
  if (!wait_) return false;
  if (wait_->ready()) {
    wait_.reset();
    return false;
  }
  if (std::chrono::steady_clock::now() > wait_->deadline) {
    const std::string what = wait_->what;
    const double seconds = wait_->timeout_seconds;
    wait_.reset();
    char after[32];
    std::snprintf(after, sizeof after, "%.0f s", seconds);
    throw ScriptError("`" + what + "`: still waiting after " + after);
  }
  return true;
}

bool Studio::settled() const { return fields_panel_.settled() && layout_ == previous_layout_; }

void Studio::draw_frame() {
  ++frames_drawn_;
  training_.poll(ws_);
  follower_.poll(ws_);
  window_.begin_frame(!script_);
  previous_layout_ = layout_;
  layout_ = compute_layout(window_.width(), window_.height(), ui_scale(),
                           {sequence_panel_.wanted_width(), sequence_panel_.frames_need(), data_panel_.wanted_width(),
                            spikes_panel_.least_height(), composer_panel_.least_height()});
  for (const auto& [name, r] : named_panels(layout_))
    ImGui::GetBackgroundDrawList()->AddRect({r.x, r.y}, {r.x + r.w, r.y + r.h}, ImGui::GetColorU32(ImGuiCol_Border));
  handle_keys();
  advance_playback();
  data_panel_.draw(layout_.data, ws_, training_);
  sequence_panel_.draw(layout_.sequence, ws_, derived_);
  fields_panel_.draw(layout_.fields, ws_, derived_);
  spikes_panel_.draw(layout_.spikes, ws_, derived_);
  composer_panel_.draw(layout_.composer, ws_, derived_);
  draw_status_bar(layout_.status, ws_, clock_);
  window_.end_frame();
}

void Studio::handle_keys() {
  if (ImGui::GetIO().WantTextInput) return;
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow))) ws_.set_cursor(ws_.cursor() - 1);
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow))) ws_.set_cursor(ws_.cursor() + 1);
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Space))) ws_.set_playing(!ws_.playing());
}

void Studio::advance_playback() {
  // Interactively the cursor moves every kPlaybackSeconds; under a script every
  // kPlaybackFrames frames, so that scripted runs see the same steps on any machine.
  const bool due = script_ ? clock_.frames() % kPlaybackFrames == 0 : glfwGetTime() - last_playback_ >= kPlaybackSeconds;
  if (!ws_.playing() || !due) return;
  ws_.advance_playback();
  last_playback_ = glfwGetTime();
}

void Studio::capture(Capture kind, const std::string& path, const std::string& panel) {
  if (!panel.empty()) {
    std::string names;
    bool known = false;
    for (const auto& [name, rect] : named_panels(layout_)) {
      known |= panel == name;
      names += (names.empty() ? "" : "|") + std::string(name);
    }
    if (!known) throw ScriptError("no panel '" + panel + "' (use " + names + ")");
  }
  captures_.push_back({kind, path, panel});
}

bool Studio::write_captures() {
  for (const auto& [kind, path, panel] : captures_) {
    bool written = false;
    try {
      if (kind == Capture::Screenshot) {
        cv::Mat pixels = window_.read_pixels();
        for (const auto& [name, r] : named_panels(layout_))
          if (panel == name)
            pixels = pixels(
                cv::Rect(static_cast<int>(r.x), static_cast<int>(r.y), static_cast<int>(r.w), static_cast<int>(r.h)) &
                cv::Rect(0, 0, pixels.cols, pixels.rows));
        written = cv::imwrite(path, pixels, {cv::IMWRITE_PNG_COMPRESSION, 9});
      } else {
        nlohmann::json captured = state();
        const FrameClock::Window window = clock_.take_window();  // frames since the previous state capture
        captured["frame_window"] = {{"frames", window.frames}, {"median_ms", window.median_ms}, {"p95_ms", window.p95_ms}};
        std::ofstream out(path);
        out << captured.dump(2) << "\n";
        written = static_cast<bool>(out);
      }
    } catch (const std::exception& e) {
      std::fprintf(stderr, "sta-studio: %s\n", e.what());
    }
    if (!written) {
      std::fprintf(stderr, "sta-studio: cannot write %s\n", path.c_str());
      return false;
    }
  }
  captures_.clear();
  return true;
}

nlohmann::json Studio::state() {
  nlohmann::json out = workspace_json(ws_);
  if (const data::Sequence* s = derived_.sequence(ws_)) out["sequence"]["label"] = s->label;
  out["window"] = {{"width", window_.width()}, {"height", window_.height()}, {"ui_scale", ui_scale()},
                   {"font_px", ImGui::GetFontSize()}};
  for (const auto& [name, rect] : named_panels(layout_)) out["panels"][name]["rect"] = to_json(rect);
  out["panels"]["data"].update(data_panel_.describe());
  out["panels"]["sequence"].update(sequence_panel_.describe());
  out["panels"]["fields"].update(fields_panel_.describe());
  out["panels"]["composer"].update(composer_panel_.describe());
  out["panels"]["spikes"].update(spikes_panel_.describe());
  for (const auto& [name, window] : kPanelWindows) out["panels"][name]["extent"] = panel_extent(window);
  out["text_overlaps"] = text_overlaps(ImGui::GetDrawData());  // of the last frame drawn
  out["frame_ms"] = clock_.recent_median_ms();
  out["first_frame_ms"] = first_frame_ms_;  // from launch to the first frame shown
  out["frames"] = frames_drawn_;
  out["training"] = training_json(training_.view(), training_.following());
  out["follow"] = nullptr;
  if (const auto& f = ws_.follow())
    out["follow"] = {{"path", f->path}, {"step", f->step}, {"loads", f->loads}, {"skipped", f->skipped},
                     {"changed_at", f->changed_at}};
  return out;
}

}  // namespace sta::studio
