// A linear RGBA colour with components in [0, 1], as the renderers take it.
#pragma once

namespace sta::render {

struct Rgba {
  float r = 1.0f, g = 1.0f, b = 1.0f, a = 1.0f;
};

// Linear interpolation between two colours, t in [0, 1].
inline Rgba mix(Rgba p, Rgba q, float t) {
  return {p.r + (q.r - p.r) * t, p.g + (q.g - p.g) * t, p.b + (q.b - p.b) * t, p.a + (q.a - p.a) * t};
}

}  // namespace sta::render
