// The studio's colours for flow primitives, in one place so that the field view, the spike
// timeline and the legend agree. Each primitive k has a hue; its curl-free part (gradient
// of the potential) is drawn in a light tone with solid lines, its divergence-free part in
// a deep tone with dashed lines, and the whole field in the plain hue with solid lines.
#pragma once

#include "render/colour.h"

namespace sta::render {

enum class FieldPart { Whole, CurlFree, DivergenceFree };
enum class LinePattern { Solid, Dashed };

Rgba primitive_colour(int k, FieldPart part = FieldPart::Whole);  // hues repeat after 8
LinePattern part_pattern(FieldPart part);

constexpr Rgba kFieldBackground{0.075f, 0.078f, 0.094f, 1.0f};  // behind fields and heat maps
constexpr Rgba kTrajectoryColour{0.95f, 0.95f, 0.97f, 1.0f};   // an encoded sequence's path
constexpr Rgba kComposedColour{1.0f, 0.84f, 0.2f, 1.0f};       // the composer's traversal (cursor gold)

}  // namespace sta::render
