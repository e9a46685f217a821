// Checks and converts the frames handed to the writers into 8-bit RGB enlarged by a whole factor.
#pragma once

#include "core/util/image.h"

#include <vector>

namespace sta::exporting {

// Throws ExportError naming the offending frame (empty list, empty frame, size mismatch, bad scale).
std::vector<Rgb8Image> prepare_frames(const std::vector<Image>& frames, int scale);

// Input: RGB images of one size with values in [0, 1] (the data layer's and the decoder's format);
// enlargement is nearest-neighbour.
// Each pixel repeated scale x scale times (scale >= 1).
template <typename T, int C>
Raster<T, C> enlarge(const Raster<T, C>& image, int scale) {
  if (scale == 1) return image;
  Raster<T, C> out(image.rows * scale, image.cols * scale);
  for (int y = 0; y < out.rows; ++y)
    for (int x = 0; x < out.cols; ++x) {
      const T* from = image.pixel(y / scale, x / scale);
      T* to = out.pixel(y, x);
      for (int c = 0; c < C; ++c) to[c] = from[c];
    }
  return out;
}

}  // namespace sta::exporting
