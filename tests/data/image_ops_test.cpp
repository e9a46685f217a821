// Image operations: full turns and unit scale reproduce the image, quarter turns and other
// scales move pixels where they should, colouring and hue shifts give the expected colours.
#include "core/data/image_ops.h"

#include <doctest/doctest.h>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

using namespace sta::data;

namespace {

// An asymmetric grey test image: a bright "L" and a gradient patch.
cv::Mat test_grey() {
  cv::Mat grey(28, 28, CV_8UC1, cv::Scalar(0));
  cv::rectangle(grey, cv::Rect(6, 4, 4, 18), cv::Scalar(255), cv::FILLED);
  cv::rectangle(grey, cv::Rect(6, 18, 12, 4), cv::Scalar(200), cv::FILLED);
  for (int x = 14; x < 22; ++x) cv::line(grey, {x, 6}, {x, 10}, cv::Scalar(20 * (x - 12)));
  return grey;
}

double max_difference(const cv::Mat& a, const cv::Mat& b) { return cv::norm(a, b, cv::NORM_INF); }

}  // namespace

TEST_CASE("hue_colour gives the fully saturated colour wheel") {
  const auto near = [](cv::Vec3f a, cv::Vec3f b) { return cv::norm(a - b) < 1e-5; };
  CHECK(near(hue_colour(0), {1, 0, 0}));
  CHECK(near(hue_colour(60), {1, 1, 0}));
  CHECK(near(hue_colour(120), {0, 1, 0}));
  CHECK(near(hue_colour(180), {0, 1, 1}));
  CHECK(near(hue_colour(240), {0, 0, 1}));
  CHECK(near(hue_colour(-120), {0, 0, 1}));
  CHECK(near(hue_colour(30), {1, 0.5f, 0}));
}

TEST_CASE("colourise makes pixel = intensity x colour") {
  cv::Mat grey(1, 2, CV_8UC1);
  grey.at<uint8_t>(0, 0) = 255;
  grey.at<uint8_t>(0, 1) = 51;
  const cv::Mat rgb = colourise(grey, 240);
  REQUIRE(rgb.type() == CV_32FC3);
  CHECK(cv::norm(rgb.at<cv::Vec3f>(0, 0) - cv::Vec3f(0, 0, 1)) < 1e-6);
  CHECK(cv::norm(rgb.at<cv::Vec3f>(0, 1) - cv::Vec3f(0, 0, 0.2f)) < 1e-6);
}

TEST_CASE("rotation: 360 degrees reproduces the image, 90 degrees is an exact quarter turn") {
  const cv::Mat image = colourise(test_grey(), 30);
  CHECK(max_difference(rotate_scale(image, 360, 1), image) < 1e-4);
  CHECK(max_difference(rotate_scale(image, 0, 1), image) < 1e-6);

  const cv::Mat quarter = rotate_scale(image, 90, 1);
  CHECK(max_difference(quarter, image) > 0.5);  // a quarter turn really moves the image
  cv::Mat expected;
  cv::rotate(image, expected, cv::ROTATE_90_COUNTERCLOCKWISE);
  CHECK(max_difference(quarter, expected) < 1e-4);
}

TEST_CASE("scaling about the centre: 1 reproduces, 2 doubles distances from the centre") {
  const cv::Mat image = colourise(test_grey(), 200);
  CHECK(max_difference(rotate_scale(image, 0, 1), image) < 1e-6);
  CHECK(max_difference(rotate_scale(image, 0, 1.5), image) > 0.5);

  // On a 29x29 image (centre 14, 14) a bright pixel at offset (3, -1) moves to offset (6, -2).
  cv::Mat dot(29, 29, CV_8UC1, cv::Scalar(0));
  dot.at<uint8_t>(13, 17) = 255;
  const cv::Mat scaled = rotate_scale(colourise(dot, 0), 0, 2);
  CHECK(scaled.at<cv::Vec3f>(12, 20)[0] == doctest::Approx(1.0).epsilon(1e-4));
  CHECK(scaled.at<cv::Vec3f>(13, 17)[0] < 0.01f);
}

TEST_CASE("hue shift rotates about the grey axis: 360 degrees reproduces, 120 turns red into green") {
  const cv::Mat image = colourise(test_grey(), 10);
  CHECK(max_difference(shift_hue(image, 360), image) < 1e-4);
  CHECK(max_difference(shift_hue(image, -360), image) < 1e-4);
  CHECK(max_difference(shift_hue(image, 120), image) > 0.5);

  const cv::Mat red = colourise(cv::Mat(2, 2, CV_8UC1, cv::Scalar(255)), 0);
  const cv::Vec3f green = shift_hue(red, 120).at<cv::Vec3f>(0, 0);
  CHECK(cv::norm(green - cv::Vec3f(0, 1, 0)) < 1e-4);
  // Half-way, red (1, 0, 0) turns to (2/3, 2/3, -1/3): clamped to (2/3, 2/3, 0).
  const cv::Vec3f halfway = shift_hue(red, 60).at<cv::Vec3f>(0, 0);
  CHECK(cv::norm(halfway - cv::Vec3f(2.0f / 3, 2.0f / 3, 0)) < 1e-4);
  // Grey is the axis: it never changes, and in-gamut colours keep their mean over channels.
  cv::Mat grey(2, 2, CV_32FC3, cv::Scalar(0.4, 0.4, 0.4));
  CHECK(max_difference(shift_hue(grey, 75), grey) < 1e-6);
  cv::Mat muted(2, 2, CV_32FC3, cv::Scalar(0.5, 0.4, 0.3));
  const cv::Vec3f turned = shift_hue(muted, 75).at<cv::Vec3f>(0, 0);
  CHECK(turned[0] + turned[1] + turned[2] == doctest::Approx(1.2).epsilon(1e-5));
}
