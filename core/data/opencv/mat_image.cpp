// cv::Mat <-> Image copies (see mat_image.h).
#include "core/data/opencv/mat_image.h"

#include <cstring>
#include <stdexcept>

namespace sta::data {
namespace {

template <typename Raster>
cv::Mat copy_to_mat(const Raster& image, int type) {
  cv::Mat out(image.rows, image.cols, type);
  if (!image.empty()) std::memcpy(out.data, image.values.data(), image.values.size() * sizeof(image.values[0]));
  return out;
}

template <typename Raster, typename T>
Raster copy_from_mat(const cv::Mat& mat) {
  const cv::Mat dense = mat.isContinuous() ? mat : mat.clone();
  Raster out(dense.rows, dense.cols);
  if (!out.empty()) std::memcpy(out.values.data(), dense.ptr<T>(), out.values.size() * sizeof(T));
  return out;
}

}  // namespace

cv::Mat to_mat(const Image& image) { return copy_to_mat(image, CV_32FC3); }
cv::Mat to_mat(const Rgb8Image& image) { return copy_to_mat(image, CV_8UC3); }

Image to_image(const cv::Mat& rgb) {
  if (rgb.empty()) return Image();
  if (rgb.type() == CV_32FC3) return copy_from_mat<Image, float>(rgb);
  if (rgb.type() == CV_8UC3) {
    cv::Mat scaled;
    rgb.convertTo(scaled, CV_32FC3, 1.0 / 255.0);
    return copy_from_mat<Image, float>(scaled);
  }
  throw std::invalid_argument("an RGB image must be CV_32FC3 or CV_8UC3, not " + cv::typeToString(rgb.type()));
}

GreyImage to_grey(const cv::Mat& grey8) {
  if (grey8.type() != CV_8UC1) throw std::invalid_argument("a grey image must be CV_8UC1, not " + cv::typeToString(grey8.type()));
  return copy_from_mat<GreyImage, uint8_t>(grey8);
}

}  // namespace sta::data
