// Median-cut palette: never more colours than asked for, exact when the image has few enough,
// and every pixel mapped to its nearest palette colour.
#include "core/export/export_error.h"
#include "core/export/palette.h"

#include "support/images.h"
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

using sta::exporting::quantise;

namespace {

int squared_distance(const cv::Vec3b& a, const std::array<uint8_t, 3>& b) {
  int sum = 0;
  for (int c = 0; c < 3; ++c) sum += (a[c] - b[c]) * (a[c] - b[c]);
  return sum;
}

}  // namespace

TEST_CASE("every pixel takes its nearest palette colour, and the palette is no larger than asked") {
  cv::Mat image(40, 50, CV_8UC3);
  cv::randu(image, 0, 256);  // ~2000 distinct colours
  for (int colours : {1, 7, 256}) {
    CAPTURE(colours);
    const auto indexed = quantise(sta::test::rgb8(image), colours);
    CHECK(static_cast<int>(indexed.palette.size()) == colours);
    REQUIRE(indexed.indices.same_size(image.rows, image.cols));
    for (int y = 0; y < image.rows; ++y) {
      for (int x = 0; x < image.cols; ++x) {
        const cv::Vec3b pixel = image.at<cv::Vec3b>(y, x);
        const int index = indexed.indices.pixel(y, x)[0];
        REQUIRE(index < colours);
        int best = squared_distance(pixel, indexed.palette[0]);
        for (const auto& entry : indexed.palette) best = std::min(best, squared_distance(pixel, entry));
        REQUIRE(squared_distance(pixel, indexed.palette[index]) == best);
      }
    }
  }
}

TEST_CASE("an image with no more colours than the palette holds keeps them exactly") {
  const std::vector<cv::Vec3b> colours = {{0, 0, 0}, {255, 255, 255}, {255, 0, 0}, {0, 255, 0}, {10, 20, 30}};
  cv::Mat image(10, 10, CV_8UC3);
  for (int i = 0; i < 100; ++i) image.at<cv::Vec3b>(i / 10, i % 10) = colours[(i * 7) % colours.size()];
  const auto exact = quantise(sta::test::rgb8(image), 5);
  CHECK(exact.palette.size() == 5);
  for (int i = 0; i < 100; ++i) {
    const auto entry = exact.palette[exact.indices.pixel(i / 10, i % 10)[0]];
    CHECK(cv::Vec3b(entry[0], entry[1], entry[2]) == image.at<cv::Vec3b>(i / 10, i % 10));
  }

  // One colour fewer than needed: four entries, the two closest colours (black and the dark
  // grey-blue) share one.
  const auto merged = quantise(sta::test::rgb8(image), 4);
  CHECK(merged.palette.size() == 4);
  const auto index_at = [&](int i) { return merged.indices.pixel(i / 10, i % 10)[0]; };
  std::set<int> used;
  for (int i = 0; i < 100; ++i) used.insert(index_at(i));
  CHECK(used.size() == 4);
  CHECK(index_at(0) == index_at(4 * 3));  // pixel 0 is colour 0; pixel 12 is colour (84 % 5) = 4
}

TEST_CASE("quantise refuses images it cannot index") {
  CHECK_THROWS_AS(quantise(sta::Rgb8Image(), 256), sta::exporting::ExportError);
  CHECK_THROWS_AS(quantise(sta::Rgb8Image(4, 4), 0), sta::exporting::ExportError);
  CHECK_THROWS_AS(quantise(sta::Rgb8Image(4, 4), 257), sta::exporting::ExportError);
}
