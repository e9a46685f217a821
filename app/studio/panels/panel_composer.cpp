// Composer panel: slab sliders, the composed traversal beside the real continuation, each
// primitive alone, "use inferred" and export.
#include "app/studio/panels/panel_composer.h"

#include "app/figures/palette.h"
#include "app/studio/compute/composer_actions.h"
#include "app/studio/widgets/ui.h"
#include "core/export/traversal.h"

#include <imgui_stdlib.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <exception>

namespace sta::studio {

namespace {

constexpr float kComposerLabelWidth = 104.0f;

// Primitive k alone at `speed` for `steps` steps from the cursor frame, decoded.
std::vector<render::Texture2D> alone(const model::Engine& engine, const model::Latent& z0, int k, float speed,
                                     int steps, int t0) {
  const auto slabs = exporting::single_primitive_slabs(engine.primitives(), k, speed);
  std::vector<render::Texture2D> out;
  for (const Image& image : exporting::traverse_from(engine, z0, slabs, steps, t0).frames)
    out.push_back(image_texture(image, render::Filter::Linear));
  return out;
}

double percentile(std::vector<double> values, double q) {
  if (values.empty()) return 0.0;
  const size_t i = static_cast<size_t>(std::ceil(q * values.size())) - 1;
  std::nth_element(values.begin(), values.begin() + i, values.end());
  return values[i];
}

}  // namespace

void ComposerPanel::draw_controls(Workspace& ws, Derived& derived) {
  int steps = ws.composer_steps();
  ImGui::SetNextItemWidth(px(110.0f));
  if (ImGui::SliderInt("##steps", &steps, 1, Workspace::kComposerStepsMax, "%d steps")) ws.set_composer_steps(steps);
  ImGui::SameLine();
  const model::SequencePrediction* prediction = derived.prediction(ws);
  ImGui::BeginDisabled(!prediction);
  if (ImGui::Button("Use inferred") && prediction) use_inferred_speeds(ws, *prediction);
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip("copy the model's inferred speeds (spike x slab) at the cursor step");
  ImGui::SameLine();
  if (ImGui::Button("Zero"))
    for (int k = 0; k < ws.primitives(); ++k) ws.set_speed(k, 0.0f);
  if (ws.pinned()) {  // the traversal starts from the latent pinned in the field view
    ImGui::SameLine();
    if (ImGui::Button("Unpin")) ws.pin_latent(std::nullopt);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("start from the cursor frame again, not the pinned latent");
  }
  ImGui::SameLine(0.0f, px(16.0f));
  ImGui::SetNextItemWidth(std::max(px(80.0f), ImGui::GetContentRegionAvail().x - px(130.0f)));
  ImGui::InputTextWithHint("##export", "traversal.gif|mp4|png|svg", &export_path_);
  ImGui::SameLine();
  if (ImGui::Button("Save")) export_composition(ws, derived, export_path_);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("save the composed traversal (.gif, .mp4 or .png strip)");
  if (!latencies_ms_.empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("%.0f ms", latencies_ms_.back());
  }
}

void ComposerPanel::draw(const Rect& area, Workspace& ws, Derived& derived) {
  begin_panel("Composer", area, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  least_height_ = 0.0f;
  composed_rects_.clear();
  const std::vector<model::Latent>* latents = derived.frame_latents(ws);
  const data::Sequence* sequence = derived.sequence(ws);
  if (!ws.model() || !latents || !sequence || ws.cursor() >= static_cast<int>(latents->size())) {
    ImGui::TextWrapped("Load a model to compose its primitives from the cursor frame.");
    ImGui::End();
    return;
  }
  draw_controls(ws, derived);
  const Composition* composition = derived.composition(ws);
  if (composition && composition->revision != composed_revision_) {
    const auto start = std::chrono::steady_clock::now();
    composed_.frames.clear();
    for (const Image& image : composition->frames) composed_.frames.push_back(image_texture(image, render::Filter::Linear));
    composed_revision_ = composition->revision;
    latencies_ms_.push_back(composition->milliseconds +
                            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  }
  const int k_count = ws.primitives(), steps = ws.composer_steps(), columns = steps + 1;
  alone_.resize(k_count);
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float gap = px(3.0f), labels = px(kComposerLabelWidth);
  const float side = std::floor(std::max(
      ImGui::GetFrameHeight() - gap, std::min((avail.x - labels) / columns - gap, avail.y / (2 + k_count) - gap)));
  least_height_ = ImGui::GetWindowHeight() - avail.y + (2 + k_count) * ImGui::GetFrameHeight();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImU32 dim = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  auto label = [&](float y, ImU32 colour, const char* text) {
    draw->AddText({origin.x, y + 0.5f * (side - ImGui::GetTextLineHeight())}, colour, text);
  };
  auto image_at = [&](int row, int column) -> ImVec2 {
    return {origin.x + labels + column * (side + gap), origin.y + row * (side + gap)};
  };

  // Row 0: the real continuation of the sequence from the cursor frame.
  label(origin.y, dim, "input");
  const Row& input = input_.get({ws.data_revision(), ws.sequence(), ws.cursor(), steps}, [&] {
    Row row;
    for (int t = ws.cursor(); t < static_cast<int>(sequence->frames.size()) && t - ws.cursor() < columns; ++t)
      row.frames.push_back(image_texture(sequence->frames[t], render::Filter::Linear));
    return row;
  });
  for (size_t c = 0; c < input.frames.size(); ++c) {
    const ImVec2 at = image_at(0, static_cast<int>(c));
    draw->AddImage(texture_id(input.frames[c]), at, {at.x + side, at.y + side});
  }
  // Row 1: every enabled primitive at its speed, together.
  label(origin.y + side + gap, to_imgui(figures::kComposedColour), "composed");
  for (size_t c = 0; c < composed_.frames.size(); ++c) {
    const ImVec2 at = image_at(1, static_cast<int>(c));
    draw->AddImage(texture_id(composed_.frames[c]), at, {at.x + side, at.y + side});
    composed_rects_.push_back({at.x, at.y, side, side});
  }
  // Rows 2..: one slider per primitive and that primitive alone.
  for (int k = 0; k < k_count; ++k) {
    const float y = origin.y + (2 + k) * (side + gap);
    const bool on = ws.enabled()[k];
    ImGui::PushID(k);
    ImGui::SetCursorScreenPos({origin.x, y + 0.5f * (side - ImGui::GetFrameHeight())});
    ImGui::PushStyleColor(ImGuiCol_SliderGrab, to_imgui(figures::primitive_colour(k)));
    ImGui::SetNextItemWidth(px(kComposerLabelWidth - 8.0f));
    float speed = ws.speeds()[k];
    char format[32];
    std::snprintf(format, sizeof format, "%d: %%.2f", k);
    ImGui::BeginDisabled(!on);
    if (ImGui::SliderFloat("##speed", &speed, -Workspace::kSpeedLimit, Workspace::kSpeedLimit, format))
      ws.set_speed(k, speed);
    ImGui::EndDisabled();
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
      ImGui::SetTooltip(on ? "speed g of primitive %d (ctrl+click to type)" : "primitive %d is off (Latent fields)", k);
    ImGui::PopID();
    if (!on) continue;
    const AloneKey key{ws.model_revision(), ws.data_revision(), ws.sequence(), ws.cursor(), steps, ws.speeds()[k]};
    const Row& row = alone_[k].get(key, [&] {
      try {
        return Row{alone(ws.model()->engine, (*latents)[ws.cursor()], k, ws.speeds()[k], steps, ws.cursor())};
      } catch (const std::exception& e) {
        ws.report_error(std::string("composer: ") + e.what());
        return Row{};
      }
    });
    for (size_t c = 0; c < row.frames.size(); ++c) {
      const ImVec2 at = image_at(2 + k, static_cast<int>(c));
      draw->AddImage(texture_id(row.frames[c]), at, {at.x + side, at.y + side});
    }
  }
  ImGui::End();
}

nlohmann::json ComposerPanel::describe() const {
  nlohmann::json out{{"composed", nlohmann::json::array()},
                     {"recomputations", latencies_ms_.size()},
                     {"latency_ms", latencies_ms_.empty() ? 0.0 : latencies_ms_.back()},
                     {"latency_p95_ms", percentile(latencies_ms_, 0.95)},
                     {"latency_median_ms", percentile(latencies_ms_, 0.5)}};
  for (const Rect& r : composed_rects_) out["composed"].push_back(to_json(r));
  return out;
}

}  // namespace sta::studio
