// A point or vector in slice coordinates (x along the slice's u direction, y along v).
#pragma once

#include <cmath>

namespace sta::field {

struct Vec2 {
  float x = 0.0f, y = 0.0f;
};

inline Vec2 operator+(Vec2 p, Vec2 q) { return {p.x + q.x, p.y + q.y}; }
inline Vec2 operator-(Vec2 p, Vec2 q) { return {p.x - q.x, p.y - q.y}; }
inline Vec2 operator*(float s, Vec2 p) { return {s * p.x, s * p.y}; }
inline float dot(Vec2 p, Vec2 q) { return p.x * q.x + p.y * q.y; }
// sqrt, not hypot: several times faster, and latent speeds are far from float's overflow.
inline float length(Vec2 p) { return std::sqrt(p.x * p.x + p.y * p.y); }
inline float distance(Vec2 p, Vec2 q) { return length(p - q); }

// Distance from p to the segment [a, b] (to a when the segment is a point).
inline float distance_to_segment(Vec2 p, Vec2 a, Vec2 b) {
  const Vec2 ab = b - a;
  const float len2 = dot(ab, ab);
  float t = len2 > 0.0f ? dot(p - a, ab) / len2 : 0.0f;
  t = t < 0.0f ? 0.0f : (t > 1.0f ? 1.0f : t);
  return distance(p, a + t * ab);
}

}  // namespace sta::field
