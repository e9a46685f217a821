// Colouring, warping and hue shifting for the image sources (see image_ops.h).
#include "core/data/image_ops.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace sta::data {

cv::Vec3f hue_colour(double hue_degrees) {
  const double h = std::fmod(std::fmod(hue_degrees, 360.0) + 360.0, 360.0) / 60.0;  // [0,6)
  const auto ramp = [h](double centre) {  // the standard HSV channel ramps at S = V = 1
    return static_cast<float>(std::clamp(std::fabs(std::fmod(h - centre + 6.0, 6.0) - 3.0) - 1.0, 0.0, 1.0));
  };
  return {ramp(0.0), ramp(2.0), ramp(4.0)};  // red, green, blue peak at 0, 120, 240 degrees
}

cv::Mat colourise(const cv::Mat& grey, double hue_degrees) {
  CV_Assert(grey.type() == CV_8UC1);
  const cv::Vec3f colour = hue_colour(hue_degrees) * (1.0f / 255.0f);
  cv::Mat rgb(grey.size(), CV_32FC3);
  for (int y = 0; y < grey.rows; ++y) {
    const uint8_t* in = grey.ptr<uint8_t>(y);
    auto* out = rgb.ptr<cv::Vec3f>(y);
    for (int x = 0; x < grey.cols; ++x) out[x] = colour * static_cast<float>(in[x]);
  }
  return rgb;
}

cv::Mat rotate_scale(const cv::Mat& image, double degrees, double scale) {
  const cv::Point2f centre((image.cols - 1) * 0.5f, (image.rows - 1) * 0.5f);
  cv::Mat warped;
  cv::warpAffine(image, warped, cv::getRotationMatrix2D(centre, degrees, scale), image.size(),
                 cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar::all(0));
  return warped;
}

cv::Mat shift_hue(const cv::Mat& image, double degrees) {
  CV_Assert(image.type() == CV_32FC3);
  // Rotation of RGB about the grey axis (1, 1, 1) / sqrt(3) by Rodrigues' formula:
  // c I + s [n]x + (1 - c) n n^T; it keeps every pixel's mean over channels.
  const double radians = degrees * M_PI / 180.0, c = std::cos(radians), s = std::sin(radians) / std::sqrt(3.0);
  const double a = c + (1 - c) / 3, b = (1 - c) / 3;
  const cv::Matx33f rotation(a, b - s, b + s,  //
                             b + s, a, b - s,  //
                             b - s, b + s, a);
  cv::Mat rotated;
  cv::transform(image, rotated, rotation);
  return cv::min(cv::max(rotated, 0.0), 1.0);
}

}  // namespace sta::data
