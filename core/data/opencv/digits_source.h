// `digits`: procedural 28x28 digits 0-9 drawn with OpenCV's Hershey fonts in several faces,
// sizes and stroke widths with small random offsets. Needs no files; item id -> image is a
// pure function.
#pragma once

#include "core/data/scene_source.h"

#include <memory>

namespace sta::data {

std::shared_ptr<SceneSource> make_digits_source();

}  // namespace sta::data
