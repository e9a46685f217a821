// A 2-D slice of latent space: an anchor point plus two orthonormal directions u, v.
#pragma once

#include "core/field/vec2.h"

#include <vector>

namespace sta::field {

// Slice coordinates (x, y) name the latent point anchor + x u + y v. A person sees a D-dimensional
// field through such a plane.
struct Slice {
  std::vector<float> anchor, u, v;  // D values each; u and v orthonormal

  int dim() const { return static_cast<int>(anchor.size()); }
  std::vector<float> latent(Vec2 p) const;  // anchor + p.x u + p.y v
  Vec2 coordinates(const float* z) const;   // ((z - anchor) . u, (z - anchor) . v)
  Vec2 project(const float* vector) const;  // (vector . u, vector . v)

  // The plane of latent axes i and j through `anchor`.
  static Slice from_axes(std::vector<float> anchor, int i, int j);
  // Orthonormalises (Gram-Schmidt) two arbitrary, linearly independent directions.
  static Slice from_directions(std::vector<float> anchor, std::vector<float> u,
                               std::vector<float> v);
  // Through the mean of a point cloud (n x dim, row-major), spanned by its top two
  // principal components.
  static Slice from_points(const std::vector<float>& points, int dim);
  // Through `anchor`, spanned by the two directions along which the velocity vectors
  // (n x dim, row-major) are largest: the plane in which a primitive moves most.
  static Slice from_velocities(std::vector<float> anchor, const std::vector<float>& velocities);
};

// Whether i and j are two different axes of a dim-D latent space: what Slice::from_axes needs,
// and what the CLI and the studio check their axes against.
bool two_different_axes(int i, int j, int dim);

}  // namespace sta::field
