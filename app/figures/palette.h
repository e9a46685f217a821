// The colours of the flow primitives, in one place so that the field view, the spike timeline,
// the legend and the SVG figures agree (a hue per primitive, a tone and a stroke per part).
#pragma once

#include "core/model/field_part.h"
#include "render/colour.h"
#include "render/line_pattern.h"

namespace sta::figures {

// Primitive k's hue (hues repeat after 8); its curl-free part in a light tone, its
// divergence-free part in a deep one.
render::Rgba primitive_colour(int k, model::FieldPart part = model::FieldPart::Whole);
// Divergence-free parts are dashed, the rest solid.
render::LinePattern part_pattern(model::FieldPart part);

constexpr render::Rgba kFieldBackground{0.075f, 0.078f, 0.094f, 1.0f};  // behind fields and heat maps
constexpr render::Rgba kTrajectoryColour{0.95f, 0.95f, 0.97f, 1.0f};   // an encoded sequence's path
constexpr render::Rgba kComposedColour{1.0f, 0.84f, 0.2f, 1.0f};       // the composer's traversal (cursor gold)

}  // namespace sta::figures
