// What every field renderer needs to draw into the current target: the view, the target's
// size in pixels and the animation time. Also the shared GL state that they set.
#pragma once

#include "render/program.h"
#include "render/view2d.h"

namespace sta::render {

struct DrawContext {
  View2D view;
  int width = 1, height = 1;  // pixels of the current viewport
  float time = 0.0f;          // seconds; moves dash and pulse patterns along the flow
};

// Sets the uniforms `view` (scale.xy, offset.xy) and `viewport` (pixels) of a program in use.
void set_view_uniforms(const Program& program, const DrawContext& context);

// Alpha blending that keeps the target opaque (colour: over; alpha: accumulate), so that
// an offscreen image shown by ImGui does not turn see-through where lines are soft.
void enable_blending();

}  // namespace sta::render
