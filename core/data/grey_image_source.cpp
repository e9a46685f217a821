// Rendering of transformed frames for the grey-image sources (see grey_image_source.h).
#include "core/data/grey_image_source.h"

#include "core/data/image_ops.h"

namespace sta::data {

std::vector<std::string> image_transforms() { return {"rotate", "scale", "hue"}; }

std::vector<cv::Mat> GreyImageSource::render(int64_t item, const std::vector<std::string>& names,
                                             const std::vector<std::vector<float>>& params,
                                             Random& rng) const {
  const cv::Mat original = colourise(grey(item), rng.uniform(0.0, 360.0));
  const auto column = [&](const char* name) {
    for (size_t m = 0; m < names.size(); ++m) {
      if (names[m] == name) return static_cast<int>(m);
    }
    return -1;
  };
  const int rotate = column("rotate"), scale = column("scale"), hue = column("hue");

  std::vector<cv::Mat> frames;
  frames.reserve(params.size());
  for (const auto& p : params) {
    const double degrees = rotate >= 0 ? kDegreesPerSpeed * p[rotate] : 0.0;
    const double factor = scale >= 0 ? scale_factor(p[scale]) : 1.0;
    cv::Mat frame = degrees != 0.0 || factor != 1.0 ? rotate_scale(original, degrees, factor) : original.clone();
    if (hue >= 0 && p[hue] != 0.0f) frame = shift_hue(frame, kDegreesPerSpeed * p[hue]);
    frames.push_back(frame);
  }
  return frames;
}

}  // namespace sta::data
