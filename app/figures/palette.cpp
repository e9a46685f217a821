// Primitive hues and the tones of their Helmholtz parts (see palette.h).
#include "app/figures/palette.h"

#include <array>
#include <cstddef>

namespace sta::figures {

using model::FieldPart;
using render::LinePattern;
using render::Rgba;

namespace {

// Eight hues that stay apart on a dark background (after Okabe & Ito's palette).
constexpr std::array<Rgba, 8> kHues = {{{0.96f, 0.62f, 0.17f, 1.0f},    // orange
                                        {0.36f, 0.72f, 0.98f, 1.0f},    // sky blue
                                        {0.32f, 0.82f, 0.47f, 1.0f},    // green
                                        {0.94f, 0.47f, 0.78f, 1.0f},    // pink
                                        {0.93f, 0.88f, 0.32f, 1.0f},    // yellow
                                        {0.64f, 0.55f, 0.98f, 1.0f},    // violet
                                        {0.95f, 0.37f, 0.34f, 1.0f},    // red
                                        {0.28f, 0.84f, 0.82f, 1.0f}}};  // teal

}  // namespace

Rgba primitive_colour(int k, FieldPart part) {
  const int n = static_cast<int>(kHues.size());
  const Rgba hue = kHues[static_cast<std::size_t>(((k % n) + n) % n)];
  switch (part) {
    case FieldPart::CurlFree: return mix(hue, Rgba{1.0f, 1.0f, 1.0f, 1.0f}, 0.45f);
    case FieldPart::DivergenceFree: return mix(hue, Rgba{0.0f, 0.0f, 0.0f, 1.0f}, 0.25f);
    case FieldPart::Whole: break;
  }
  return hue;
}

LinePattern part_pattern(FieldPart part) {
  return part == FieldPart::DivergenceFree ? LinePattern::Dashed : LinePattern::Solid;
}

}  // namespace sta::figures
