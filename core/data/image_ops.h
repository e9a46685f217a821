// Colouring of the grey images of the image sources: a fully saturated hue times intensity.
// (Rotation, scaling and hue turns are rendered by torch, core/synth/warp_renderer.h.)
#pragma once

#include "core/util/image.h"

#include <array>

namespace sta::data {

// RGB of the fully saturated, full-value colour with this hue (degrees, any value).
std::array<float, 3> hue_colour(double hue_degrees);

// Grey image (0..255) -> RGB with pixel = intensity / 255 x hue_colour(hue_degrees).
Image colourise(const GreyImage& grey, double hue_degrees);

}  // namespace sta::data
