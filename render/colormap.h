// Colour maps for heat maps: diverging (divergence, curl, potential) and sequential (speed).
#pragma once

#include "render/colour.h"

#include <vector>

namespace sta::render {

// Diverging maps have zero in the middle. Both are dark where values are small, so that bright
// streamlines stay readable on top. The heat-map shader reads the same tables through a lookup texture.
enum class ColorMap { Diverging, Sequential };

// Colour at t in [0, 1] (clamped): the map's low end at 0, its high end at 1.
Rgba colormap(ColorMap map, float t);

// `size` RGB float triples sampling the map evenly from t = 0 to t = 1.
std::vector<float> colormap_table(ColorMap map, int size);

}  // namespace sta::render
