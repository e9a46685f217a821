// Composer panel: per-primitive traversals from the cursor frame, decoded.
#include "app/studio/panel_composer.h"

#include "app/studio/ui.h"
#include "render/palette.h"

#include <algorithm>
#include <cmath>
#include <exception>

namespace sta::studio {

namespace {

constexpr float kLabelWidth = 92.0f;

// Decoded roll-outs of each primitive alone from z0: [k][0..kSteps].
std::vector<std::vector<render::Texture2D>> traverse(const model::Engine& engine, const model::Latent& z0,
                                                     const std::vector<float>& speeds, int t0) {
  const int k_count = engine.primitives(), steps = ComposerPanel::kSteps;
  std::vector<model::Latent> latents;
  for (int k = 0; k < k_count; ++k) {
    std::vector<std::vector<float>> g(steps, std::vector<float>(k_count, 0.0f));
    for (auto& step : g) step[k] = speeds[k];
    const std::vector<model::Latent> path = engine.rollout(z0, g, t0);
    latents.insert(latents.end(), path.begin(), path.end());
  }
  const std::vector<cv::Mat> images = engine.decode(latents);
  std::vector<std::vector<render::Texture2D>> out(k_count);
  for (size_t i = 0; i < images.size(); ++i) {
    render::Texture2D texture(render::Filter::Linear);
    texture.upload(images[i].ptr<float>(), images[i].cols, images[i].rows, 3);
    out[i / (steps + 1)].push_back(std::move(texture));
  }
  return out;
}

}  // namespace

void ComposerPanel::draw(const Rect& area, Workspace& ws, Derived& derived) {
  begin_panel("Composer", area, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  const std::vector<model::Latent>* latents = derived.frame_latents(ws);
  if (!ws.model() || !latents || ws.cursor() >= static_cast<int>(latents->size())) {
    ImGui::TextWrapped("Load a model to roll each primitive out from the cursor frame.");
    ImGui::End();
    return;
  }
  ImGui::TextDisabled("From frame t = %d, each primitive alone for %d steps:", ws.cursor(), kSteps);
  const Key key{ws.model_revision(), ws.data_revision(), ws.sequence(), ws.cursor(), ws.speeds()};
  const auto& rows = traversals_.get(key, [&] {
    try {
      return traverse(ws.model()->engine, (*latents)[ws.cursor()], ws.speeds(), ws.cursor());
    } catch (const std::exception& e) {
      ws.report_error(std::string("composer: ") + e.what());
      return std::vector<std::vector<render::Texture2D>>{};
    }
  });
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const int k_count = static_cast<int>(rows.size());
  const float gap = 4.0f;
  const float side = std::floor(
      std::max(16.0f, std::min((avail.x - kLabelWidth) / (kSteps + 1) - gap, avail.y / std::max(1, k_count) - gap)));
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  for (int k = 0; k < k_count; ++k) {
    const float y = origin.y + k * (side + gap);
    ImGui::SetCursorScreenPos({origin.x, y});
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(to_imgui(render::primitive_colour(k))), "primitive %d", k);
    ImGui::SetNextItemWidth(kLabelWidth - 8.0f);
    float speed = ws.speeds()[k];
    ImGui::PushID(k);
    if (ImGui::SliderFloat("##speed", &speed, -Workspace::kSpeedLimit, Workspace::kSpeedLimit, "g %.2f"))
      ws.set_speed(k, speed);
    ImGui::PopID();
    for (size_t s = 0; s < rows[k].size(); ++s) {
      const ImVec2 at{origin.x + kLabelWidth + s * (side + gap), y};
      draw->AddImage(texture_id(rows[k][s]), at, {at.x + side, at.y + side});
    }
  }
  ImGui::End();
}

}  // namespace sta::studio
