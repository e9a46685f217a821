// Panel rectangles as proportions of the window, with sensible limits.
#include "app/studio/shell/layout.h"

#include <algorithm>
#include <cmath>

namespace sta::studio {

nlohmann::json to_json(const Rect& r) { return {r.x, r.y, r.w, r.h}; }

Layout compute_layout(int width, int height) {
  const float w = static_cast<float>(std::max(width, 1)), h = static_cast<float>(std::max(height, 1));
  const float status = std::min(26.0f, std::floor(0.1f * h));
  const float body = h - status;
  const float top = std::round(0.46f * body);
  const float left = std::round(std::clamp(0.2f * w, std::min(220.0f, 0.3f * w), 320.0f));
  const float right = std::round(std::clamp(0.38f * w, std::min(300.0f, 0.4f * w), 620.0f));
  const float spikes = std::round(0.42f * (body - top));
  Layout layout;
  layout.data = {0.0f, 0.0f, left, top};
  layout.sequence = {left, 0.0f, w - left, top};
  layout.fields = {0.0f, top, w - right, body - top};
  layout.spikes = {w - right, top, right, spikes};
  layout.composer = {w - right, top + spikes, right, body - top - spikes};
  layout.status = {0.0f, body, w, status};
  return layout;
}

std::vector<std::pair<const char*, Rect>> named_panels(const Layout& l) {
  return {{"data", l.data},     {"sequence", l.sequence}, {"fields", l.fields},
          {"spikes", l.spikes}, {"composer", l.composer}, {"status", l.status}};
}

}  // namespace sta::studio
