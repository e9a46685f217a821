// Colouring for the image sources (see image_ops.h).
#include "core/data/image_ops.h"

#include <algorithm>
#include <cmath>

namespace sta::data {

std::array<float, 3> hue_colour(double hue_degrees) {
  const double h = std::fmod(std::fmod(hue_degrees, 360.0) + 360.0, 360.0) / 60.0;  // [0,6)
  const auto ramp = [h](double centre) {  // the standard HSV channel ramps at S = V = 1
    return static_cast<float>(std::clamp(std::fabs(std::fmod(h - centre + 6.0, 6.0) - 3.0) - 1.0, 0.0, 1.0));
  };
  return {ramp(0.0), ramp(2.0), ramp(4.0)};  // red, green, blue peak at 0, 120, 240 degrees
}

Image colourise(const GreyImage& grey, double hue_degrees) {
  std::array<float, 3> colour = hue_colour(hue_degrees);
  for (float& c : colour) c *= 1.0f / 255.0f;
  Image rgb(grey.rows, grey.cols);
  for (size_t i = 0; i < grey.values.size(); ++i) {
    const float intensity = grey.values[i];
    for (int c = 0; c < 3; ++c) rgb.values[i * 3 + c] = colour[c] * intensity;
  }
  return rgb;
}

}  // namespace sta::data
