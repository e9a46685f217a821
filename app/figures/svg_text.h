// Small helpers for the SVG figures: colours as #rrggbb and text escaped for XML.
#pragma once

#include "render/colour.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

namespace sta::figures {

inline std::string svg_colour(const render::Rgba& c) {
  auto byte = [](float v) { return static_cast<int>(std::lround(std::clamp(v, 0.0f, 1.0f) * 255.0f)); };
  char text[8];
  std::snprintf(text, sizeof text, "#%02x%02x%02x", byte(c.r), byte(c.g), byte(c.b));
  return text;
}

inline std::string svg_escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '&') out += "&amp;";
    else if (c == '"') out += "&quot;";
    else out += c;
  }
  return out;
}

}  // namespace sta::figures
