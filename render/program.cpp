// Shader compilation and linking with readable errors; uniform setters.
#include "render/program.h"

#include "render/embedded.h"

#include <stdexcept>

namespace sta::render {
namespace {

std::string shader_log(GLuint shader) {
  GLint length = 0;
  glGetShaderiv(shader, GL_INFO_LOG_LENGTH, &length);
  std::string log(static_cast<size_t>(length > 0 ? length : 1), '\0');
  glGetShaderInfoLog(shader, length, nullptr, log.data());
  return log.c_str();
}

std::string program_log(GLuint program) {
  GLint length = 0;
  glGetProgramiv(program, GL_INFO_LOG_LENGTH, &length);
  std::string log(static_cast<size_t>(length > 0 ? length : 1), '\0');
  glGetProgramInfoLog(program, length, nullptr, log.data());
  return log.c_str();
}

GLuint compile(GLenum stage, const std::string& source, const std::string& name) {
  GLuint shader = glCreateShader(stage);
  const char* text = source.c_str();
  glShaderSource(shader, 1, &text, nullptr);
  glCompileShader(shader);
  GLint ok = GL_FALSE;
  glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
  if (ok != GL_TRUE) {
    std::string log = shader_log(shader);
    glDeleteShader(shader);
    const char* kind = stage == GL_VERTEX_SHADER ? "vertex" : "fragment";
    throw std::runtime_error(name + ": " + kind + " shader does not compile: " + log);
  }
  return shader;
}

}  // namespace

Program::Program(const std::string& vertex_source, const std::string& fragment_source,
                 const std::string& name) {
  GLuint vertex = compile(GL_VERTEX_SHADER, vertex_source, name);
  GLuint fragment = 0;
  try {
    fragment = compile(GL_FRAGMENT_SHADER, fragment_source, name);
  } catch (...) {
    glDeleteShader(vertex);
    throw;
  }
  program_ = GlName<Deleter>(glCreateProgram());
  glAttachShader(program_.get(), vertex);
  glAttachShader(program_.get(), fragment);
  glLinkProgram(program_.get());
  glDeleteShader(vertex);
  glDeleteShader(fragment);
  GLint ok = GL_FALSE;
  glGetProgramiv(program_.get(), GL_LINK_STATUS, &ok);
  if (ok != GL_TRUE) throw std::runtime_error(name + ": program does not link: " + program_log(program_.get()));
}

Program Program::from_embedded(const std::string& vertex_file, const std::string& fragment_file) {
  return Program(embedded_file(vertex_file), embedded_file(fragment_file),
                 vertex_file + " + " + fragment_file);
}

void Program::use() const { glUseProgram(program_.get()); }

void Program::set(const char* name, int value) const {
  glUniform1i(glGetUniformLocation(program_.get(), name), value);
}

void Program::set(const char* name, float value) const {
  glUniform1f(glGetUniformLocation(program_.get(), name), value);
}

void Program::set(const char* name, float x, float y) const {
  glUniform2f(glGetUniformLocation(program_.get(), name), x, y);
}

void Program::set(const char* name, float x, float y, float z, float w) const {
  glUniform4f(glGetUniformLocation(program_.get(), name), x, y, z, w);
}

}  // namespace sta::render
