// Analytic ray casting of the shapes scene (see shapes_scene.h). World: y up, floor y = 0,
// back wall z = kBackWall, side wall x = kSideWall; the object stands at the origin.
#include "core/data/shapes_scene.h"

#include "core/data/image_ops.h"

#include <opencv2/imgproc.hpp>

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

// First positive intersection with a sphere, or kNoHit.
double sphere_t(const Ray& ray, const Vec3& centre, double radius) {
  const Vec3 oc = ray.origin - centre;
  const double b = dot(oc, ray.direction), c = dot(oc, oc) - radius * radius;
  const double disc = b * b - c;
  if (disc < 0) return kNoHit;
  const double root = std::sqrt(disc);
  return -b - root > kEpsilon ? -b - root : -b + root > kEpsilon ? -b + root : kNoHit;
}

void hit_sphere(const Ray& ray, const Vec3& centre, double radius, Hit& hit) {
  const double t = sphere_t(ray, centre, radius);
  if (t < kNoHit) hit.keep_nearer(t, (ray.at(t) - centre) * (1.0 / radius));
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

// A sphere that contains the object, for cheap rejection of rays that miss it.
void bounding_sphere(ObjectShape shape, double s, Vec3& centre, double& radius) {
  switch (shape) {
    case ObjectShape::Cube: centre = {0, 0.5 * s, 0}; radius = 0.87 * s; break;
    case ObjectShape::Cylinder: centre = {0, 0.5 * s, 0}; radius = 0.71 * s; break;
    case ObjectShape::Sphere: centre = {0, 0.6 * s, 0}; radius = 0.6 * s; break;
    case ObjectShape::Pill: centre = {0, 0.675 * s, 0}; radius = 0.68 * s; break;
  }
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

Vec3 tint(double hue_degrees, double saturation) {
  const cv::Vec3f c = hue_colour(hue_degrees);
  const auto mix = [saturation](float channel) { return 1.0 - saturation + saturation * channel; };
  return {mix(c[0]), mix(c[1]), mix(c[2])};
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
  directions_.create(n, n, CV_64FC3);
  points_.create(n, n, CV_64FC3);
  shade_.create(n, n, CV_32FC1);
  room_ = {cv::Mat(n, n, CV_8UC1), cv::Mat(n, n, CV_32FC1), cv::Mat(n, n, CV_32FC1, cv::Scalar(0))};
  for (int row = 0; row < n; ++row) {
    const double v = (0.5 - (row + 0.5) / n) * 2 * half_extent;
    for (int col = 0; col < n; ++col) {
      const double u = ((col + 0.5) / n - 0.5) * 2 * half_extent;
      const Ray ray{kEye, normalised(forward + right * u + up * v)};
      const Hit hit = hit_room(ray);
      const double falloff = 0.55 + 0.9 / (1.0 + 0.012 * hit.t * hit.t);  // nearer surfaces brighter
      directions_.at<cv::Vec3d>(row, col) = to_cv(ray.direction);
      points_.at<cv::Vec3d>(row, col) = to_cv(ray.at(hit.t));
      room_.surface.at<uint8_t>(row, col) = hit.normal.y > 0.5 ? kFloor : kWall;
      room_.light.at<float>(row, col) = static_cast<float>((0.35 + 0.65 * std::max(0.0, dot(hit.normal, kToLight))) * falloff);
      shade_.at<float>(row, col) = static_cast<float>(0.35 * falloff);
    }
  }
}

SceneRenderer::Layout SceneRenderer::layout(ObjectShape shape, double scale) const {
  Layout out{room_.surface.clone(), room_.light.clone(), room_.highlight.clone()};
  Vec3 centre;
  double radius = 0;
  bounding_sphere(shape, scale, centre, radius);
  for (int row = 0; row < out.surface.rows; ++row) {
    for (int col = 0; col < out.surface.cols; ++col) {
      const Ray ray{kEye, from_cv(directions_.at<cv::Vec3d>(row, col))};
      // The object stands inside the room, so any hit on it is nearer than the room behind.
      const Hit object = sphere_t(ray, centre, radius) < kNoHit ? hit_object(ray, shape, scale) : Hit{};
      if (object.t < kNoHit) {
        const Vec3 half_vector = normalised(kToLight - ray.direction);
        out.surface.at<uint8_t>(row, col) = kObject;
        out.light.at<float>(row, col) = static_cast<float>(0.3 + 0.75 * std::max(0.0, dot(object.normal, kToLight)));
        out.highlight.at<float>(row, col) =
            static_cast<float>(0.35 * std::pow(std::max(0.0, dot(object.normal, half_vector)), 40.0));
        continue;
      }
      const Ray to_light{from_cv(points_.at<cv::Vec3d>(row, col)), kToLight};
      if (sphere_t(to_light, centre, radius) < kNoHit && hit_object(to_light, shape, scale).t < kNoHit) {
        out.light.at<float>(row, col) = shade_.at<float>(row, col);
      }
    }
  }
  return out;
}

cv::Mat SceneRenderer::paint(const Layout& layout, double floor_hue, double wall_hue, double object_hue) const {
  Vec3 colours[3];
  colours[kFloor] = tint(floor_hue, 0.75);
  colours[kWall] = tint(wall_hue, 0.75);
  colours[kObject] = tint(object_hue, 0.9);
  cv::Mat image(layout.surface.size(), CV_32FC3);
  for (int row = 0; row < image.rows; ++row) {
    const uint8_t* surface = layout.surface.ptr<uint8_t>(row);
    const float* light = layout.light.ptr<float>(row);
    const float* highlight = layout.highlight.ptr<float>(row);
    auto* out = image.ptr<cv::Vec3f>(row);
    for (int col = 0; col < image.cols; ++col) {
      const Vec3 c = colours[surface[col]] * light[col];
      const auto channel = [&](double value) { return static_cast<float>(std::min(1.0, value + highlight[col])); };
      out[col] = cv::Vec3f(channel(c.x), channel(c.y), channel(c.z));
    }
  }
  cv::Mat result;
  cv::resize(image, result, cv::Size(size_, size_), 0, 0, cv::INTER_AREA);
  return result;
}


}  // namespace sta::data
