// The studio's fixed five-panel layout, computed from the window size every frame (Dear ImGui 1.86 has
// no docking).
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <utility>
#include <vector>

namespace sta::studio {

struct Rect {
  float x = 0.0f, y = 0.0f, w = 0.0f, h = 0.0f;  // pixels, origin top-left

  bool contains(float px, float py) const { return px >= x && py >= y && px < x + w && py < y + h; }
  bool operator==(const Rect& o) const { return x == o.x && y == o.y && w == o.w && h == o.h; }
};

nlohmann::json to_json(const Rect& r);  // [x, y, w, h]

// Data & Training top left, Sequence top right, Latent fields bottom left, Spikes over Composer
// bottom right, and a status bar along the bottom.
struct Layout {
  Rect data, sequence, fields, spikes, composer, status;

  bool operator==(const Layout& o) const {
    return data == o.data && sequence == o.sequence && fields == o.fields && spikes == o.spikes &&
           composer == o.composer && status == o.status;
  }
};

// Panels tile the window without gaps; every panel keeps a positive size down to tiny windows.
// `scale` is the interface scale (ui.h): the panels' size limits grow with it.
// `sequence_width` is the width the Sequence panel's content asks for at its current height
// (SequencePanel::wanted_width); the Data panel beside it takes the rest, within limits.
Layout compute_layout(int width, int height, float scale = 1.0f, std::optional<float> sequence_width = std::nullopt);

// The panels by the names the state JSON and scripts use: data, sequence, fields, spikes,
// composer, status.
std::vector<std::pair<const char*, Rect>> named_panels(const Layout& layout);

}  // namespace sta::studio
