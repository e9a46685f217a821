// Common base of the grey-image sources (IDX files, procedural digits): colours each item with
// a per-sequence hue, then renders every frame from the original by one rotate+scale warp and
// a hue shift, so frames never blur (spec section 1).
#pragma once

#include "core/data/scene_source.h"

namespace sta::data {

// rotate: speed x 20 degrees; scale: factor 1.1^speed, compounding; hue: speed x 20 degrees.
std::vector<std::string> image_transforms();

class GreyImageSource : public SceneSource {
 public:
  std::vector<std::string> transforms() const final { return image_transforms(); }
  std::vector<cv::Mat> render(int64_t item, const std::vector<std::string>& names,
                              const std::vector<std::vector<float>>& params, Random& rng) const final;

 protected:
  virtual cv::Mat grey(int64_t item) const = 0;  // CV_8UC1, native_size() square
};

}  // namespace sta::data
