// Spikes panel: inferred spikes and ground truth side by side per step.
#include "app/studio/panel_spikes.h"

#include "app/studio/ui.h"
#include "render/palette.h"

#include <algorithm>
#include <cstdio>
#include <string>

namespace sta::studio {

namespace {

constexpr float kLabelWidth = 96.0f;

struct Grid {
  ImVec2 origin;
  float cell_w, cell_h;
  ImVec2 cell(int row, int column) const { return {origin.x + kLabelWidth + column * cell_w, origin.y + row * cell_h}; }
};

// One cell: a filled box (opacity `fill`) with centred text.
void cell(const Grid& g, int row, int column, render::Rgba colour, float fill, const char* text) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 lo = g.cell(row, column), hi{lo.x + g.cell_w - 2.0f, lo.y + g.cell_h - 2.0f};
  draw->AddRectFilled(lo, hi, IM_COL32(40, 40, 46, 255), 2.0f);
  if (fill > 0.0f) draw->AddRectFilled(lo, hi, to_imgui(colour, fill), 2.0f);
  const ImVec2 size = ImGui::CalcTextSize(text);
  if (size.x < g.cell_w - 3.0f)
    draw->AddText({0.5f * (lo.x + hi.x - size.x), 0.5f * (lo.y + hi.y - size.y)},
                  fill > 0.5f ? IM_COL32(15, 15, 18, 255) : IM_COL32(225, 225, 230, 255), text);
}

void row_label(const Grid& g, int row, const std::string& text, ImU32 colour) {
  const ImVec2 at{g.origin.x, g.origin.y + row * g.cell_h + 0.5f * (g.cell_h - ImGui::GetTextLineHeight() - 2.0f)};
  ImGui::GetWindowDrawList()->AddText(at, colour, text.c_str());
}

}  // namespace

void SpikesPanel::draw(const Rect& area, Workspace& ws, Derived& derived) {
  begin_panel("Spikes", area);
  const data::Sequence* sequence = derived.sequence(ws);
  const model::SequencePrediction* prediction = derived.prediction(ws);
  const int steps = sequence ? static_cast<int>(sequence->frames.size()) - 1 : 0;
  if (steps <= 0) {
    ImGui::TextDisabled("No sequence.");
    ImGui::End();
    return;
  }
  const int k = prediction ? ws.primitives() : 0;
  const int m = sequence->truth ? static_cast<int>(sequence->truth->names.size()) : 0;
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const int rows = 1 + k + m;
  Grid g{ImGui::GetCursorScreenPos(), std::clamp((avail.x - kLabelWidth) / steps, 24.0f, 64.0f),
         std::clamp((avail.y - ImGui::GetTextLineHeightWithSpacing() - 4.0f) / rows, ImGui::GetTextLineHeight() + 2.0f,
                    24.0f)};
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text), dim = ImGui::GetColorU32(ImGuiCol_TextDisabled);

  row_label(g, 0, "step", dim);
  for (int t = 0; t < steps; ++t) {
    char label[16];
    std::snprintf(label, sizeof label, "%d", t + 1);
    const ImVec2 at = g.cell(0, t);
    ImGui::GetWindowDrawList()->AddText({at.x + 0.5f * (g.cell_w - ImGui::CalcTextSize(label).x), at.y}, dim, label);
  }
  char value[16];
  for (int p = 0; p < k; ++p) {
    row_label(g, 1 + p, "primitive " + std::to_string(p), ws.enabled()[p] ? text : dim);
    for (int t = 0; t < steps; ++t) {
      const float g_tk = prediction->inference.g[t][p];
      std::snprintf(value, sizeof value, g_tk != 0.0f ? "%.2f" : "", g_tk);
      cell(g, 1 + p, t, render::primitive_colour(p), prediction->inference.spike_probability[t][p], value);
    }
  }
  for (int r = 0; r < m; ++r) {
    row_label(g, 1 + k + r, sequence->truth->names[r], dim);
    for (int t = 0; t < steps; ++t) {
      const bool on = sequence->truth->spikes[t][r];
      std::snprintf(value, sizeof value, on ? "%.2f" : "", sequence->truth->speeds[t][r]);
      cell(g, 1 + k + r, t, truth_colour(r), on ? 1.0f : 0.0f, value);
    }
  }
  if (k > 0 && m > 0) {
    const float y = g.origin.y + (1 + k) * g.cell_h - 1.0f;
    ImGui::GetWindowDrawList()->AddLine({g.origin.x, y}, {g.cell(0, steps).x, y}, dim);
  }
  if (ws.cursor() < steps) {
    const ImVec2 lo = g.cell(0, ws.cursor()), hi = g.cell(rows, ws.cursor() + 1);
    ImGui::GetWindowDrawList()->AddRect({lo.x - 2.0f, lo.y - 1.0f}, {hi.x, hi.y}, to_imgui(kCursorColour), 2.0f, 0,
                                        2.0f);
  }
  ImGui::SetCursorScreenPos(g.cell(0, 0));
  if (ImGui::InvisibleButton("##timeline", {g.cell_w * steps, g.cell_h * rows}))
    ws.set_cursor(static_cast<int>((ImGui::GetIO().MousePos.x - g.cell(0, 0).x) / g.cell_w));
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("step t maps frame t-1 to frame t; click: cursor to frame t-1");
  ImGui::SetCursorScreenPos({g.origin.x, g.origin.y + rows * g.cell_h + 4.0f});
  const char* note = !prediction ? "Load a model to see its inferred spikes."
                     : m == 0    ? "No ground truth for this source."
                                 : "above: model spike probability and speed g; below: ground truth";
  ImGui::TextDisabled("%s", note);
  ImGui::End();
}

}  // namespace sta::studio
