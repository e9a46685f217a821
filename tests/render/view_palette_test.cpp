// View transform and palette: pure computations, no GL context needed.
#include "render/colormap.h"
#include "render/palette.h"
#include "render/view2d.h"

#include <doctest/doctest.h>

#include <cmath>

using namespace sta::render;

TEST_CASE("fitting a view keeps the rectangle, centres it and makes pixels square") {
  const View2D v = View2D::fit(-1.0f, 1.0f, -1.0f, 1.0f, 400, 200);
  CHECK(v.x0 == doctest::Approx(-2.0f));
  CHECK(v.x1 == doctest::Approx(2.0f));
  CHECK(v.y0 == doctest::Approx(-1.0f));
  CHECK((v.x1 - v.x0) / 400.0f == doctest::Approx((v.y1 - v.y0) / 200.0f));
  const View2D tall = View2D::fit(0.0f, 4.0f, 0.0f, 1.0f, 100, 100);
  CHECK(tall.y0 == doctest::Approx(-1.5f));
  CHECK(tall.y1 == doctest::Approx(2.5f));
}

TEST_CASE("zoom keeps the point under the cursor, pan follows the drag, clip maps the rectangle") {
  const View2D v{-2.0f, 2.0f, -1.0f, 1.0f};
  const Point2 cursor{300.0f, 50.0f};
  const Point2 before = v.to_slice(cursor, 400, 200);
  CHECK(before.x == doctest::Approx(1.0f));
  CHECK(before.y == doctest::Approx(0.5f));
  const View2D z = v.zoomed(2.0f, cursor, 400, 200);
  const Point2 after = z.to_slice(cursor, 400, 200);
  CHECK(after.x == doctest::Approx(before.x));
  CHECK(after.y == doctest::Approx(before.y));
  CHECK(z.x1 - z.x0 == doctest::Approx(2.0f));

  const View2D p = v.panned(100.0f, 50.0f, 400, 200);  // drag right and down by a quarter
  CHECK(p.x0 == doctest::Approx(-3.0f));
  CHECK(p.y0 == doctest::Approx(-0.5f));

  CHECK(v.scale_x() * v.x0 + v.offset_x() == doctest::Approx(-1.0f));
  CHECK(v.scale_y() * v.y1 + v.offset_y() == doctest::Approx(1.0f));
}

TEST_CASE("primitive hues differ and the two Helmholtz parts of one primitive stand apart") {
  auto luma = [](Rgba c) { return 0.2126f * c.r + 0.7152f * c.g + 0.0722f * c.b; };
  auto gap = [](Rgba a, Rgba b) { return std::abs(a.r - b.r) + std::abs(a.g - b.g) + std::abs(a.b - b.b); };
  for (int k = 0; k < 8; ++k) {
    const float light = luma(primitive_colour(k, FieldPart::CurlFree));
    const float deep = luma(primitive_colour(k, FieldPart::DivergenceFree));
    CHECK(light > luma(primitive_colour(k)));
    CHECK(deep < luma(primitive_colour(k)));
    CHECK(light - deep > 0.25f);
    for (int m = 0; m < k; ++m) CHECK(gap(primitive_colour(k), primitive_colour(m)) > 0.25f);
  }
  CHECK(gap(primitive_colour(8), primitive_colour(0)) == 0.0f);
  CHECK(part_pattern(FieldPart::CurlFree) != part_pattern(FieldPart::DivergenceFree));
}

TEST_CASE("the diverging map is dark in the middle, and tables run from the low to the high end") {
  auto luma = [](Rgba c) { return 0.2126f * c.r + 0.7152f * c.g + 0.0722f * c.b; };
  CHECK(luma(colormap(ColorMap::Diverging, 0.5f)) < 0.5f * luma(colormap(ColorMap::Diverging, 0.0f)));
  CHECK(luma(colormap(ColorMap::Diverging, 0.5f)) < 0.5f * luma(colormap(ColorMap::Diverging, 1.0f)));
  CHECK(luma(colormap(ColorMap::Sequential, 1.0f)) > luma(colormap(ColorMap::Sequential, 0.5f)));
  CHECK(luma(colormap(ColorMap::Sequential, 0.5f)) > luma(colormap(ColorMap::Sequential, 0.0f)));
  const std::vector<float> table = colormap_table(ColorMap::Sequential, 5);
  REQUIRE(table.size() == 15u);
  CHECK(table[12] == doctest::Approx(colormap(ColorMap::Sequential, 1.0f).r));
  CHECK(table[1] == doctest::Approx(colormap(ColorMap::Sequential, 0.0f).g));
}
