// Panel windows and item geometry.
#include "app/studio/shell/ui.h"

#include <iterator>

namespace sta::studio {

void begin_panel(const char* title, const Rect& area, ImGuiWindowFlags extra) {
  ImGui::SetNextWindowPos({area.x, area.y});
  ImGui::SetNextWindowSize({area.w, area.h});
  ImGui::Begin(title, nullptr,
               ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                   ImGuiWindowFlags_NoBackground | extra);
}

render::Rgba truth_colour(int m) {
  static const render::Rgba tones[] = {{0.62f, 0.66f, 0.80f, 1.0f},
                                       {0.80f, 0.66f, 0.56f, 1.0f},
                                       {0.62f, 0.78f, 0.62f, 1.0f},
                                       {0.78f, 0.62f, 0.76f, 1.0f},
                                       {0.76f, 0.76f, 0.58f, 1.0f}};
  const int n = static_cast<int>(std::size(tones));
  return tones[((m % n) + n) % n];
}

Rect last_item_rect() {
  const ImVec2 min = ImGui::GetItemRectMin(), size = ImGui::GetItemRectSize();
  return {min.x, min.y, size.x, size.y};
}

}  // namespace sta::studio
