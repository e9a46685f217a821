// Image operations of the data generator on float RGB images (CV_32FC3, values in [0,1]):
// colouring grey images, rotation + scaling about the centre, and hue shifts.
#pragma once

#include <opencv2/core.hpp>

namespace sta::data {

// RGB of the fully saturated, full-value colour with this hue (degrees, any value).
cv::Vec3f hue_colour(double hue_degrees);

// Grey image (CV_8UC1, 0..255) -> CV_32FC3 with pixel = intensity x hue_colour(hue_degrees).
cv::Mat colourise(const cv::Mat& grey, double hue_degrees);

// Rotates by `degrees` (counter-clockwise) and scales by `scale` about the image centre in one
// bilinear warp; uncovered pixels are black.
cv::Mat rotate_scale(const cv::Mat& image, double degrees, double scale);

// Rotates every pixel's RGB about the grey axis by `degrees` (red towards green), then clamps to
// [0, 1]: the mean over channels is kept (before clamping), so a hue change never looks like a
// change of brightness or size.
cv::Mat shift_hue(const cv::Mat& image, double degrees);

}  // namespace sta::data
