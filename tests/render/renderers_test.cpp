// Field renderers drawn into a framebuffer and read back: thick lines, dashes, arrow heads,
// speed shading, heat maps and markers.
#include "gl_context.h"
#include "pixels.h"
#include "render/framebuffer.h"
#include "render/heat_map_renderer.h"
#include "render/line_pattern.h"
#include "render/line_renderer.h"
#include "render/marker_renderer.h"

#include <doctest/doctest.h>

#include <stdexcept>
#include <vector>

using namespace sta::render;
using sta::test::Image;
using sta::test::near;

namespace {

constexpr Rgba kBackground{0.0f, 0.0f, 0.0f, 1.0f};

// A framebuffer whose slice coordinates are its pixel coordinates (origin bottom-left).
struct Canvas {
  Framebuffer target;
  DrawContext context;
  Canvas(int width, int height) : target(width, height) {
    context.view = View2D{0.0f, static_cast<float>(width), 0.0f, static_cast<float>(height)};
    context.width = width;
    context.height = height;
    target.clear(kBackground.r, kBackground.g, kBackground.b, kBackground.a);
  }
  Image read() const { return {target.read_rgba8(), target.width(), target.height()}; }
};

LineStyle plain_style(float width) {
  LineStyle style;
  style.width_px = width;
  style.pulse = 0.0f;
  style.arrow_px = 0.0f;
  return style;
}

// Number of pixels in column x that are not background.
int coloured_rows(const Image& image, int x) {
  int count = 0;
  for (int y = 0; y < image.height; ++y) count += near(image.at(x, y), kBackground, 8) ? 0 : 1;
  return count;
}

}  // namespace

TEST_CASE("a thick line covers its width in its colour, with soft edges, and nothing else") {
  sta::test::require_gl_context();
  Canvas canvas(100, 60);
  const Rgba colour{1.0f, 0.5f, 0.25f, 1.0f};
  LineBatch batch;
  batch.set({{{10.0f, 30.0f, 50.0f, 30.0f, 90.0f, 30.0f}, {}, colour}}, 0.0f);
  CHECK(batch.segments() == 2);
  LineRenderer renderer;
  renderer.draw(batch, canvas.context, plain_style(5.0f));  // covers y in [27.5, 32.5]
  const Image image = canvas.read();

  for (int x : {12, 30, 50, 70, 88})
    for (int y : {28, 29, 30, 31}) CHECK(near(image.at(x, y), colour));
  for (int x : {50, 70}) {
    CHECK(near(image.at(x, 40), kBackground));  // above
    CHECK(near(image.at(x, 20), kBackground));  // below
    const auto edge = image.at(x, 27);           // pixel centre 27.5: half covered
    CHECK(edge[0] > 60);
    CHECK(edge[0] < 200);
  }
  CHECK(near(image.at(5, 30), kBackground));   // beyond the round caps
  CHECK(near(image.at(95, 30), kBackground));
}

TEST_CASE("dashed lines have gaps, and arrow heads point along the flow") {
  sta::test::require_gl_context();
  const Rgba colour{0.2f, 1.0f, 0.4f, 1.0f};
  LineRenderer renderer;
  {
    Canvas canvas(120, 20);
    LineBatch batch;
    batch.set({{{0.0f, 10.0f, 120.0f, 10.0f}, {}, colour}}, 0.0f);
    LineStyle style = plain_style(4.0f);
    style.pattern = LinePattern::Dashed;
    style.pattern_px = 20.0f;
    renderer.draw(batch, canvas.context, style);
    const Image image = canvas.read();
    int on = 0;
    for (int x = 10; x < 110; ++x) on += near(image.at(x, 10), colour, 8) ? 1 : 0;
    CHECK(on > 40);  // dashes cover 60% of each period (less the anti-aliased ends)
    CHECK(on < 70);
  }
  for (float direction : {1.0f, -1.0f}) {
    CAPTURE(direction);
    Canvas canvas(100, 40);
    LineBatch batch;
    // One path, so one arrow head at its middle (x = 50), flowing right or left.
    batch.set({{{50.0f - 40.0f * direction, 20.0f, 50.0f + 40.0f * direction, 20.0f}, {}, colour}}, 1000.0f);
    CHECK(batch.arrows() == 1);
    LineStyle style = plain_style(2.0f);
    style.arrow_px = 20.0f;
    renderer.draw(batch, canvas.context, style);
    const Image image = canvas.read();
    const int behind = coloured_rows(image, static_cast<int>(50.0f - 6.0f * direction));
    const int ahead = coloured_rows(image, static_cast<int>(50.0f + 6.0f * direction));
    CHECK(behind > ahead + 4);  // the head is wide at its base and narrows to the tip
    CHECK(coloured_rows(image, 20) <= 3);  // elsewhere only the thin line
  }
}

TEST_CASE("slow parts of a line are dimmer than fast ones") {
  sta::test::require_gl_context();
  Canvas canvas(100, 20);
  const Rgba colour{1.0f, 1.0f, 1.0f, 1.0f};
  LineBatch batch;
  batch.set({{{0.0f, 10.0f, 100.0f, 10.0f}, {0.0f, 2.0f}, colour}}, 0.0f);
  CHECK(batch.speed_max() == doctest::Approx(2.0f));
  LineStyle style = plain_style(6.0f);
  style.slow_brightness = 0.25f;
  LineRenderer renderer;
  renderer.draw(batch, canvas.context, style);
  const Image image = canvas.read();
  const int slow = image.at(8, 10)[1], fast = image.at(92, 10)[1];
  CHECK(fast > 240);
  CHECK(slow < 110);
  CHECK(slow > 50);
}

TEST_CASE("a heat map of a gradient shows the colour map's ends at the grid's ends") {
  sta::test::require_gl_context();
  const int nx = 8, ny = 5;
  std::vector<float> along_x, along_y;
  for (int j = 0; j < ny; ++j)
    for (int i = 0; i < nx; ++i) {
      along_x.push_back(static_cast<float>(i));
      along_y.push_back(-1.0f + 0.5f * static_cast<float>(j));
    }
  HeatMapRenderer renderer;
  for (ColorMap map : {ColorMap::Diverging, ColorMap::Sequential}) {
    Canvas canvas(160, 100);
    renderer.upload(along_x, nx, ny, 0.0f, 160.0f, 0.0f, 100.0f);
    renderer.draw(canvas.context, map, 0.0f, 7.0f);
    Image image = canvas.read();
    CHECK(near(image.at(0, 50), colormap(map, 0.0f), 4));
    CHECK(near(image.at(159, 50), colormap(map, 1.0f), 4));
    for (int x : {20, 40, 80, 120, 140})  // values interpolate linearly between nodes at the ends
      CHECK(near(image.at(x, 50), colormap(map, (static_cast<float>(x) + 0.5f) / 160.0f), 4));

    canvas.target.clear(0.0f, 0.0f, 0.0f, 1.0f);
    renderer.upload(along_y, nx, ny, 0.0f, 160.0f, 0.0f, 100.0f);
    const auto [lo, hi] = symmetric_range(along_y);
    CHECK(lo == doctest::Approx(-1.0f));
    CHECK(hi == doctest::Approx(1.0f));
    renderer.draw(canvas.context, map, lo, hi);
    image = canvas.read();
    CHECK(near(image.at(80, 0), colormap(map, 0.0f), 4));   // bottom row: first grid row
    CHECK(near(image.at(80, 99), colormap(map, 1.0f), 4));  // top row: last grid row
  }
  CHECK_THROWS_AS(renderer.upload(along_x, nx, ny + 1, 0.0f, 1.0f, 0.0f, 1.0f), std::invalid_argument);
}

TEST_CASE("a marker is a filled disc inside its outline ring") {
  sta::test::require_gl_context();
  Canvas canvas(40, 40);
  const Rgba fill{1.0f, 0.0f, 0.0f, 1.0f}, ring{0.0f, 0.0f, 1.0f, 1.0f};
  MarkerRenderer renderer;
  renderer.draw({{20.0f, 20.0f, 10.0f, 3.0f, fill, ring}}, canvas.context);
  const Image image = canvas.read();
  CHECK(near(image.at(20, 20), fill));
  CHECK(near(image.at(28, 20), ring));  // 8.5 px out: inside the 3 px ring
  CHECK(near(image.at(20, 11), ring));
  CHECK(near(image.at(20, 33), kBackground));
}
