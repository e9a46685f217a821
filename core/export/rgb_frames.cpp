// Frame checking and conversion for the writers (see rgb_frames.h).
#include "core/export/rgb_frames.h"

#include "core/export/export_error.h"
#include "core/export/export_options.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace sta::exporting {
namespace {

std::string size_text(const Image& m) { return std::to_string(m.cols) + "x" + std::to_string(m.rows); }

uint8_t to_byte(float value) {  // rounds to nearest; out-of-range and NaN saturate
  const float scaled = std::nearbyint(value * 255.0f);
  return static_cast<uint8_t>(scaled >= 255.0f ? 255.0f : (scaled > 0.0f ? scaled : 0.0f));
}

}  // namespace

std::vector<Rgb8Image> prepare_frames(const std::vector<Image>& frames, int scale) {
  if (frames.empty()) throw ExportError("no frames to write");
  check_scale(scale);
  std::vector<Rgb8Image> out;
  for (size_t i = 0; i < frames.size(); ++i) {
    const Image& frame = frames[i];
    const std::string name = "frame " + std::to_string(i);
    if (frame.empty()) throw ExportError(name + " is empty");
    if (!frame.same_size(frames.front().rows, frames.front().cols))
      throw ExportError(name + " is " + size_text(frame) + " px but frame 0 is " + size_text(frames.front()) + " px");
    Rgb8Image rgb8(frame.rows, frame.cols);
    std::transform(frame.values.begin(), frame.values.end(), rgb8.values.begin(), to_byte);
    out.push_back(enlarge(rgb8, scale));
  }
  return out;
}

}  // namespace sta::exporting
