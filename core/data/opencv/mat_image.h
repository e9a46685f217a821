// The border between OpenCV and the rest of the code: copies between cv::Mat and the data
// layer's Image types. Only the OpenCV backends (and the studio) include OpenCV.
#pragma once

#include "core/util/image.h"

#include <opencv2/core.hpp>

namespace sta::data {

cv::Mat to_mat(const Image& image);          // CV_32FC3, RGB
cv::Mat to_mat(const Rgb8Image& image);      // CV_8UC3, RGB
Image to_image(const cv::Mat& rgb);          // from CV_32FC3 (as is) or CV_8UC3 (divided by 255)
GreyImage to_grey(const cv::Mat& grey8);     // from CV_8UC1

}  // namespace sta::data
