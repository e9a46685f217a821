// Buffer uploads and vertex attribute layout.
#include "render/buffer.h"

namespace sta::render {
namespace {

GLuint new_buffer() {
  GLuint id = 0;
  glGenBuffers(1, &id);
  return id;
}

GLuint new_vertex_array() {
  GLuint id = 0;
  glGenVertexArrays(1, &id);
  return id;
}

}  // namespace

Buffer::Buffer(GLenum target) : target_(target), buffer_(new_buffer()) {}

void Buffer::upload(const void* data, std::size_t bytes) {
  bind();
  if (bytes > capacity_) {
    glBufferData(target_, static_cast<GLsizeiptr>(bytes), data, GL_DYNAMIC_DRAW);
    capacity_ = bytes;
  } else if (bytes > 0) {
    glBufferSubData(target_, 0, static_cast<GLsizeiptr>(bytes), data);
  }
  size_ = bytes;
}

void Buffer::bind() const { glBindBuffer(target_, buffer_.get()); }

VertexArray::VertexArray() : array_(new_vertex_array()) {}

void VertexArray::bind() const { glBindVertexArray(array_.get()); }

void VertexArray::float_attribute(GLuint index, const Buffer& buffer, int components,
                                  std::size_t stride, std::size_t offset, GLuint divisor) {
  bind();
  buffer.bind();
  glEnableVertexAttribArray(index);
  glVertexAttribPointer(index, components, GL_FLOAT, GL_FALSE, static_cast<GLsizei>(stride),
                        reinterpret_cast<const void*>(offset));
  glVertexAttribDivisor(index, divisor);
}

}  // namespace sta::render
