// Tests of the GL base wrappers: program errors, framebuffer read-back order, texture
// uploads and the image renderer.
#include "gl_context.h"
#include "render/embedded.h"
#include "render/framebuffer.h"
#include "render/image_renderer.h"
#include "render/program.h"

#include <doctest/doctest.h>

#include <array>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

using namespace sta::render;

namespace {

const char* kVertex = R"(#version 330 core
void main() { gl_Position = vec4(0.0, 0.0, 0.0, 1.0); })";

std::array<int, 4> pixel(const std::vector<std::uint8_t>& rgba, int width, int x, int y) {
  const std::size_t i = (static_cast<std::size_t>(y) * width + x) * 4;
  return {rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]};
}

}  // namespace

TEST_CASE("a program with a GLSL error throws with the compiler log") {
  sta::test::require_gl_context();
  const char* broken = "#version 330 core\nout vec4 c;\nvoid main() { c = undefined_symbol; }\n";
  std::string message;
  try {
    Program program(kVertex, broken, "broken-test");
  } catch (const std::runtime_error& e) {
    message = e.what();
  }
  CHECK(message.find("broken-test: fragment shader does not compile") != std::string::npos);
  CHECK(message.find("undefined_symbol") != std::string::npos);
}

TEST_CASE("a valid program links and every embedded shader pair builds") {
  sta::test::require_gl_context();
  CHECK_NOTHROW(Program(kVertex, "#version 330 core\nout vec4 c;\nvoid main() { c = vec4(1.0); }\n"));
  for (const char* name : {"image", "line", "arrow", "heatmap", "marker"})
    CHECK_NOTHROW(Program::from_embedded(std::string(name) + ".vert.glsl", std::string(name) + ".frag.glsl"));
  CHECK_THROWS_AS(embedded_file("no-such-shader.glsl"), std::runtime_error);
}

TEST_CASE("framebuffer read-back returns rows top-down") {
  sta::test::require_gl_context();
  Framebuffer target(8, 6);
  target.clear(1.0f, 0.0f, 0.0f, 1.0f);
  glEnable(GL_SCISSOR_TEST);
  glScissor(0, 3, 8, 3);  // GL origin is bottom-left: this is the top half
  glClearColor(0.0f, 1.0f, 0.0f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  glDisable(GL_SCISSOR_TEST);
  auto rgba = target.read_rgba8();
  REQUIRE(rgba.size() == 8u * 6u * 4u);
  CHECK(pixel(rgba, 8, 4, 0) == std::array<int, 4>{0, 255, 0, 255});
  CHECK(pixel(rgba, 8, 4, 5) == std::array<int, 4>{255, 0, 0, 255});

  target.resize(5, 4);
  CHECK(target.width() == 5);
  CHECK(target.read_rgba8().size() == 5u * 4u * 4u);
}

TEST_CASE("image renderer draws a texture's first row at the top of its rectangle") {
  sta::test::require_gl_context();
  Texture2D image(Filter::Nearest);
  // A 3x3 float RGBA image first, then a 2x2 uint8 RGB one: the storage must follow.
  image.upload(std::vector<float>(3 * 3 * 4, 0.5f).data(), 3, 3, 4);
  // Row 0 = red, green; row 1 = blue, white.
  const std::uint8_t texels[] = {255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255};
  image.upload(texels, 2, 2, 3);
  CHECK(image.width() == 2);
  CHECK(image.channels() == 3);

  Framebuffer target(40, 40);
  target.clear(0.0f, 0.0f, 0.0f, 1.0f);
  ImageRenderer renderer;
  renderer.draw(image, 10, 10, 20, 20);
  auto rgba = target.read_rgba8();
  CHECK(pixel(rgba, 40, 15, 15) == std::array<int, 4>{255, 0, 0, 255});
  CHECK(pixel(rgba, 40, 25, 15) == std::array<int, 4>{0, 255, 0, 255});
  CHECK(pixel(rgba, 40, 15, 25) == std::array<int, 4>{0, 0, 255, 255});
  CHECK(pixel(rgba, 40, 25, 25) == std::array<int, 4>{255, 255, 255, 255});
  CHECK(pixel(rgba, 40, 5, 5) == std::array<int, 4>{0, 0, 0, 255});
}

TEST_CASE("texture upload rejects a bad channel count") {
  sta::test::require_gl_context();
  Texture2D texture;
  const float values[2] = {0.0f, 1.0f};
  CHECK_THROWS_AS(texture.upload(values, 1, 1, 2), std::invalid_argument);
}
