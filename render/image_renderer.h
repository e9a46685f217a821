// Draws a texture into a pixel rectangle of the current viewport (origin top-left, the
// texture's first row at the top). Needs a current GL 3.3 context.
#pragma once

#include "render/buffer.h"
#include "render/program.h"
#include "render/texture.h"

namespace sta::render {

class ImageRenderer {
 public:
  ImageRenderer();
  void draw(const Texture2D& image, float x, float y, float width, float height) const;

 private:
  Program program_;
  VertexArray empty_;  // core profile needs a bound vertex array even with no attributes
};

}  // namespace sta::render
