// Offscreen colour target: allocation, binding, clearing and read-back.
#include "render/framebuffer.h"

#include <cstring>
#include <stdexcept>
#include <string>

namespace sta::render {
namespace {

GLuint new_framebuffer() {
  GLuint id = 0;
  glGenFramebuffers(1, &id);
  return id;
}

}  // namespace

Framebuffer::Framebuffer(int width, int height)
    : framebuffer_(new_framebuffer()), colour_(Filter::Linear) {
  colour_.upload(static_cast<const std::uint8_t*>(nullptr), width, height, 4);
  glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_.get());
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, colour_.id(), 0);
  GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  if (status != GL_FRAMEBUFFER_COMPLETE)
    throw std::runtime_error("framebuffer " + std::to_string(width) + "x" + std::to_string(height) +
                             " is incomplete (GL status " + std::to_string(status) + ")");
}

void Framebuffer::resize(int width, int height) {
  if (width == this->width() && height == this->height()) return;
  colour_.upload(static_cast<const std::uint8_t*>(nullptr), width, height, 4);
}

void Framebuffer::bind() const {
  glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_.get());
  glViewport(0, 0, width(), height());
}

void Framebuffer::bind_default() { glBindFramebuffer(GL_FRAMEBUFFER, 0); }

void Framebuffer::clear(float r, float g, float b, float a) const {
  bind();
  glClearColor(r, g, b, a);
  glClear(GL_COLOR_BUFFER_BIT);
}

std::vector<std::uint8_t> Framebuffer::read_rgba8() const {
  const int w = width(), h = height();
  const std::size_t row = static_cast<std::size_t>(w) * 4;
  std::vector<std::uint8_t> bottom_up(row * static_cast<std::size_t>(h));
  glBindFramebuffer(GL_READ_FRAMEBUFFER, framebuffer_.get());
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, bottom_up.data());
  glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
  std::vector<std::uint8_t> top_down(bottom_up.size());
  for (int y = 0; y < h; ++y)
    std::memcpy(&top_down[row * static_cast<std::size_t>(y)],
                &bottom_up[row * static_cast<std::size_t>(h - 1 - y)], row);
  return top_down;
}

}  // namespace sta::render
