// Data & Training panel: data summary, model loading and model summary.
#include "app/studio/panel_data.h"

#include "app/studio/ui.h"

#include <imgui_stdlib.h>

namespace sta::studio {

namespace {

std::string transform_list(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out.empty() ? "none" : out;
}

void data_summary(const data::Dataset& data) {
  const data::DataSpec& spec = data.spec();
  ImGui::Text("%s", spec.source.c_str());
  ImGui::TextWrapped("transformations: %s", transform_list(data.transforms()).c_str());
  ImGui::Text("%d px frames, T = %d, seed %llu", data.image_size(), spec.steps,
              static_cast<unsigned long long>(spec.seed));
  ImGui::Text("items: %lld train, %lld test", static_cast<long long>(data.count(data::Split::Train)),
              static_cast<long long>(data.count(data::Split::Test)));
  if (!data.has_ground_truth()) ImGui::TextDisabled("no ground truth (real video)");
}

void model_summary(Workspace& ws, const LoadedModel& m) {
  const model::ModelConfig& c = m.engine.config();
  ImGui::TextWrapped("%s", m.path.c_str());
  ImGui::Text("K = %d primitives, D = %d", c.primitives, c.latent_dim);
  ImGui::Text("%d px, %s likelihood", c.image_size, c.likelihood.c_str());
  ImGui::Text("preset %s, %lld steps", m.summary.preset.c_str(), static_cast<long long>(m.summary.step));
  const data::DataSpec& trained = m.summary.data;
  const std::string transforms = transform_list(trained.transforms);
  ImGui::TextWrapped("trained on %s (%s), T = %d", trained.source.c_str(), transforms.c_str(), trained.steps);
  const bool same = ws.dataset() && ws.dataset()->spec().source == trained.source &&
                    ws.dataset()->spec().transforms == trained.transforms;
  if (!same && ImGui::Button("Open its training data")) ws.open_data(trained);
}

}  // namespace

void DataPanel::draw(const Rect& area, Workspace& ws) {
  begin_panel("Data & Training", area);
  if (shown_revision_ != ws.model_revision()) {
    if (ws.model()) model_path_ = ws.model()->path;
    shown_revision_ = ws.model_revision();
  }
  ImGui::TextDisabled("DATA");
  if (ws.dataset()) {
    data_summary(*ws.dataset());
  } else {
    ImGui::TextDisabled("none open");
  }
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::TextDisabled("MODEL");
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - 52.0f);
  const bool enter =
      ImGui::InputTextWithHint("##model", "checkpoint.sta", &model_path_, ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  if (ImGui::Button("Load") || enter) ws.load_model(model_path_);
  if (ws.model()) {
    model_summary(ws, *ws.model());
  } else {
    ImGui::TextWrapped(
        "No model: the sequence browser works without one. Train one with\n"
        "sta train --preset tiny --data digits --out tiny.sta");
  }
  ImGui::End();
}

}  // namespace sta::studio
