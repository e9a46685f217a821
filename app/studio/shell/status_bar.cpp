// Status bar: errors and frame time.
#include "app/studio/shell/status_bar.h"

#include "app/studio/widgets/ui.h"

#include <cstdio>

namespace sta::studio {

void draw_status_bar(const Rect& area, Workspace& ws, const FrameClock& clock) {
  const bool error = !ws.errors().empty();
  ImGui::GetBackgroundDrawList()->AddRectFilled({area.x, area.y}, {area.x + area.w, area.y + area.h},
                                                error ? IM_COL32(115, 20, 20, 255) : IM_COL32(26, 26, 31, 255));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {8.0f, 3.0f});
  begin_panel("##status", area, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar);
  char timing[64];
  const double ms = clock.recent_median_ms();
  std::snprintf(timing, sizeof timing, "frame %.1f ms (%.0f fps)", ms, ms > 0.0 ? 1000.0 / ms : 0.0);
  const float timing_x = area.w - ImGui::CalcTextSize(timing).x - px(12.0f);
  if (error) {
    if (ImGui::SmallButton("Dismiss")) ws.dismiss_errors();
    ImGui::SameLine();
    const size_t count = ws.errors().size();
    std::string line = (count > 1 ? "(" + std::to_string(count) + " errors) " : "") + ws.errors().back();
    const float room = timing_x - ImGui::GetCursorPosX() - px(16.0f);
    if (ImGui::CalcTextSize(line.c_str()).x > room) {
      while (!line.empty() && ImGui::CalcTextSize((line + "...").c_str()).x > room) line.pop_back();
      line += "...";
    }
    ImGui::TextUnformatted(line.c_str());
    if (ImGui::IsItemHovered()) {
      std::string all;
      for (const std::string& e : ws.errors()) all += e + "\n";
      ImGui::SetTooltip("%s", all.c_str());
    }
  } else {
    ImGui::TextDisabled(
        "Left / Right: move the time cursor.  Field view: wheel zooms, drag pans, double-click resets.");
  }
  ImGui::SameLine(timing_x);
  ImGui::TextDisabled("%s", timing);
  ImGui::End();
  ImGui::PopStyleVar();
}

}  // namespace sta::studio
