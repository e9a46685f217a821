// Test helpers between OpenCV pictures (easy to draw and check in tests) and the data layer's
// Image types that the writers and the model take.
#pragma once

#include "core/data/opencv/mat_image.h"

#include <vector>

namespace sta::test {

inline std::vector<Image> images(const std::vector<cv::Mat>& mats) {
  std::vector<Image> out;
  for (const cv::Mat& mat : mats) out.push_back(data::to_image(mat));
  return out;
}

inline Rgb8Image rgb8(const cv::Mat& mat) {
  CV_Assert(mat.type() == CV_8UC3);
  Rgb8Image out(mat.rows, mat.cols);
  for (int y = 0; y < mat.rows; ++y)
    for (int x = 0; x < mat.cols; ++x)
      for (int c = 0; c < 3; ++c) out.pixel(y, x)[c] = mat.at<cv::Vec3b>(y, x)[c];
  return out;
}

}  // namespace sta::test
