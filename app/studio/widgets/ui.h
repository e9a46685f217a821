// Small Dear ImGui helpers shared by the panels: fixed-rectangle panel windows, colour and
// texture conversions, and enum combo boxes over the name tables.
#pragma once

#include "app/figures/names.h"
#include "core/util/image.h"
#include "app/studio/widgets/layout.h"
#include "render/colour.h"
#include "render/texture.h"

#include <imgui.h>
#include <nlohmann/json.hpp>

#include <cstdint>

namespace sta::studio {

// The colour behind every panel: the window is cleared to it and panels draw no background
// of their own, which spares a software rasteriser a full-screen pass every frame.
constexpr float kPanelBackground[3] = {0.06f, 0.06f, 0.065f};

// The interface scale: the monitor's content scale (GLFW, for HiDPI screens) or --ui-scale.
// Fonts, ImGui's spacing and the panels' fixed sizes are multiplied by it.
float ui_scale();
void set_ui_scale(float scale);
// A length given in logical pixels, in pixels of this screen.
inline float px(float logical) { return logical * ui_scale(); }

// Begins an ImGui window that fills `area` and cannot be moved or resized; always pair with
// ImGui::End(). `extra` adds window flags.
void begin_panel(const char* title, const Rect& area, ImGuiWindowFlags extra = 0);

inline ImU32 to_imgui(render::Rgba c, float alpha = 1.0f) {
  return ImGui::ColorConvertFloat4ToU32({c.r, c.g, c.b, c.a * alpha});
}

// A texture of an RGB image (values in [0, 1]), sampled with `filter`; needs the GL context.
render::Texture2D image_texture(const Image& image, render::Filter filter);

inline ImTextureID texture_id(const render::Texture2D& texture) {
  return reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(texture.id()));
}

// Colour of ground-truth transformation m: muted tones, so that they are never mistaken for
// the model's primitives (palette.h), which the studio draws in saturated hues.
render::Rgba truth_colour(int m);

// Cursor highlight around the frame at the time cursor, in every panel.
constexpr render::Rgba kCursorColour{1.0f, 0.84f, 0.2f, 1.0f};

// The top-left corner and size of the last item, as a Rect in window pixels.
Rect last_item_rect();

// What the panel window `name` drew in the last frame, for the state JSON: "content", the
// rectangle its items span; "work", the rectangle items may use (inside the title bar and
// padding); "fill", the share of the work rectangle's width and height that the content
// reaches; "clipped", whether the content runs past it (or needs a scroll). Null when no
// window of that name exists.
nlohmann::json panel_extent(const char* name);

// A combo box over an enum's name table; returns true when the choice changed.
template <class E>
bool enum_combo(const char* label, E& value, float width) {
  bool changed = false;
  ImGui::SetNextItemWidth(width);
  if (ImGui::BeginCombo(label, figures::name_of(value))) {
    for (const auto& [v, n] : names(E{}))
      if (ImGui::Selectable(n, v == value)) {
        changed = v != value;
        value = v;
      }
    ImGui::EndCombo();
  }
  return changed;
}

}  // namespace sta::studio
