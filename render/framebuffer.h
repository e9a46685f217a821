// An offscreen render target: an RGBA8 colour texture that renderers draw into and that the
// studio shows with ImGui::Image (pass uv0 = (0,1), uv1 = (1,0): GL rows run bottom-up).
#pragma once

#include "render/texture.h"

#include <cstdint>
#include <vector>

namespace sta::render {

class Framebuffer {
 public:
  Framebuffer(int width, int height);  // throws std::runtime_error if GL rejects the target

  void resize(int width, int height);  // no-op when the size is unchanged
  // Makes this the draw target and sets the viewport to cover it.
  void bind() const;
  // Returns drawing to the window's framebuffer (viewport left to the caller).
  static void bind_default();
  void clear(float r, float g, float b, float a) const;  // binds, then clears

  // Pixels as RGBA8, width * height * 4 bytes, first row = top of the image.
  std::vector<std::uint8_t> read_rgba8() const;

  const Texture2D& colour() const { return colour_; }
  int width() const { return colour_.width(); }
  int height() const { return colour_.height(); }

 private:
  struct Deleter {
    void operator()(GLuint id) const { glDeleteFramebuffers(1, &id); }
  };
  GlName<Deleter> framebuffer_;
  Texture2D colour_;
};

}  // namespace sta::render
