// Colouring of grey images: the colour wheel and pixel = intensity x colour. (The warps are
// tested with their renderer, tests/synth/warp_renderer_test.cpp.)
#include "core/data/image_ops.h"

#include <doctest/doctest.h>

#include <cmath>

using namespace sta::data;

namespace {

bool near(std::array<float, 3> a, std::array<float, 3> b, float tolerance) {
  return std::fabs(a[0] - b[0]) < tolerance && std::fabs(a[1] - b[1]) < tolerance && std::fabs(a[2] - b[2]) < tolerance;
}

}  // namespace

TEST_CASE("hue_colour gives the fully saturated colour wheel") {
  CHECK(near(hue_colour(0), {1, 0, 0}, 1e-5f));
  CHECK(near(hue_colour(60), {1, 1, 0}, 1e-5f));
  CHECK(near(hue_colour(120), {0, 1, 0}, 1e-5f));
  CHECK(near(hue_colour(180), {0, 1, 1}, 1e-5f));
  CHECK(near(hue_colour(240), {0, 0, 1}, 1e-5f));
  CHECK(near(hue_colour(-120), {0, 0, 1}, 1e-5f));
  CHECK(near(hue_colour(30), {1, 0.5f, 0}, 1e-5f));
}

TEST_CASE("colourise makes pixel = intensity x colour") {
  sta::GreyImage grey(1, 2);
  grey.values = {255, 51};
  const sta::Image rgb = colourise(grey, 240);
  REQUIRE(rgb.same_size(1, 2));
  const auto at = [&](int x) { return std::array<float, 3>{rgb.pixel(0, x)[0], rgb.pixel(0, x)[1], rgb.pixel(0, x)[2]}; };
  CHECK(near(at(0), {0, 0, 1}, 1e-6f));
  CHECK(near(at(1), {0, 0, 0.2f}, 1e-6f));
}
