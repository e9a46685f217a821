// The data layer's torch-free door to the warp renderer: the frames of one warped sequence,
// rendered on the CPU by the same code that renders whole batches on the model's device.
#pragma once

#include "core/synth/frame_warp.h"
#include "core/util/image.h"

#include <vector>

namespace sta::synth {

// base: RGB of any square size; one frame per warp, each size x size.
std::vector<Image> render_warped(const Image& base, const std::vector<FrameWarp>& warps, int size);

}  // namespace sta::synth
