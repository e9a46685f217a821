// Colour reduction for GIF frames: median cut, then nearest palette colour per pixel.
#pragma once

#include "core/util/image.h"

#include <array>
#include <vector>

namespace sta::exporting {

struct IndexedImage {
  std::vector<std::array<uint8_t, 3>> palette;  // RGB, 1..max_colours entries
  GreyImage indices;                            // the image's size: palette index of each pixel
};

// Median cut over an image's distinct colours (weighted by pixel count) chooses at most `max_colours`
// palette colours, then every pixel takes the index of its nearest palette colour (squared RGB
// distance). An image with no more distinct colours than the palette holds keeps them exactly.
// rgb8: non-empty; max_colours: 1..256.
IndexedImage quantise(const Rgb8Image& rgb8, int max_colours = 256);

}  // namespace sta::exporting
