// Spikes panel: inferred spikes and ground truth side by side per step.
#include "app/studio/panels/panel_spikes.h"

#include "app/figures/palette.h"
#include "app/studio/compute/figure_files.h"
#include "app/studio/widgets/ui.h"

#include <algorithm>
#include <cstdio>
#include <string>

namespace sta::studio {

namespace {

constexpr float kSpikeLabelWidth = 96.0f;
constexpr float kSummaryNameWidth = 64.0f;  // transformation names longer than this are cut off
constexpr const char* kFigurePath = "spikes.svg";  // where the SVG button saves the timeline

struct Grid {
  ImVec2 origin;
  float cell_w, cell_h;
  ImVec2 cell(int row, int column) const { return {origin.x + px(kSpikeLabelWidth) + column * cell_w, origin.y + row * cell_h}; }
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

// The summary's columns: the transformation names (cut off at kSummaryNameWidth), then a cell
// per primitive, as wide as "0.00" where the panel has the room (`most` wide at most).
struct SummaryColumns {
  float name_w, cell_w;
  float width(int k) const { return name_w + k * cell_w; }
};

SummaryColumns summary_columns(const std::vector<std::string>& names, int k, float most) {
  float name_w = 0.0f;
  for (const std::string& name : names) name_w = std::max(name_w, ImGui::CalcTextSize(name.c_str()).x);
  name_w = std::min(name_w, px(kSummaryNameWidth)) + px(4.0f);
  const float wanted = ImGui::CalcTextSize("0.00").x + px(6.0f);
  const float width = std::max(name_w + k * px(10.0f), std::min(name_w + k * wanted, most));
  return {name_w, std::min(wanted, (width - name_w) / std::max(1, k))};
}

void row_label(const Grid& g, int row, const std::string& text, ImU32 colour) {
  const ImVec2 at{g.origin.x, g.origin.y + row * g.cell_h + 0.5f * (g.cell_h - ImGui::GetTextLineHeight() - 2.0f)};
  ImGui::GetWindowDrawList()->AddText(at, colour, text.c_str());
}

}  // namespace

void SpikesPanel::draw(const Rect& area, Workspace& ws, Derived& derived) {
  begin_panel("Spikes", area);
  least_height_ = 0.0f;
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
  truth_rows_ = sequence->truth ? sequence->truth->names : std::vector<std::string>{};
  ImVec2 avail = ImGui::GetContentRegionAvail();
  const bool summary = k > 0 && m > 0;
  // The summary takes what the timeline leaves at its narrowest (24 px per step).
  const SummaryColumns columns = summary_columns(truth_rows_, k, avail.x - px(kSpikeLabelWidth + 24.0f * steps + 12.0f));
  const float summary_w = summary ? columns.width(k) : 0.0f;
  const ImVec2 summary_at{ImGui::GetCursorScreenPos().x + avail.x - summary_w, ImGui::GetCursorScreenPos().y};
  if (summary) avail.x -= summary_w + px(12.0f);
  const int rows = 1 + k + m;
  // The note under the grid is dropped when the rows need its line (the legend says the same
  // when the model and the truth are both there).
  const float min_cell = ImGui::GetTextLineHeight() + 2.0f, note_height = ImGui::GetTextLineHeightWithSpacing() + px(4.0f);
  const char* note_text = !prediction ? "Load a model to see its inferred spikes."
                          : m == 0    ? "No ground truth for this source."
                                      : "above: model spike probability and speed g; below: ground truth";
  // ... and where it would run under the summary.
  const bool note = !prediction || m == 0 ||
                    (avail.y - rows * min_cell >= note_height && ImGui::CalcTextSize(note_text).x <= avail.x);
  Grid g{ImGui::GetCursorScreenPos(), std::clamp((avail.x - px(kSpikeLabelWidth)) / steps, px(24.0f), px(96.0f)),
         std::clamp((avail.y - (note ? note_height : px(4.0f))) / rows, min_cell, std::max(min_cell, px(40.0f)))};
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text), dim = ImGui::GetColorU32(ImGuiCol_TextDisabled);

  row_label(g, 0, "step", dim);
  if (prediction) {
    ImGui::SetCursorScreenPos({g.origin.x + px(40.0f), g.origin.y});
    if (ImGui::SmallButton("SVG")) save_spikes_figure(ws, derived, kFigurePath);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("save this sequence's spike timeline as %s", kFigurePath);
  }
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
      cell(g, 1 + p, t, figures::primitive_colour(p), prediction->inference.spike_probability[t][p], value);
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
  cursor_column_ = std::min(ws.cursor(), steps - 1);
  {
    const ImVec2 lo = g.cell(0, cursor_column_), hi = g.cell(rows, cursor_column_ + 1);
    cursor_rect_ = {lo.x - 2.0f, lo.y - 1.0f, hi.x - lo.x + 2.0f, hi.y - lo.y + 1.0f};
    ImGui::GetWindowDrawList()->AddRect({lo.x - 2.0f, lo.y - 1.0f}, {hi.x, hi.y}, to_imgui(kCursorColour), 2.0f, 0,
                                        2.0f);
  }
  ImGui::SetCursorScreenPos(g.cell(0, 0));
  if (ImGui::InvisibleButton("##timeline", {g.cell_w * steps, g.cell_h * rows}))
    ws.set_cursor(static_cast<int>((ImGui::GetIO().MousePos.x - g.cell(0, 0).x) / g.cell_w));
  if (ImGui::IsItemHovered()) {
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const int t = std::clamp(static_cast<int>((mouse.x - g.cell(0, 0).x) / g.cell_w), 0, steps - 1);
    const int row = std::clamp(static_cast<int>((mouse.y - g.origin.y) / g.cell_h), 0, rows - 1);
    if (row >= 1 && row <= k) {
      const model::SequenceInference& inf = prediction->inference;
      ImGui::SetTooltip("primitive %d, step %d (frame %d -> %d)\nspike probability %.3f\nslab speed %.3f\ng used %.3f",
                        row - 1, t + 1, t, t + 1, inf.spike_probability[t][row - 1], inf.slab[t][row - 1],
                        inf.g[t][row - 1]);
    } else if (row > k) {
      const int r = row - 1 - k;
      ImGui::SetTooltip("%s, step %d (frame %d -> %d): %s, speed %.3f", sequence->truth->names[r].c_str(), t + 1, t,
                        t + 1, sequence->truth->spikes[t][r] ? "on" : "off", sequence->truth->speeds[t][r]);
    } else {
      ImGui::SetTooltip("step t maps frame t-1 to frame t; click: cursor to frame t-1");
    }
  }
  ImGui::SetCursorScreenPos({g.origin.x, g.origin.y + rows * g.cell_h + px(4.0f)});
  if (note) {
    ImGui::TextDisabled("%s", note_text);
  } else {
    ImGui::Dummy({1.0f, 0.0f});  // the grid's extent, for the panel's content rectangle
  }
  const float chrome = ImGui::GetWindowHeight() - avail.y;
  const float summary_h = summary ? draw_summary(summary_at, summary_w, columns.name_w, ws, derived, sequence->truth->names) : 0.0f;
  least_height_ = chrome + std::max(rows * min_cell + px(4.0f), summary_h);
  ImGui::End();
}

float SpikesPanel::draw_summary(ImVec2 at, float width, float name_w, Workspace& ws, Derived& derived,
                               const std::vector<std::string>& names) {
  // While the studio trains, the summary (32 sequences through the model) waits for a click.
  const bool live = ws.model()->live;
  ImGui::SetCursorScreenPos(at);
  ImGui::TextDisabled("P(on | truth)");
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("mean spike probability of each primitive (columns) while each transformation acts (rows),\nover %d single and %d sparse test sequences; outlined: the Hungarian matching", Derived::kSummarySequences, Derived::kSummarySequences);
  const eval::AlignmentResult* a = live ? derived.last_alignment() : derived.alignment(ws);
  if (live) {
    ImGui::SetCursorScreenPos({at.x + width - px(58.0f), at.y});
    if (ImGui::SmallButton("Update")) a = derived.alignment(ws);
  }
  alignment_ = a ? std::optional<eval::AlignmentResult>(*a) : std::nullopt;
  if (!a || a->coactivation.size() != names.size()) return ImGui::GetCursorScreenPos().y - at.y;
  const int m = static_cast<int>(names.size()), k = static_cast<int>(a->coactivation.front().size());
  const float line = ImGui::GetTextLineHeight() + 2.0f, cell_w = (width - name_w) / std::max(1, k);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float top = at.y + line;
  for (int p = 0; p < k; ++p)
    draw->AddText({at.x + name_w + p * cell_w + 4.0f, top}, to_imgui(figures::primitive_colour(p)),
                  std::to_string(p).c_str());
  // Rows are transformations; each cell the mean spike probability of primitive p over the
  // steps where the transformation acts; the matched primitive is outlined.
  for (int r = 0; r < m; ++r) {
    const float y = top + (r + 1) * line;
    draw->PushClipRect({at.x, y}, {at.x + name_w - 2.0f, y + line}, true);
    draw->AddText({at.x, y}, ImGui::GetColorU32(ImGuiCol_TextDisabled), names[r].c_str());
    draw->PopClipRect();
    const double total = std::max<double>(1.0, a->truth_steps[r]);
    for (int p = 0; p < k; ++p) {
      const float value = static_cast<float>(a->coactivation[r][p] / total);
      const ImVec2 lo{at.x + name_w + p * cell_w, y}, hi{lo.x + cell_w - 2.0f, y + line - 2.0f};
      draw->AddRectFilled(lo, hi, IM_COL32(40, 40, 46, 255), 2.0f);
      draw->AddRectFilled(lo, hi, to_imgui(figures::primitive_colour(p), std::clamp(value, 0.0f, 1.0f)), 2.0f);
      if (r < static_cast<int>(a->primitive_of.size()) && a->primitive_of[r] == p)
        draw->AddRect(lo, hi, IM_COL32(255, 255, 255, 255), 2.0f, 0, 1.5f);
      char text[16];
      std::snprintf(text, sizeof text, "%.2f", value);
      if (ImGui::CalcTextSize(text).x <= hi.x - lo.x - 2.0f)  // else the colour alone, the number in the tooltip
        draw->AddText({lo.x + 2.0f, y}, value > 0.5f ? IM_COL32(15, 15, 18, 255) : IM_COL32(225, 225, 230, 255), text);
      if (ImGui::IsMouseHoveringRect(lo, hi))
        ImGui::SetTooltip("%s steps: primitive %d on with probability %.3f", names[r].c_str(), p, value);
    }
  }
  ImGui::SetCursorScreenPos({at.x, top + (m + 1) * line + 2.0f});
  ImGui::Text("alignment %.2f", a->single_accuracy);
  if (ImGui::IsItemHovered()) {
    std::string per_transformation;
    for (int r = 0; r < m && r < static_cast<int>(a->single_accuracy_of.size()); ++r) {
      char text[64];
      std::snprintf(text, sizeof text, "\n  %s steps: %.3f", names[r].c_str(), a->single_accuracy_of[r]);
      per_transformation += text;
    }
    ImGui::SetTooltip("accuracy of the matched primitive's argmax on %lld single-transformation steps;%s\n"
                      "F1 %.2f on %lld multi-transformation steps",
                      static_cast<long long>(a->single_steps), per_transformation.c_str(), a->multi_f1,
                      static_cast<long long>(a->multi_steps));
  }
  ImGui::SetCursorScreenPos({at.x, top + (m + 2) * line + 2.0f});
  ImGui::TextDisabled("F1 %.2f (multi)", a->multi_f1);
  ImGui::SetCursorScreenPos({at.x, top + (m + 3) * line + 2.0f});
  ImGui::TextDisabled("live %d of %d", k - static_cast<int>(a->unused.size()), k);
  if (ImGui::IsItemHovered()) {
    std::string shares;
    for (int p = 0; p < k; ++p) {
      char text[64];
      std::snprintf(text, sizeof text, "\n  primitive %d: %.3f%s", p, a->usage[p],
                    std::count(a->unused.begin(), a->unused.end(), p) ? " (unused)" : "");
      shares += text;
    }
    ImGui::SetTooltip("share of the test steps on which each primitive is on; below %.0f%%: unused%s",
                      100 * eval::kUnusedShare, shares.c_str());
  }
  return ImGui::GetItemRectMax().y - at.y;
}

nlohmann::json SpikesPanel::describe() const {
  nlohmann::json out{{"cursor_column", cursor_column_}, {"cursor_rect", to_json(cursor_rect_)}, {"alignment", nullptr},
                     {"truth_rows", truth_rows_}, {"least_height", least_height_}};
  if (alignment_)
    out["alignment"] = {{"single_accuracy", alignment_->single_accuracy},
                        {"single_accuracy_of", alignment_->single_accuracy_of},
                        {"primitive_usage", alignment_->usage},
                        {"live", alignment_->usage.size() - alignment_->unused.size()},
                        {"unused", alignment_->unused},
                        {"left_over", alignment_->left_over},
                        {"multi_f1", alignment_->multi_f1},
                        {"primitive_of", alignment_->primitive_of},
                        {"coactivation", alignment_->coactivation}};
  return out;
}

}  // namespace sta::studio
