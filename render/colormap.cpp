// Colour map control points and interpolation.
#include "render/colormap.h"

#include <algorithm>
#include <array>

namespace sta::render {
namespace {

// Blue (sinks, clockwise) - near-black - orange (sources, counter-clockwise).
constexpr std::array<Rgba, 5> kDiverging = {{{0.30f, 0.62f, 1.00f, 1.0f},
                                             {0.12f, 0.28f, 0.58f, 1.0f},
                                             {0.09f, 0.09f, 0.11f, 1.0f},
                                             {0.60f, 0.24f, 0.10f, 1.0f},
                                             {1.00f, 0.62f, 0.22f, 1.0f}}};
// Near-black to pale slate: quiet enough that coloured streamlines stay readable on top.
constexpr std::array<Rgba, 5> kSequential = {{{0.07f, 0.07f, 0.09f, 1.0f},
                                              {0.13f, 0.16f, 0.28f, 1.0f},
                                              {0.21f, 0.30f, 0.47f, 1.0f},
                                              {0.39f, 0.49f, 0.64f, 1.0f},
                                              {0.74f, 0.79f, 0.86f, 1.0f}}};

}  // namespace

Rgba colormap(ColorMap map, float t) {
  const auto& stops = map == ColorMap::Diverging ? kDiverging : kSequential;
  const float x = std::clamp(t, 0.0f, 1.0f) * static_cast<float>(stops.size() - 1);
  const size_t i = std::min(static_cast<size_t>(x), stops.size() - 2);
  return mix(stops[i], stops[i + 1], x - static_cast<float>(i));
}

std::vector<float> colormap_table(ColorMap map, int size) {
  std::vector<float> table;
  for (int k = 0; k < size; ++k) {
    const Rgba c = colormap(map, size > 1 ? static_cast<float>(k) / static_cast<float>(size - 1) : 0.0f);
    table.insert(table.end(), {c.r, c.g, c.b});
  }
  return table;
}

}  // namespace sta::render
