// Jobard-Lefer seeding loop over an occupancy grid.
#include "core/field/evenly_spaced.h"

#include "core/field/field_error.h"

#include <cmath>
#include <string>

namespace sta::field {

float separating_distance(const GridSpec& spec, float density) {
  return std::sqrt((spec.x1 - spec.x0) * (spec.y1 - spec.y0)) / (30.0f * density);
}

std::vector<Streamline> evenly_spaced_streamlines(const VectorGrid& field,
                                                  const EvenlySpacedParams& params) {
  if (!(params.density > 0.0f))
    throw FieldError("evenly spaced streamlines: density " + std::to_string(params.density) + " is not positive");
  if (!(params.test_ratio > 0.0f && params.test_ratio <= 1.0f))
    throw FieldError("evenly spaced streamlines: test_ratio " + std::to_string(params.test_ratio) +
                     " is outside (0, 1]");
  const GridSpec& spec = field.spec;
  const float d_sep = separating_distance(spec, params.density);
  const float d_test = d_sep * params.test_ratio;
  Occupancy occupancy(spec, d_test);  // cells fit the tracing's frequent d_test queries
  const float max_speed = field.max_speed();
  std::vector<Streamline> lines;

  // Traces from `seed` if it is at least d_sep from every line; keeps the line if long enough.
  auto try_seed = [&](Vec2 seed) {
    if (!spec.contains(seed) || occupancy.any_within(seed, d_sep, [](const auto&) { return true; }))
      return;
    const int id = static_cast<int>(lines.size());
    Streamline line = trace_streamline(field, seed, params.line, occupancy, id, d_test, max_speed);
    if (line.points.empty()) return;
    if (line.length() < params.min_length_seps * d_sep) {
      occupancy.remove(line.points, id);
      return;
    }
    lines.push_back(std::move(line));
  };

  // Seeds beside every line, in order of creation (lines found meanwhile join the queue).
  size_t next = 0;
  auto seed_beside_lines = [&] {
    for (; next < lines.size(); ++next) {
      // Copies: try_seed may grow `lines` and move this line's storage.
      const std::vector<Vec2> points = lines[next].points;
      const std::vector<float> arcs = lines[next].arc;
      float last_seeded = -d_sep;
      for (size_t k = 0; k < points.size(); ++k) {
        if (arcs[k] - last_seeded < 0.25f * d_sep) continue;
        last_seeded = arcs[k];
        const Vec2 tangent = points[std::min(k + 1, points.size() - 1)] - points[k > 0 ? k - 1 : 0];
        const float norm = length(tangent);
        if (norm == 0.0f) continue;
        const Vec2 normal{-tangent.y / norm, tangent.x / norm};
        try_seed(points[k] + d_sep * normal);
        try_seed(points[k] - d_sep * normal);
      }
    }
  };

  try_seed({0.5f * (spec.x0 + spec.x1), 0.5f * (spec.y0 + spec.y1)});
  seed_beside_lines();
  for (float y = spec.y0 + 0.5f * d_sep; y < spec.y1; y += d_sep)
    for (float x = spec.x0 + 0.5f * d_sep; x < spec.x1; x += d_sep) {
      try_seed({x, y});
      seed_beside_lines();
    }
  return lines;
}

}  // namespace sta::field
