// Panel rectangles as proportions of the window, with sensible limits.
#include "app/studio/widgets/layout.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace sta::studio {

nlohmann::json to_json(const Rect& r) { return {r.x, r.y, r.w, r.h}; }

Layout compute_layout(int width, int height, float scale, std::optional<float> sequence_width) {
  const float w = static_cast<float>(std::max(width, 1)), h = static_cast<float>(std::max(height, 1));
  const float status = std::min(std::round(26.0f * scale), std::floor(0.1f * h));
  const float body = h - status;
  const float top = std::round(0.46f * body);
  // The Data panel takes what the Sequence panel's frames leave of the top row, within limits.
  const float min_left = std::min(std::max(250.0f * scale, 0.3f * w), 0.4f * w);
  const float left =
      std::round(sequence_width ? std::clamp(w - *sequence_width, min_left, std::max(min_left, 0.4f * w)) : min_left);
  // Spikes and Composer need room for nine columns beside their labels.
  const float right = std::round(std::max(0.38f * w, std::min(460.0f * scale, 0.45f * w)));
  // Spikes keeps room for its rows (three primitives, three transformations) on short windows.
  const float spikes = std::round(std::clamp(185.0f * scale, 0.42f * (body - top), 0.6f * (body - top)));
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
