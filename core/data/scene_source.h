// What a transformable source provides to the sequence generator: its items per split, and rendered
// frames (FrameSource) or grey images to colour and warp (GreyImageSource).
#pragma once

#include "core/data/dataset.h"
#include "core/data/random.h"

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace sta::data {

// Physical change per unit of speed, shared by every source: hue and rotation in degrees. Images
// scale by a compounding factor (1 + kScalePerSpeed) per unit of accumulated speed, so that every
// step at speed 1 scales by exactly 1 + 0.1 (spec section 1) however large the frame already is;
// the shapes scenes grow their object by 1 + kScalePerSpeed x accumulated speed, which keeps it
// inside the room.
constexpr double kDegreesPerSpeed = 20.0;
constexpr double kScalePerSpeed = 0.1;
inline double scale_factor(double accumulated_speed) { return std::pow(1.0 + kScalePerSpeed, accumulated_speed); }

// Either frames it renders itself from accumulated transformation parameters (FrameSource: the
// procedural shapes scenes) or one grey image per item that the generator colours and warps
// (GreyImageSource, grey_image_source.h: IDX files, procedural digits).
class SceneSource {
 public:
  virtual ~SceneSource() = default;
  virtual int native_size() const = 0;
  // Transformations it understands; the default set is all of them.
  virtual std::vector<std::string> transforms() const = 0;
  virtual int64_t count(Split split) const = 0;  // > 0 for both splits
  // Item id of the k-th item of a split (0 <= k < count); ids of the two splits never meet.
  virtual int64_t item_id(Split split, int64_t k) const = 0;
  virtual std::string describe(int64_t item) const = 0;  // for labels, e.g. "image 3401"
};

class FrameSource : public SceneSource {
 public:
  // Frames (RGB, size x size) for params[frame][m], the accumulated speed of transformation
  // names[m]; rng draws per-sequence appearance.
  virtual std::vector<Image> render(int64_t item, const std::vector<std::string>& names,
                                    const std::vector<std::vector<float>>& params, Random& rng, int size) const = 0;
};

}  // namespace sta::data
