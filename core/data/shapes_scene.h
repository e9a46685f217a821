// A Shapes3D-like scene renderer: a room corner (floor, back wall, side wall) with one object
// (cube, cylinder, sphere or pill) standing on the floor, ray-cast analytically with Lambert
// shading, a specular highlight and a cast shadow. Images are a pure function of the factors.
#pragma once

#include <opencv2/core.hpp>

#include <cstdint>
#include <string>

namespace sta::data {

enum class ObjectShape { Cube, Cylinder, Sphere, Pill };
constexpr int kObjectShapeCount = 4;

std::string shape_name(ObjectShape shape);

struct SceneFactors {
  double floor_hue = 0;   // degrees
  double wall_hue = 0;    // degrees
  double object_hue = 0;  // degrees
  double scale = 1;       // object size; 1 is about a third of the image height
  ObjectShape shape = ObjectShape::Cube;
};

// Renders scenes of one size (2x2 supersampled). The room's geometry is computed once; what
// depends on the object (shape, scale) is a Layout, which frames that differ only in hues share.
class SceneRenderer {
 public:
  explicit SceneRenderer(int size);

  struct Layout {
    cv::Mat surface;    // CV_8UC1 per subsample: kFloor, kWall or kObject
    cv::Mat light;      // CV_32FC1 multiplier of the surface colour
    cv::Mat highlight;  // CV_32FC1 white specular added on top
  };
  enum Surface : uint8_t { kFloor, kWall, kObject };

  Layout layout(ObjectShape shape, double scale) const;
  // The image (size x size CV_32FC3 RGB in [0,1]) of a layout painted with these hues.
  cv::Mat paint(const Layout& layout, double floor_hue, double wall_hue, double object_hue) const;

 private:
  int size_;
  cv::Mat directions_;  // CV_64FC3 primary ray direction per subsample
  Layout room_;         // the room without an object, every surface lit
  cv::Mat points_;      // CV_64FC3 room point seen by each subsample
  cv::Mat shade_;       // CV_32FC1 light of each room point when it lies in shadow
};

}  // namespace sta::data
