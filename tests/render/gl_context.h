// Test helper: a hidden GLFW window with an OpenGL 3.3 core context, made current once per
// test process (the render suite runs under xvfb-run).
#pragma once

#include "render/gl.h"

namespace sta::test {

// Creates the context on first call; throws std::runtime_error if no display or no GL 3.3.
void require_gl_context();

}  // namespace sta::test
