// Panel windows and item geometry.
#include "app/studio/widgets/ui.h"

#include <imgui_internal.h>

#include <algorithm>
#include <iterator>

namespace sta::studio {

render::Texture2D image_texture(const Image& image, render::Filter filter) {
  render::Texture2D texture(filter);
  texture.upload(image.values.data(), image.cols, image.rows, 3);
  return texture;
}

namespace {
float interface_scale = 1.0f;
}  // namespace

float ui_scale() { return interface_scale; }

void set_ui_scale(float scale) { interface_scale = scale; }

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

nlohmann::json panel_extent(const char* name) {
  const ImGuiWindow* window = ImGui::FindWindowByName(name);
  if (!window) return nullptr;
  const ImVec2 lo = window->DC.CursorStartPos, hi = window->DC.CursorMaxPos;
  const ImRect& work = window->WorkRect;
  const float width = std::max(work.GetWidth(), 1.0f), height = std::max(work.GetHeight(), 1.0f);
  constexpr float kSlack = 1.0f;  // pixels of rounding
  const bool clipped = window->ScrollMax.x > 0.0f || window->ScrollMax.y > 0.0f ||
                       hi.x > work.Max.x + kSlack || hi.y > work.Max.y + kSlack;
  return {{"content", to_json(Rect{lo.x, lo.y, hi.x - lo.x, hi.y - lo.y})},
          {"work", to_json(Rect{work.Min.x, work.Min.y, work.GetWidth(), work.GetHeight()})},
          {"fill", {(hi.x - work.Min.x) / width, (hi.y - work.Min.y) / height}},
          {"clipped", clipped}};
}

}  // namespace sta::studio
