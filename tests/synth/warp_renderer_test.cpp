// The torch warp renderer: turns, scales and hue turns move pixels and colours where they should.
#include "core/data/image_ops.h"
#include "core/synth/warp_renderer.h"
#include "core/synth/warped_frames.h"

#include <doctest/doctest.h>

#include <cmath>
#include <fstream>

using sta::Image;
using sta::synth::FrameWarp;
using sta::synth::render_warped;

namespace {

// The grey pattern behind tests/fixtures/warp_reference.f32: a ring and a graded bar, hard edges.
sta::GreyImage pattern() {
  sta::GreyImage grey(28, 28);
  for (int y = 0; y < 28; ++y)
    for (int x = 0; x < 28; ++x) {
      const double r = std::hypot(x - 12.5, y - 14.0);
      int v = (r > 6 && r < 10) ? 255 : 0;
      if (x >= 17 && x <= 22 && y >= 4 && y <= 24) v = 160 + (y * 3) % 90;
      grey.pixel(y, x)[0] = static_cast<uint8_t>(v);
    }
  return grey;
}

Image render(const Image& image, FrameWarp warp) { return render_warped(image, {warp}, image.rows).front(); }

double max_difference(const Image& a, const Image& b) {
  double largest = 0.0;
  for (size_t i = 0; i < a.values.size(); ++i) largest = std::max(largest, double(std::fabs(a.values[i] - b.values[i])));
  return largest;
}

Image solid(int side, float r, float g, float b) {
  Image image(side, side);
  for (size_t i = 0; i < image.values.size(); i += 3) {
    image.values[i] = r;
    image.values[i + 1] = g;
    image.values[i + 2] = b;
  }
  return image;
}

}  // namespace

TEST_CASE("warps: 0 and 360 degrees reproduce the image, 90 degrees is an exact quarter turn") {
  const Image image = sta::data::colourise(pattern(), 30);
  CHECK(max_difference(render(image, {0, 1, 0}), image) < 1e-5);
  CHECK(max_difference(render(image, {360, 1, 0}), image) < 1e-4);

  const Image quarter = render(image, {90, 1, 0});
  CHECK(max_difference(quarter, image) > 0.5);  // a quarter turn really moves the image
  Image expected(28, 28);  // counter-clockwise on screen: (y, x) shows what was at (x, 27 - y)
  for (int y = 0; y < 28; ++y)
    for (int x = 0; x < 28; ++x)
      for (int c = 0; c < 3; ++c) expected.pixel(y, x)[c] = image.pixel(x, 27 - y)[c];
  CHECK(max_difference(quarter, expected) < 1e-4);
}

TEST_CASE("warps: scaling by 2 about the centre doubles distances from it") {
  // On a 29x29 image (centre 14, 14) a bright pixel at offset (3, -1) moves to offset (6, -2).
  sta::GreyImage dot(29, 29);
  dot.pixel(13, 17)[0] = 255;
  const Image scaled = render(sta::data::colourise(dot, 0), {0, 2, 0});
  CHECK(scaled.pixel(12, 20)[0] == doctest::Approx(1.0).epsilon(1e-4));
  CHECK(scaled.pixel(13, 17)[0] < 0.01f);
}

TEST_CASE("hue turns rotate about the grey axis: 360 reproduces, 120 turns red into green") {
  const Image image = sta::data::colourise(pattern(), 10);
  CHECK(max_difference(render(image, {0, 1, 360}), image) < 1e-4);
  CHECK(max_difference(render(image, {0, 1, -360}), image) < 1e-4);
  CHECK(max_difference(render(image, {0, 1, 120}), image) > 0.5);

  const Image red = solid(2, 1, 0, 0);
  CHECK(max_difference(render(red, {0, 1, 120}), solid(2, 0, 1, 0)) < 1e-4);
  // Half-way, red (1, 0, 0) turns to (2/3, 2/3, -1/3): clamped to (2/3, 2/3, 0).
  CHECK(max_difference(render(red, {0, 1, 60}), solid(2, 2.0f / 3, 2.0f / 3, 0)) < 1e-4);
  // Grey is the axis: it never changes, and in-gamut colours keep their mean over channels.
  const Image grey = solid(2, 0.4f, 0.4f, 0.4f);
  CHECK(max_difference(render(grey, {0, 1, 75}), grey) < 1e-6);
  const Image turned = render(solid(2, 0.5f, 0.4f, 0.3f), {0, 1, 75});
  CHECK(turned.values[0] + turned.values[1] + turned.values[2] == doctest::Approx(1.2).epsilon(1e-5));
}

TEST_CASE("the torch renderer matches the OpenCV renderer it replaced") {
  // tests/fixtures/warp_reference.f32 holds what the OpenCV renderer (cv::warpAffine, bilinear,
  // black border, then the same grey-axis hue rotation) gave for pattern() coloured at hue 30
  // and these seven warps, as 28x28x3 float frames. OpenCV samples at positions rounded to 1/32
  // px and with weights rounded to 1/1024 (its fixed-point remap tables); grid_sample does both
  // in float. On an edge of full contrast a 1/64 px offset in x and in y changes a pixel by up to
  // ~0.03, so single pixels on edges may differ by that much; most pixels lie away from edges,
  // so the mean is ten times smaller (measured: mean <= 0.0015, worst pixel 0.022).
  const FrameWarp warps[] = {{0, 1, 0}, {20, 1, 0}, {-47, 1.1f, 0}, {93, 0.75f, 40}, {0, 1.331f, -120}, {200, 1.21f, 300}, {13.7f, 0.9f, 20}};
  std::ifstream file(STA_SOURCE_DIR "/tests/fixtures/warp_reference.f32", std::ios::binary);
  REQUIRE(file);
  const Image base = sta::data::colourise(pattern(), 30);
  for (const FrameWarp& warp : warps) {
    CAPTURE(warp.degrees);
    CAPTURE(warp.scale);
    CAPTURE(warp.hue_degrees);
    Image reference(28, 28);
    file.read(reinterpret_cast<char*>(reference.values.data()), reference.values.size() * sizeof(float));
    REQUIRE(file);
    const Image ours = render(base, warp);
    double mean = 0.0;
    for (size_t i = 0; i < ours.values.size(); ++i) mean += std::fabs(ours.values[i] - reference.values[i]);
    mean /= ours.values.size();
    CHECK(mean < 3e-3);
    CHECK(max_difference(ours, reference) < 0.035);
  }
}
