// The view transform and the colour maps: pure computations, no GL context needed.
#include "render/colormap.h"
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
