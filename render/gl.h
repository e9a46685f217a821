// The one way sta_render sees OpenGL: libepoxy's header, which loads every GL 3.3 core function on first
// use. Code that also uses GLFW includes this first and defines GLFW_INCLUDE_NONE.
#pragma once

#include <epoxy/gl.h>
