// Hidden-window GL context for the render tests.
#include "gl_context.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <stdexcept>
#include <string>

namespace sta::test {

void require_gl_context() {
  static GLFWwindow* window = nullptr;
  if (window != nullptr) return;
  if (glfwInit() != GLFW_TRUE) throw std::runtime_error("glfwInit failed (no display? run under xvfb-run)");
  glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  window = glfwCreateWindow(64, 64, "sta render tests", nullptr, nullptr);
  if (window == nullptr) throw std::runtime_error("cannot create a hidden GL 3.3 core window");
  glfwMakeContextCurrent(window);
}

}  // namespace sta::test
