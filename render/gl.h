// The one way sta_render sees OpenGL: libepoxy's header, which declares every GL 3.3 core
// function and loads it on first use from the current context. Code that also uses GLFW
// includes this first and defines GLFW_INCLUDE_NONE so that GLFW adds no GL header of its own.
#pragma once

#include <epoxy/gl.h>
