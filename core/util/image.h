// The picture types of the data layer, free of OpenCV and torch so that the model, the trainer and GIF
// export build without either.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace sta {

// Row-major with interleaved channels. Image is float RGB in [0, 1] (every frame of a sequence, every
// decoded picture), Rgb8Image is 8-bit RGB (what the writers encode), GreyImage one 8-bit channel
// (the items of the image sources).
template <typename T, int Channels>
struct Raster {
  static constexpr int channels = Channels;
  int rows = 0, cols = 0;
  std::vector<T> values;  // rows * cols * Channels

  Raster() = default;
  Raster(int rows_, int cols_, T fill = T{})
      : rows(rows_), cols(cols_), values(static_cast<size_t>(rows_) * cols_ * Channels, fill) {}

  bool empty() const { return values.empty(); }
  bool same_size(int r, int c) const { return rows == r && cols == c; }
  T* pixel(int y, int x) { return values.data() + (static_cast<size_t>(y) * cols + x) * Channels; }
  const T* pixel(int y, int x) const { return values.data() + (static_cast<size_t>(y) * cols + x) * Channels; }
};

using Image = Raster<float, 3>;

// Sum of absolute differences over every value of two images of one size.
inline double l1_distance(const Image& a, const Image& b) {
  double sum = 0.0;
  for (size_t i = 0; i < a.values.size() && i < b.values.size(); ++i) sum += std::fabs(a.values[i] - b.values[i]);
  return sum;
}
using Rgb8Image = Raster<uint8_t, 3>;
using GreyImage = Raster<uint8_t, 1>;

}  // namespace sta
