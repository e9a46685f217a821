// Evaluating a latent field on a slice: all grid nodes in ONE batched call, answers projected onto the plane.
#pragma once

#include "core/field/grid.h"
#include "core/field/slice.h"

#include <functional>
#include <vector>

namespace sta::field {

// Velocity at n latent points: `points` is n x dim row-major; fill `out` with n x dim values.
using BatchedField =
    std::function<void(const std::vector<float>& points, int dim, std::vector<float>& out)>;
// Scalar (e.g. a potential) at n latent points: fill `out` with n values.
using BatchedScalar =
    std::function<void(const std::vector<float>& points, int dim, std::vector<float>& out)>;

// The latent points of the grid's nodes, spec.count() x slice.dim(), in node order.
std::vector<float> grid_points(const Slice& slice, const GridSpec& spec);

// Calls `field` once on all nodes and projects each velocity onto (u, v). Throws FieldError
// when the callback returns the wrong number of values.
VectorGrid sample_field(const Slice& slice, const GridSpec& spec, const BatchedField& field);

// Calls `scalar` once on all nodes.
ScalarGrid sample_scalar(const Slice& slice, const GridSpec& spec, const BatchedScalar& scalar);

}  // namespace sta::field
