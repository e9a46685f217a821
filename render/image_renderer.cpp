// Texture-to-rectangle drawing.
#include "render/image_renderer.h"

namespace sta::render {

ImageRenderer::ImageRenderer()
    : program_(Program::from_embedded("image.vert.glsl", "image.frag.glsl")) {}

void ImageRenderer::draw(const Texture2D& image, float x, float y, float width,
                         float height) const {
  GLint viewport[4];
  glGetIntegerv(GL_VIEWPORT, viewport);
  const float vw = static_cast<float>(viewport[2]), vh = static_cast<float>(viewport[3]);
  const float x0 = 2.0f * x / vw - 1.0f, x1 = 2.0f * (x + width) / vw - 1.0f;
  const float y1 = 1.0f - 2.0f * y / vh, y0 = 1.0f - 2.0f * (y + height) / vh;
  program_.use();
  program_.set("rect", x0, y0, x1, y1);
  program_.set("image", 0);
  program_.set("grey", image.channels() == 1 ? 1 : 0);
  image.bind(0);
  empty_.bind();
  glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
}

}  // namespace sta::render
