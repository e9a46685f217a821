// A linked GLSL program (vertex + fragment stage) with uniform setters.
#pragma once

#include "render/gl_name.h"

#include <string>

namespace sta::render {

// Sources come from strings or from the shaders embedded at build time; compile and link errors throw
// std::runtime_error carrying the program's name, the failing stage and the GLSL log.
class Program {
 public:
  // Compiles and links; `name` only labels error messages.
  Program(const std::string& vertex_source, const std::string& fragment_source,
          const std::string& name = "program");
  // Builds from embedded shader files, e.g. from_embedded("line.vert.glsl", "line.frag.glsl").
  static Program from_embedded(const std::string& vertex_file, const std::string& fragment_file);

  void use() const;
  GLuint id() const { return program_.get(); }

  // Uniform setters act on this program, which must be in use. Unknown names are ignored,
  // as GL does for uniforms that the compiler removed.
  void set(const char* name, int value) const;
  void set(const char* name, float value) const;
  void set(const char* name, float x, float y) const;
  void set(const char* name, float x, float y, float z, float w) const;

 private:
  struct Deleter {
    void operator()(GLuint id) const { glDeleteProgram(id); }
  };
  GlName<Deleter> program_;
};

}  // namespace sta::render
