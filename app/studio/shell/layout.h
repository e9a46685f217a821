// The studio's fixed five-panel layout, computed from the window size every frame (Dear
// ImGui 1.86 has no docking): Data & Training top left, Sequence top right, Latent fields
// bottom left, Spikes over Composer bottom right, and a status bar along the bottom.
#pragma once

#include <nlohmann/json.hpp>

#include <utility>
#include <vector>

namespace sta::studio {

struct Rect {
  float x = 0.0f, y = 0.0f, w = 0.0f, h = 0.0f;  // pixels, origin top-left

  bool contains(float px, float py) const { return px >= x && py >= y && px < x + w && py < y + h; }
};

nlohmann::json to_json(const Rect& r);  // [x, y, w, h]

struct Layout {
  Rect data, sequence, fields, spikes, composer, status;
};

// Panels tile the window without gaps; every panel keeps a positive size down to tiny windows.
Layout compute_layout(int width, int height);

// The panels by the names the state JSON and scripts use: data, sequence, fields, spikes,
// composer, status.
std::vector<std::pair<const char*, Rect>> named_panels(const Layout& layout);

}  // namespace sta::studio
