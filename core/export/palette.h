// Colour reduction for GIF frames: median cut over an image's distinct colours (weighted by
// pixel count) chooses at most `max_colours` palette colours, then every pixel takes the index
// of its nearest palette colour (squared RGB distance). An image with no more distinct colours
// than the palette holds keeps them exactly.
#pragma once

#include <opencv2/core.hpp>

#include <vector>

namespace sta::exporting {

struct IndexedImage {
  std::vector<cv::Vec3b> palette;  // RGB, 1..max_colours entries
  cv::Mat indices;                 // CV_8UC1, the image's size: palette index of each pixel
};

// rgb8: non-empty CV_8UC3 RGB; max_colours: 1..256.
IndexedImage quantise(const cv::Mat& rgb8, int max_colours = 256);

}  // namespace sta::exporting
