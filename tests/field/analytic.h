// Test helper: analytic 2-D fields sampled onto a grid through a 2-D slice, so that the
// streamline and placement tests start from exactly known flows.
#pragma once

#include "core/field/sampling.h"

#include <functional>

namespace sta::test {

// Samples v(p) on an n x n grid over [-extent, extent]^2 (slice = the latent plane itself).
inline field::VectorGrid sample_2d(const std::function<field::Vec2(field::Vec2)>& v, int n,
                                   float extent) {
  const field::GridSpec spec{n, n, -extent, extent, -extent, extent};
  const field::Slice plane = field::Slice::from_axes({0.0f, 0.0f}, 0, 1);
  return field::sample_field(plane, spec, [&](const std::vector<float>& points, int dim,
                                              std::vector<float>& out) {
    out.resize(points.size());
    for (size_t k = 0; k < points.size(); k += 2) {
      const field::Vec2 w = v({points[k], points[k + 1]});
      out[k] = w.x;
      out[k + 1] = w.y;
    }
  });
}

inline field::Vec2 rotation(field::Vec2 p) { return {-p.y, p.x}; }  // counter-clockwise, curl 2
inline field::Vec2 source(field::Vec2 p) { return p; }               // gradient of |p|^2 / 2, div 2

}  // namespace sta::test
