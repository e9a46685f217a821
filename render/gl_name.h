// A move-only owner of one OpenGL object name (buffer, texture, ...): the RAII core that the
// wrappers in render/ share. Deleter is a functor that deletes one name of its kind.
#pragma once

#include "render/gl.h"

#include <utility>

namespace sta::render {

template <class Deleter>
class GlName {
 public:
  GlName() = default;
  explicit GlName(GLuint id) : id_(id) {}
  ~GlName() { reset(); }
  GlName(const GlName&) = delete;
  GlName& operator=(const GlName&) = delete;
  GlName(GlName&& other) noexcept : id_(std::exchange(other.id_, 0)) {}
  GlName& operator=(GlName&& other) noexcept {
    if (this != &other) {
      reset();
      id_ = std::exchange(other.id_, 0);
    }
    return *this;
  }

  GLuint get() const { return id_; }

 private:
  void reset() {
    if (id_ != 0) Deleter{}(id_);
    id_ = 0;
  }

  GLuint id_ = 0;
};

}  // namespace sta::render
