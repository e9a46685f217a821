// Analytic ray casting of the shapes scene (see shapes_scene.h). World: y up, floor y = 0,
// back wall z = kBackWall, side wall x = kSideWall; the object stands at the origin.
#include "core/data/opencv/shapes_scene.h"

#include "core/data/image_ops.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace sta::data {
namespace {

struct Vec3 {
  double x = 0, y = 0, z = 0;
  Vec3 operator+(const Vec3& o) const { return {x + o.x, y + o.y, z + o.z}; }
  Vec3 operator-(const Vec3& o) const { return {x - o.x, y - o.y, z - o.z}; }
  Vec3 operator*(double s) const { return {x * s, y * s, z * s}; }
};
double dot(const Vec3& a, const Vec3& b) { return a.x * b.x + a.y * b.y + a.z * b.z; }
Vec3 cross(const Vec3& a, const Vec3& b) { return {a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x}; }
Vec3 normalised(const Vec3& v) { return v * (1.0 / std::sqrt(dot(v, v))); }
cv::Vec3d to_cv(const Vec3& v) { return {v.x, v.y, v.z}; }
Vec3 from_cv(const cv::Vec3d& v) { return {v[0], v[1], v[2]}; }

constexpr int kSupersample = 2;
constexpr double kNoHit = std::numeric_limits<double>::infinity();
constexpr double kEpsilon = 1e-6;
constexpr double kBackWall = 3.0;
constexpr double kSideWall = 3.4;
constexpr double kCubeYaw = 0.6;  // radians, so that two faces of the cube show
const Vec3 kEye{-1.3, 2.1, -5.2};
const Vec3 kTarget{0.3, 0.75, 0.6};
constexpr double kFieldOfView = 0.62;  // vertical, radians
const Vec3 kToLight = normalised({-0.55, 1.0, -0.45});

struct Ray {
  Vec3 origin, direction;
  Vec3 at(double t) const { return origin + direction * t; }
};

struct Hit {
  double t = kNoHit;
  Vec3 normal;
  void keep_nearer(double t_new, const Vec3& normal_new) {
    if (t_new > kEpsilon && t_new < t) { t = t_new; normal = normal_new; }
  }
};

void hit_sphere(const Ray& ray, const Vec3& centre, double radius, Hit& hit) {
  const Vec3 oc = ray.origin - centre;
  const double b = dot(oc, ray.direction), c = dot(oc, oc) - radius * radius;
  const double disc = b * b - c;
  if (disc < 0) return;
  const double t = -b - std::sqrt(disc);  // rays start outside every sphere: the entry point
  hit.keep_nearer(t, (ray.at(t) - centre) * (1.0 / radius));
}

// The side of a vertical cylinder about the y axis, between heights y0 and y1.
void hit_cylinder_side(const Ray& ray, double radius, double y0, double y1, Hit& hit) {
  const Vec3& o = ray.origin;
  const Vec3& d = ray.direction;
  const double a = d.x * d.x + d.z * d.z;
  if (a < kEpsilon) return;
  const double b = o.x * d.x + o.z * d.z, c = o.x * o.x + o.z * o.z - radius * radius;
  const double disc = b * b - a * c;
  if (disc < 0) return;
  const double t = (-b - std::sqrt(disc)) / a;
  const double y = o.y + t * d.y;
  if (y >= y0 && y <= y1) hit.keep_nearer(t, Vec3{o.x + t * d.x, 0, o.z + t * d.z} * (1.0 / radius));
}

void hit_cylinder_top(const Ray& ray, double radius, double height, Hit& hit) {
  if (std::fabs(ray.direction.y) < kEpsilon) return;
  const double t = (height - ray.origin.y) / ray.direction.y;
  const Vec3 p = ray.at(t);
  if (p.x * p.x + p.z * p.z <= radius * radius) hit.keep_nearer(t, {0, 1, 0});
}

// A cube of half-size h standing on the floor, turned by kCubeYaw about the y axis.
void hit_cube(const Ray& ray, double h, Hit& hit) {
  const double c = std::cos(kCubeYaw), s = std::sin(kCubeYaw);
  const auto to_local = [&](const Vec3& v) { return Vec3{c * v.x - s * v.z, v.y, s * v.x + c * v.z}; };
  const auto to_world = [&](const Vec3& v) { return Vec3{c * v.x + s * v.z, v.y, -s * v.x + c * v.z}; };
  const Vec3 o = to_local(ray.origin - Vec3{0, h, 0}), d = to_local(ray.direction);
  double near = -kNoHit, far = kNoHit;
  Vec3 normal;
  const double oa[3] = {o.x, o.y, o.z}, da[3] = {d.x, d.y, d.z};
  for (int axis = 0; axis < 3; ++axis) {
    if (std::fabs(da[axis]) < kEpsilon) {
      if (std::fabs(oa[axis]) > h) return;
      continue;
    }
    double t0 = (-h - oa[axis]) / da[axis], t1 = (h - oa[axis]) / da[axis];
    if (t0 > t1) std::swap(t0, t1);
    if (t0 > near) {
      near = t0;
      normal = Vec3{};
      (axis == 0 ? normal.x : axis == 1 ? normal.y : normal.z) = da[axis] > 0 ? -1 : 1;
    }
    far = std::min(far, t1);
  }
  if (near <= far && far > kEpsilon) hit.keep_nearer(near, to_world(normal));
}

Hit hit_object(const Ray& ray, ObjectShape shape, double s) {
  Hit hit;
  switch (shape) {
    case ObjectShape::Cube:
      hit_cube(ray, 0.5 * s, hit);
      break;
    case ObjectShape::Cylinder:
      hit_cylinder_side(ray, 0.5 * s, 0, 1.0 * s, hit);
      hit_cylinder_top(ray, 0.5 * s, 1.0 * s, hit);
      break;
    case ObjectShape::Sphere:
      hit_sphere(ray, {0, 0.6 * s, 0}, 0.6 * s, hit);
      break;
    case ObjectShape::Pill: {
      const double r = 0.38 * s, y0 = r, y1 = 1.35 * s - r;
      hit_cylinder_side(ray, r, y0, y1, hit);
      hit_sphere(ray, {0, y0, 0}, r, hit);
      hit_sphere(ray, {0, y1, 0}, r, hit);
      break;
    }
  }
  return hit;
}

// Radius of a vertical cylinder about the y axis that contains the object.
double horizontal_radius(ObjectShape shape, double s) {
  switch (shape) {
    case ObjectShape::Cube: return 0.5 * std::sqrt(2.0) * s;
    case ObjectShape::Cylinder: return 0.5 * s;
    case ObjectShape::Sphere: return 0.6 * s;
    case ObjectShape::Pill: return 0.38 * s;
  }
  return 0;
}

// Closest horizontal distance to the y axis along a ray (t >= 0). A ray can hit the object only
// if this is within the object's horizontal radius, which makes a cheap first test.
float horizontal_reach(const Ray& ray) {
  const Vec3& o = ray.origin;
  const Vec3& d = ray.direction;
  const double a = d.x * d.x + d.z * d.z;
  const double t = a > kEpsilon ? std::max(0.0, -(o.x * d.x + o.z * d.z) / a) : 0.0;
  return static_cast<float>(std::hypot(o.x + t * d.x, o.z + t * d.z));
}

// Where a ray from inside the room leaves it: floor, back wall or side wall.
Hit hit_room(const Ray& ray) {
  Hit hit;
  const Vec3& o = ray.origin;
  const Vec3& d = ray.direction;
  if (d.y < 0) hit.keep_nearer(-o.y / d.y, {0, 1, 0});
  if (d.z > 0) hit.keep_nearer((kBackWall - o.z) / d.z, {0, 0, -1});
  if (d.x > 0) hit.keep_nearer((kSideWall - o.x) / d.x, {-1, 0, 0});
  return hit;
}

// The colour of a hue at this saturation and full value.
cv::Vec3f tint(double hue_degrees, float saturation) {
  const auto colour = hue_colour(hue_degrees);
  return cv::Vec3f(colour[0], colour[1], colour[2]) * saturation + cv::Vec3f::all(1.0f - saturation);
}

}  // namespace

std::string shape_name(ObjectShape shape) {
  switch (shape) {
    case ObjectShape::Cube: return "cube";
    case ObjectShape::Cylinder: return "cylinder";
    case ObjectShape::Sphere: return "sphere";
    case ObjectShape::Pill: return "pill";
  }
  return "?";
}

SceneRenderer::SceneRenderer(int size) : size_(size) {
  const int n = size * kSupersample;
  const Vec3 forward = normalised(kTarget - kEye);
  const Vec3 right = normalised(cross({0, 1, 0}, forward));
  const Vec3 up = cross(forward, right);
  const double half_extent = std::tan(kFieldOfView / 2);
  pixels_.resize(static_cast<size_t>(n) * n);
  room_ = {cv::Mat(n, n, CV_8UC1), cv::Mat(n, n, CV_32FC1), cv::Mat(n, n, CV_32FC1, cv::Scalar(0))};
  for (int row = 0; row < n; ++row) {
    const double v = (0.5 - (row + 0.5) / n) * 2 * half_extent;
    for (int col = 0; col < n; ++col) {
      const double u = ((col + 0.5) / n - 0.5) * 2 * half_extent;
      const Ray ray{kEye, normalised(forward + right * u + up * v)};
      const Hit hit = hit_room(ray);
      const double falloff = 0.55 + 0.9 / (1.0 + 0.012 * hit.t * hit.t);  // nearer surfaces brighter
      const Ray to_light{ray.at(hit.t), kToLight};
      Subsample& p = pixels_[static_cast<size_t>(row) * n + col];
      p = {to_cv(ray.direction), to_cv(to_light.origin), horizontal_reach(ray), horizontal_reach(to_light),
           static_cast<float>(0.35 * falloff)};
      room_.surface.at<uint8_t>(row, col) = hit.normal.y > 0.5 ? kFloor : kWall;
      room_.light.at<float>(row, col) = static_cast<float>((0.35 + 0.65 * std::max(0.0, dot(hit.normal, kToLight))) * falloff);
    }
  }
}

SceneRenderer::Layout SceneRenderer::layout(ObjectShape shape, double scale) const {
  Layout out{room_.surface.clone(), room_.light.clone(), room_.highlight.clone()};
  const float radius = static_cast<float>(horizontal_radius(shape, scale) * (1 + 1e-5));
  const int n = out.surface.cols;
  for (int row = 0; row < n; ++row) {
    uint8_t* surface = out.surface.ptr<uint8_t>(row);
    float* light = out.light.ptr<float>(row);
    float* highlight = out.highlight.ptr<float>(row);
    for (int col = 0; col < n; ++col) {
      const Subsample& p = pixels_[static_cast<size_t>(row) * n + col];
      // The object stands inside the room, so any hit on it is nearer than the room behind.
      if (p.view_reach <= radius) {
        const Ray ray{kEye, from_cv(p.direction)};
        const Hit object = hit_object(ray, shape, scale);
        if (object.t < kNoHit) {
          const Vec3 half_vector = normalised(kToLight - ray.direction);
          surface[col] = kObject;
          light[col] = static_cast<float>(0.3 + 0.75 * std::max(0.0, dot(object.normal, kToLight)));
          highlight[col] = static_cast<float>(0.35 * std::pow(std::max(0.0, dot(object.normal, half_vector)), 40.0));
          continue;
        }
      }
      if (p.shadow_reach <= radius && hit_object(Ray{from_cv(p.room_point), kToLight}, shape, scale).t < kNoHit) {
        light[col] = p.shadow_light;
      }
    }
  }
  return out;
}

cv::Mat SceneRenderer::paint(const Layout& layout, double floor_hue, double wall_hue, double object_hue) const {
  cv::Vec3f colours[3];
  colours[kFloor] = tint(floor_hue, 0.75);
  colours[kWall] = tint(wall_hue, 0.75);
  colours[kObject] = tint(object_hue, 0.9);
  // Each output pixel averages its kSupersample x kSupersample subsamples.
  constexpr float kWeight = 1.0f / (kSupersample * kSupersample);
  cv::Mat image(size_, size_, CV_32FC3, cv::Scalar::all(0));
  for (int row = 0; row < layout.surface.rows; ++row) {
    const uint8_t* surface = layout.surface.ptr<uint8_t>(row);
    const float* light = layout.light.ptr<float>(row);
    const float* highlight = layout.highlight.ptr<float>(row);
    auto* out = image.ptr<cv::Vec3f>(row / kSupersample);
    for (int col = 0; col < layout.surface.cols; ++col) {
      const cv::Vec3f& c = colours[surface[col]];
      for (int k = 0; k < 3; ++k) out[col / kSupersample][k] += kWeight * std::min(1.0f, c[k] * light[col] + highlight[col]);
    }
  }
  return image;
}

}  // namespace sta::data
