// The shapes source (see shapes_source.h): item id -> factors, factors + parameters -> frames.
#include "core/data/opencv/shapes_source.h"

#include "core/data/opencv/mat_image.h"
#include "core/data/opencv/shapes_scene.h"
#include "core/data/procedural_ids.h"

#include <opencv2/imgproc.hpp>

namespace sta::data {
namespace {

constexpr int kSize = 64;
constexpr uint64_t kShapesSalt = 0x5A4B'E5ull;

// The factors of a scene; an item fixes them, a sequence changes all but the shape.
struct SceneFactors {
  double floor_hue = 0;   // degrees
  double wall_hue = 0;    // degrees
  double object_hue = 0;  // degrees
  double scale = 1;       // object size factor
  ObjectShape shape = ObjectShape::Cube;
};

SceneFactors item_factors(int64_t item) {
  Random rng(hash_seed({kShapesSalt, static_cast<uint64_t>(item)}));
  SceneFactors f;
  f.floor_hue = rng.uniform(0.0, 360.0);
  f.wall_hue = rng.uniform(0.0, 360.0);
  f.object_hue = rng.uniform(0.0, 360.0);
  f.scale = rng.uniform(0.75, 1.25);
  f.shape = static_cast<ObjectShape>(rng.below(kObjectShapeCount));
  return f;
}

class ShapesSource final : public FrameSource {
 public:
  int native_size() const override { return kSize; }
  std::vector<std::string> transforms() const override { return shapes_transforms(); }
  int64_t count(Split split) const override { return procedural_count(split); }
  int64_t item_id(Split split, int64_t k) const override { return procedural_item_id(split, k); }
  std::string describe(int64_t item) const override {
    return shape_name(item_factors(item).shape) + " (item " + std::to_string(item) + ")";
  }

  std::vector<Image> render(int64_t item, const std::vector<std::string>& names,
                            const std::vector<std::vector<float>>& params, Random&, int size) const override {
    const SceneFactors base = item_factors(item);
    std::vector<Image> frames;
    frames.reserve(params.size());
    SceneRenderer::Layout layout;
    double layout_scale = 0;
    for (const auto& p : params) {
      SceneFactors f = base;
      for (size_t m = 0; m < names.size(); ++m) {
        if (names[m] == "floor-hue") f.floor_hue += kDegreesPerSpeed * p[m];
        if (names[m] == "wall-hue") f.wall_hue += kDegreesPerSpeed * p[m];
        if (names[m] == "object-hue") f.object_hue += kDegreesPerSpeed * p[m];
        if (names[m] == "scale") f.scale *= 1.0 + kScalePerSpeed * p[m];
      }
      if (layout.surface.empty() || f.scale != layout_scale) {  // hue-only steps reuse the layout
        layout = renderer_.layout(f.shape, f.scale);
        layout_scale = f.scale;
      }
      cv::Mat frame = renderer_.paint(layout, f.floor_hue, f.wall_hue, f.object_hue);
      if (size != kSize)
        cv::resize(frame, frame, cv::Size(size, size), 0, 0, size < kSize ? cv::INTER_AREA : cv::INTER_LINEAR);
      frames.push_back(data::to_image(frame));
    }
    return frames;
  }

 private:
  SceneRenderer renderer_{kSize};
};

}  // namespace

std::vector<std::string> shapes_transforms() { return {"floor-hue", "wall-hue", "object-hue", "scale"}; }

std::shared_ptr<SceneSource> make_shapes_source() { return std::make_shared<ShapesSource>(); }

}  // namespace sta::data
