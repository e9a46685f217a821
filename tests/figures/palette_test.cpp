// The primitives' palette: hues that stay apart, and parts told apart by tone and stroke.
#include "app/figures/palette.h"

#include <doctest/doctest.h>

#include <cmath>

using namespace sta;
using namespace sta::figures;

TEST_CASE("primitive hues differ and the two Helmholtz parts of one primitive stand apart") {
  auto luma = [](render::Rgba c) { return 0.2126f * c.r + 0.7152f * c.g + 0.0722f * c.b; };
  auto gap = [](render::Rgba a, render::Rgba b) { return std::abs(a.r - b.r) + std::abs(a.g - b.g) + std::abs(a.b - b.b); };
  for (int k = 0; k < 8; ++k) {
    const float light = luma(primitive_colour(k, model::FieldPart::CurlFree));
    const float deep = luma(primitive_colour(k, model::FieldPart::DivergenceFree));
    CHECK(light > luma(primitive_colour(k)));
    CHECK(deep < luma(primitive_colour(k)));
    CHECK(light - deep > 0.25f);
    for (int m = 0; m < k; ++m) CHECK(gap(primitive_colour(k), primitive_colour(m)) > 0.25f);
  }
  CHECK(gap(primitive_colour(8), primitive_colour(0)) == 0.0f);
  CHECK(part_pattern(model::FieldPart::CurlFree) != part_pattern(model::FieldPart::DivergenceFree));
}
