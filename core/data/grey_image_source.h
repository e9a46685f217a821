// Common base of the grey-image sources (IDX files, procedural digits): each frame is one warp of the
// coloured original, rendered by torch (core/synth).
#pragma once

#include "core/data/scene_source.h"

namespace sta::data {

// rotate: speed x 20 degrees; scale: factor 1.1^speed, compounding; hue: speed x 20 degrees.
std::vector<std::string> image_transforms();

// Each sequence colours its item with a hue drawn per sequence, and every frame is one warp of that
// coloured original (rotation + scaling about the centre, then a hue turn), so frames never blur
// (spec section 1). The warps are rendered by torch, batched on the model's device.
class GreyImageSource : public SceneSource {
 public:
  std::vector<std::string> transforms() const final { return image_transforms(); }
  virtual GreyImage grey(int64_t item) const = 0;  // native_size() square
};

// The warp of each frame from the accumulated parameters params[frame][m] of names[m].
std::vector<synth::FrameWarp> frame_warps(const std::vector<std::string>& names, const std::vector<std::vector<float>>& params);

}  // namespace sta::data
