// Panel rectangles from the window's size and what the panels asked for, within limits.
#include "app/studio/widgets/layout.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace sta::studio {

nlohmann::json to_json(const Rect& r) { return {r.x, r.y, r.w, r.h}; }

namespace {

// The top row: 0.46 of the body, less where the Spikes and Composer panels need the room (the
// Data panel's text scrolls first), more where the Sequence panel's frames then reach a larger
// whole multiple of their size; always within 0.3 and 0.6 of the body.
float top_height(float body, float sequence_room, const PanelNeeds& needs) {
  const float base = std::round(0.46f * body), bottom_need = needs.spikes_height + needs.composer_height;
  float top = base;
  if (body - top < bottom_need) top = body - bottom_need;
  if (const auto& f = needs.sequence_frames; f && f->rows > 0 && f->columns > 0 && f->native > 0.0f) {
    const float most = std::min(std::round(0.56f * body), body - bottom_need);
    const float side = std::min((most - f->fixed_h) / f->rows, (sequence_room - f->fixed_w) / f->columns - f->gap);
    const float whole = std::floor(side / f->native) * f->native;
    if (whole >= 2.0f * f->native) top = std::max(top, std::ceil(f->fixed_h + f->rows * whole));
  }
  return std::round(std::clamp(top, 0.3f * body, 0.6f * body));
}

}  // namespace

Layout compute_layout(int width, int height, float scale, const PanelNeeds& needs) {
  const float w = static_cast<float>(std::max(width, 1)), h = static_cast<float>(std::max(height, 1));
  const float status = std::min(std::round(26.0f * scale), std::floor(0.1f * h));
  const float body = h - status;
  // The Data panel is as wide as its lines, and narrower where the Sequence panel's frames need
  // the room, within limits.
  const float widest = 0.4f * w, usual = std::min(std::max(250.0f * scale, 0.3f * w), widest);
  const float narrowest = std::min(usual, std::max(250.0f * scale, needs.data_width));
  float left = std::clamp(needs.data_width > 0.0f ? needs.data_width : usual, narrowest, widest);
  if (needs.sequence_width) left = std::max(narrowest, std::min(left, w - *needs.sequence_width));
  left = std::round(left);
  const float top = top_height(body, w - left, needs);
  // Spikes and Composer need room for nine columns beside their labels.
  const float right = std::round(std::max(0.38f * w, std::min(460.0f * scale, 0.45f * w)));
  // Spikes keeps room for its rows, and leaves the Composer room for its own.
  const float bottom = body - top;
  float spikes = std::max(std::clamp(185.0f * scale, 0.42f * bottom, 0.6f * bottom), needs.spikes_height);
  spikes = std::round(std::clamp(std::min(spikes, bottom - needs.composer_height), 0.3f * bottom, 0.7f * bottom));
  Layout layout;
  layout.data = {0.0f, 0.0f, left, top};
  layout.sequence = {left, 0.0f, w - left, top};
  layout.fields = {0.0f, top, w - right, bottom};
  layout.spikes = {w - right, top, right, spikes};
  layout.composer = {w - right, top + spikes, right, bottom - spikes};
  layout.status = {0.0f, body, w, status};
  return layout;
}

std::vector<std::pair<const char*, Rect>> named_panels(const Layout& l) {
  return {{"data", l.data},     {"sequence", l.sequence}, {"fields", l.fields},
          {"spikes", l.spikes}, {"composer", l.composer}, {"status", l.status}};
}

}  // namespace sta::studio
