// Marker instance upload and drawing.
#include "render/marker_renderer.h"

#include <cstddef>

namespace sta::render {

MarkerRenderer::MarkerRenderer() : program_(Program::from_embedded("marker.vert.glsl", "marker.frag.glsl")) {
  constexpr size_t s = sizeof(Marker);
  array_.float_attribute(0, buffer_, 4, s, offsetof(Marker, x), 1);
  array_.float_attribute(1, buffer_, 4, s, offsetof(Marker, fill), 1);
  array_.float_attribute(2, buffer_, 4, s, offsetof(Marker, outline), 1);
}

void MarkerRenderer::draw(const std::vector<Marker>& markers, const DrawContext& context) {
  if (markers.empty()) return;
  buffer_.upload(markers);
  enable_blending();
  program_.use();
  set_view_uniforms(program_, context);
  array_.bind();
  glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(markers.size()));
}

}  // namespace sta::render
