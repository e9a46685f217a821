// `shapes`: procedural Shapes3D-like 64x64 scenes whose floor, wall and object hues and object scale change.
#pragma once

#include "core/data/scene_source.h"

#include <memory>

namespace sta::data {

std::vector<std::string> shapes_transforms();
// Each item id fixes the factors (floor, wall and object hue, object scale, object shape); a sequence
// re-renders the scene each step with the accumulated changes: floor-hue, wall-hue, object-hue
// (20 degrees per unit speed) and scale (factor 1 + 0.1 x accumulated speed).
std::shared_ptr<SceneSource> make_shapes_source();

}  // namespace sta::data
