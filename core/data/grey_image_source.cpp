// Frame warps of the grey-image sources (see grey_image_source.h).
#include "core/data/grey_image_source.h"

namespace sta::data {

std::vector<std::string> image_transforms() { return {"rotate", "scale", "hue"}; }

std::vector<synth::FrameWarp> frame_warps(const std::vector<std::string>& names, const std::vector<std::vector<float>>& params) {
  const auto column = [&](const char* name) {
    for (size_t m = 0; m < names.size(); ++m) {
      if (names[m] == name) return static_cast<int>(m);
    }
    return -1;
  };
  const int rotate = column("rotate"), scale = column("scale"), hue = column("hue");
  std::vector<synth::FrameWarp> warps;
  warps.reserve(params.size());
  for (const auto& p : params) {
    synth::FrameWarp warp;
    if (rotate >= 0) warp.degrees = static_cast<float>(kDegreesPerSpeed * p[rotate]);
    if (scale >= 0) warp.scale = static_cast<float>(scale_factor(p[scale]));
    if (hue >= 0) warp.hue_degrees = static_cast<float>(kDegreesPerSpeed * p[hue]);
    warps.push_back(warp);
  }
  return warps;
}

}  // namespace sta::data
