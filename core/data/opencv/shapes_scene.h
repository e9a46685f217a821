// A Shapes3D-like scene renderer: a room corner with one object standing on the floor, ray-cast analytically.
#pragma once

#include <opencv2/core.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace sta::data {

enum class ObjectShape { Cube, Cylinder, Sphere, Pill };
constexpr int kObjectShapeCount = 4;

std::string shape_name(ObjectShape shape);

// Floor, back wall and side wall, with one object (cube, cylinder, sphere or pill), Lambert shading, a
// specular highlight and a cast shadow. Images are a pure function of shape, scale (1: the object is
// about a quarter of the image high) and the floor, wall and object hues.
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
  struct Subsample {       // what never changes for one subsample of the image
    cv::Vec3d direction;   // of the primary ray
    cv::Vec3d room_point;  // where it meets the room
    float view_reach;      // closest approach of the primary ray to the object's axis
    float shadow_reach;    // same for the ray from room_point towards the light
    float shadow_light;    // light of room_point when it lies in shadow
  };
  int size_;
  std::vector<Subsample> pixels_;
  Layout room_;  // the room without an object, every surface lit
};

}  // namespace sta::data
