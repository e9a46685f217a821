// `digits`: procedural 28x28 digits 0-9 drawn with OpenCV's Hershey fonts; needs no files.
#pragma once

#include "core/data/scene_source.h"

#include <memory>

namespace sta::data {

// Several faces, sizes and stroke widths with small random offsets; item id -> image is a pure function.
std::shared_ptr<SceneSource> make_digits_source();

}  // namespace sta::data
