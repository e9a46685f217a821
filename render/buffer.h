// GPU buffers and vertex arrays: a Buffer holds bytes (vertex or instance data); a
// VertexArray records how float attributes are read from buffers. Both are move-only.
#pragma once

#include "render/gl_name.h"

#include <cstddef>
#include <vector>

namespace sta::render {

class Buffer {
 public:
  explicit Buffer(GLenum target = GL_ARRAY_BUFFER);

  // Replaces the contents (reallocating only when the size grows).
  void upload(const void* data, std::size_t bytes);
  template <class T>
  void upload(const std::vector<T>& items) { upload(items.data(), items.size() * sizeof(T)); }

  void bind() const;
  GLuint id() const { return buffer_.get(); }
  std::size_t size_bytes() const { return size_; }

 private:
  struct Deleter {
    void operator()(GLuint id) const { glDeleteBuffers(1, &id); }
  };
  GLenum target_;
  GlName<Deleter> buffer_;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
};

class VertexArray {
 public:
  VertexArray();

  void bind() const;
  // Attribute `index` reads `components` floats at `offset` bytes within each `stride`-byte
  // record of `buffer`; divisor 1 advances once per instance instead of once per vertex.
  void float_attribute(GLuint index, const Buffer& buffer, int components, std::size_t stride,
                       std::size_t offset, GLuint divisor = 0);
  GLuint id() const { return array_.get(); }

 private:
  struct Deleter {
    void operator()(GLuint id) const { glDeleteVertexArrays(1, &id); }
  };
  GlName<Deleter> array_;
};

}  // namespace sta::render
