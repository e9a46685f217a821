// Test helper: reading single pixels out of a top-down RGBA8 read-back and comparing them
// with float colours.
#pragma once

#include "render/colour.h"

#include <array>
#include <cmath>
#include <cstdint>
#include <vector>

namespace sta::test {

struct Image {
  std::vector<std::uint8_t> rgba;  // top-down rows
  int width = 0, height = 0;

  // Pixel in GL orientation: (x, y) counted from the bottom-left, as slice coordinates map.
  std::array<int, 4> at(int x, int y) const {
    const std::size_t i = (static_cast<std::size_t>(height - 1 - y) * width + x) * 4;
    return {rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]};
  }
};

// True when the pixel's RGB is within `tolerance` levels (of 255) of the colour.
inline bool near(const std::array<int, 4>& pixel, render::Rgba c, int tolerance = 3) {
  const float target[3] = {c.r * 255.0f, c.g * 255.0f, c.b * 255.0f};
  for (int k = 0; k < 3; ++k)
    if (std::abs(static_cast<float>(pixel[k]) - target[k]) > static_cast<float>(tolerance)) return false;
  return true;
}

}  // namespace sta::test
