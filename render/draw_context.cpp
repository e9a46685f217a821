// Shared uniforms and blend state of the field renderers.
#include "render/draw_context.h"

namespace sta::render {

void set_view_uniforms(const Program& program, const DrawContext& context) {
  const View2D& v = context.view;
  program.set("view", v.scale_x(), v.scale_y(), v.offset_x(), v.offset_y());
  program.set("viewport", static_cast<float>(context.width), static_cast<float>(context.height));
}

void enable_blending() {
  glEnable(GL_BLEND);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
}

}  // namespace sta::render
