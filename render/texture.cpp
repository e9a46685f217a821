// Texture storage, uploads and filtering.
#include "render/texture.h"

#include <stdexcept>
#include <string>

namespace sta::render {
namespace {

GLuint new_texture() {
  GLuint id = 0;
  glGenTextures(1, &id);
  return id;
}

GLenum pixel_format(int channels) {
  switch (channels) {
    case 1: return GL_RED;
    case 3: return GL_RGB;
    case 4: return GL_RGBA;
  }
  throw std::invalid_argument("texture upload: " + std::to_string(channels) +
                              " channels (expected 1, 3 or 4)");
}

GLint internal_format(int channels, GLenum type) {
  bool is_float = type == GL_FLOAT;
  switch (channels) {
    case 1: return is_float ? GL_R32F : GL_R8;
    case 3: return is_float ? GL_RGB32F : GL_RGB8;
    default: return is_float ? GL_RGBA32F : GL_RGBA8;
  }
}

}  // namespace

Texture2D::Texture2D(Filter filter) : texture_(new_texture()) {
  bind(0);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  set_filter(filter);
}

void Texture2D::upload(const float* pixels, int width, int height, int channels) {
  upload(pixels, width, height, channels, GL_FLOAT);
}

void Texture2D::upload(const std::uint8_t* pixels, int width, int height, int channels) {
  upload(pixels, width, height, channels, GL_UNSIGNED_BYTE);
}

void Texture2D::upload(const void* pixels, int width, int height, int channels, GLenum type) {
  if (width <= 0 || height <= 0)
    throw std::invalid_argument("texture upload: size " + std::to_string(width) + "x" +
                                std::to_string(height) + " is not positive");
  GLenum format = pixel_format(channels);
  bind(0);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  if (width == width_ && height == height_ && channels == channels_ && type == type_) {
    if (pixels != nullptr) glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, width, height, format, type, pixels);
  } else {
    glTexImage2D(GL_TEXTURE_2D, 0, internal_format(channels, type), width, height, 0, format,
                 type, pixels);
    width_ = width;
    height_ = height;
    channels_ = channels;
    type_ = type;
  }
}

void Texture2D::set_filter(Filter filter) {
  GLint mode = filter == Filter::Linear ? GL_LINEAR : GL_NEAREST;
  bind(0);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, mode);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, mode);
}

void Texture2D::bind(int unit) const {
  glActiveTexture(GL_TEXTURE0 + static_cast<GLenum>(unit));
  glBindTexture(GL_TEXTURE_2D, texture_.get());
}

}  // namespace sta::render
