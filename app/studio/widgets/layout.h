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

// What the panels asked for in the last frame drawn, in pixels of their whole window (title bar
// and padding included); zero or none: no wish.
struct PanelNeeds {
  // The Sequence panel's frames: a panel `fixed_h + rows * side` high and `fixed_w + columns *
  // (side + gap)` wide shows them `side` wide, best at whole multiples of their `native` size.
  struct Frames {
    float fixed_h = 0.0f, fixed_w = 0.0f, gap = 0.0f, native = 0.0f;
    int rows = 0, columns = 0;
  };
  std::optional<float> sequence_width;   // at the current height (SequencePanel::wanted_width)
  std::optional<Frames> sequence_frames;
  float data_width = 0.0f;  // the Data panel's widest line
  float spikes_height = 0.0f, composer_height = 0.0f;  // the least without clipping
};

// Panels tile the window without gaps; every panel keeps a positive size down to tiny windows.
// `scale` is the interface scale (ui.h): the panels' size limits grow with it. The top row grows
// (within limits) until the Sequence panel's frames reach their next whole multiple, or shrinks
// for the Spikes and Composer panels' least heights; the Data panel is as wide as its lines and
// the Sequence panel's frames leave it, within limits.
Layout compute_layout(int width, int height, float scale = 1.0f, const PanelNeeds& needs = {});

// The panels by the names the state JSON and scripts use: data, sequence, fields, spikes,
// composer, status.
std::vector<std::pair<const char*, Rect>> named_panels(const Layout& layout);

}  // namespace sta::studio
