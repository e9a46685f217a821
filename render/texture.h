// A 2-D texture holding an image or a scalar grid: 1, 3 or 4 channels of float or uint8 data.
#pragma once

#include "render/gl_name.h"

#include <cstdint>

namespace sta::render {

enum class Filter { Nearest, Linear };

// Rows are stored in the order given; texture coordinate t = 0 is the first row (shown at the top by
// ImGui::Image with its default uvs). Re-uploading an image of the same size and format updates in
// place; otherwise the storage is reallocated.
class Texture2D {
 public:
  explicit Texture2D(Filter filter = Filter::Linear);

  // `pixels` holds width * height * channels values, row after row; nullptr allocates
  // without initialising. Throws std::invalid_argument for a bad size or channel count.
  void upload(const float* pixels, int width, int height, int channels);
  void upload(const std::uint8_t* pixels, int width, int height, int channels);
  void set_filter(Filter filter);

  void bind(int unit) const;  // binds to texture unit GL_TEXTURE0 + unit
  GLuint id() const { return texture_.get(); }
  int width() const { return width_; }
  int height() const { return height_; }
  int channels() const { return channels_; }

 private:
  void upload(const void* pixels, int width, int height, int channels, GLenum type);

  struct Deleter {
    void operator()(GLuint id) const { glDeleteTextures(1, &id); }
  };
  GlName<Deleter> texture_;
  int width_ = 0, height_ = 0, channels_ = 0;
  GLenum type_ = 0;
};

}  // namespace sta::render
