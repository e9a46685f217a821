// Slice choice, grid extent, batched sampling and streamline placement for the field view.
#include "app/figures/field_layers.h"

#include "core/field/derived.h"
#include "core/field/principal_directions.h"
#include "core/field/sampling.h"

#include <algorithm>
#include <cmath>
#include <future>
#include <numeric>
#include <random>

namespace sta::figures {

namespace {

constexpr int kVelocitySamples = 256;  // points around the anchor for SliceMode::VelocityPca
// RK4 steps of half a grid cell: the bilinear field is smooth within a cell, a line bends by a
// few degrees per step at most, and half the steps of the default trace a frame twice as fast.
constexpr float kStepCells = 0.5f;

model::FieldPart sampled_part(PartMode mode) {
  switch (mode) {
    case PartMode::CurlFree:
      return model::FieldPart::CurlFree;
    case PartMode::DivergenceFree:
      return model::FieldPart::DivergenceFree;
    default:
      return model::FieldPart::Whole;
  }
}

// Root of the mean per-dimension variance of n x dim rows (1 when there are too few).
float spread(const std::vector<float>& rows, int dim) {
  const size_t n = rows.size() / dim;
  if (n < 2) return 1.0f;
  double total = 0.0;
  for (int d = 0; d < dim; ++d) {
    double sum = 0.0, squares = 0.0;
    for (size_t i = 0; i < n; ++i) {
      const double x = rows[i * dim + d];
      sum += x;
      squares += x * x;
    }
    total += squares / n - (sum / n) * (sum / n);
  }
  return static_cast<float>(std::sqrt(std::max(total / dim, 1e-8)));
}

// Half the side of the square around the anchor that holds 95% of the projected latents.
float half_extent(const field::Slice& slice, const std::vector<float>& rows) {
  const int dim = slice.dim();
  const size_t n = rows.size() / dim;
  if (n < 2) return 3.0f;
  std::vector<float> reach(n);
  for (size_t i = 0; i < n; ++i) {
    const field::Vec2 p = slice.coordinates(&rows[i * dim]);
    reach[i] = std::max(std::abs(p.x), std::abs(p.y));
  }
  const size_t at = n * 95 / 100;
  std::nth_element(reach.begin(), reach.begin() + at, reach.end());
  return std::max(0.5f, 1.1f * reach[at]);
}

}  // namespace

FieldSettings geometry_of(FieldSettings s) {
  const FieldSettings defaults;
  s.colouring = defaults.colouring;
  s.heat = defaults.heat;
  s.large = defaults.large;
  if (s.slice != SliceMode::VelocityPca) s.focus = defaults.focus;
  if (s.slice != SliceMode::Axes) {
    s.axis_i = defaults.axis_i;
    s.axis_j = defaults.axis_j;
  }
  return s;
}

std::vector<model::FieldPart> parts_of(PartMode mode) {
  if (mode == PartMode::Both) return {model::FieldPart::CurlFree, model::FieldPart::DivergenceFree};
  return {sampled_part(mode)};
}

field::Slice choose_slice(const model::Engine& engine, const FieldRequest& request) {
  const FieldSettings& s = request.settings;
  const int dim = engine.latent_dim();
  const size_t n = request.test_latents.size() / dim;
  if (s.slice == SliceMode::LatentPca && n >= 3) {
    const auto pca = field::principal_directions(request.test_latents, dim, 2, true);
    return field::Slice::from_directions(request.anchor, pca.directions[0], pca.directions[1]);
  }
  if (s.slice == SliceMode::VelocityPca) {
    std::mt19937 rng(7);  // fixed, so the plane does not flicker between recomputations
    std::normal_distribution<float> normal(0.0f, spread(request.test_latents, dim));
    std::vector<float> points(static_cast<size_t>(kVelocitySamples) * dim);
    for (size_t i = 0; i < points.size(); ++i) points[i] = request.anchor[i % dim] + normal(rng);
    std::vector<std::vector<float>> velocities;
    engine.fields(sampled_part(s.part), request.time, points, velocities);
    return field::Slice::from_velocities(request.anchor, velocities.at(s.focus));
  }
  if (s.slice == SliceMode::Axes) return field::Slice::from_axes(request.anchor, s.axis_i, s.axis_j);
  return field::Slice::from_axes(request.anchor, 0, 1);
}

field::EvenlySpacedParams streamline_params(const FieldRequest& request, bool sketch) {
  field::EvenlySpacedParams params;
  params.density = request.settings.density * (sketch ? request.sketch_density : 1.0f);
  params.line.step_cells = kStepCells;
  return params;
}

std::vector<float> encoded_test_latents(const model::Engine& engine, const data::Dataset& data, int sequences) {
  std::vector<Image> frames;
  for (int i = 0; i < sequences; ++i) {
    data::Sequence s = data.sequence(data::Split::Test, i);
    frames.insert(frames.end(), s.frames.begin(), s.frames.end());
  }
  std::vector<float> rows;
  for (const model::Latent& z : engine.encode(frames)) rows.insert(rows.end(), z.begin(), z.end());
  return rows;
}

std::vector<float> mean_latent(const std::vector<float>& rows, int dim) {
  std::vector<float> mean(dim, 0.0f);
  const size_t n = rows.size() / dim;
  for (size_t i = 0; i < n * dim; ++i) mean[i % dim] += rows[i] / static_cast<float>(n);
  return mean;
}

double time_at_frame(int frame, int steps) { return std::max(1, std::min(frame + 1, steps)); }

std::vector<float> anchor_latent(const model::Latent* frame, const std::vector<float>& test_latents, int dim) {
  return frame ? *frame : mean_latent(test_latents, dim);
}

FieldLayers compute_field_layers(const model::Engine& engine, const FieldRequest& request) {
  FieldLayers layers;
  layers.time = request.time;
  layers.slice = choose_slice(engine, request);
  const float half = half_extent(layers.slice, request.test_latents);
  layers.spec = {request.grid_nodes, request.grid_nodes, -half, half, -half, half};
  const std::vector<float> points = field::grid_points(layers.slice, layers.spec);
  const int dim = engine.latent_dim();

  const field::EvenlySpacedParams params = streamline_params(request, false), sketch = streamline_params(request, true);
  layers.primitives.resize(engine.primitives());
  const std::vector<model::FieldPart> parts = parts_of(request.settings.part);
  std::vector<std::vector<std::vector<float>>> velocities(parts.size());  // [part][k]: n x D
  if (parts.size() == 2) {
    engine.field_parts(request.time, points, velocities[0], velocities[1]);  // all K, both parts at once
  } else {
    engine.fields(parts[0], request.time, points, velocities[0]);  // all K at once
  }
  // Each part of each primitive is projected and traced on its own thread: the tracing is
  // plain C++ on independent grids, and the machine's cores share it.
  std::vector<std::future<PartLayer>> traced;
  for (size_t p = 0; p < parts.size(); ++p)
    for (int k = 0; k < engine.primitives(); ++k)
      traced.push_back(std::async(std::launch::async, [&, p, k] {
        PartLayer layer{parts[p], {layers.spec, std::vector<field::Vec2>(layers.spec.count())}, {}, {}};
        for (int i = 0; i < layers.spec.count(); ++i)
          layer.grid.values[i] = layers.slice.project(&velocities[p][k][static_cast<size_t>(i) * dim]);
        layer.lines = field::evenly_spaced_streamlines(layer.grid, params);
        layer.sketch = field::evenly_spaced_streamlines(layer.grid, sketch);
        return layer;
      }));
  for (size_t i = 0; i < traced.size(); ++i)
    layers.primitives[i % engine.primitives()].push_back(traced[i].get());
  return layers;
}

std::vector<field::ScalarGrid> heat_grids(const model::Engine& engine, const FieldLayers& layers, HeatMode mode,
                                          double time) {
  std::vector<field::ScalarGrid> out(layers.primitives.size());
  if (mode == HeatMode::None || (mode == HeatMode::Potential && !engine.has_potentials())) return out;
  if (mode == HeatMode::Potential) {
    std::vector<std::vector<float>> potentials;
    engine.potentials(time, field::grid_points(layers.slice, layers.spec), potentials);
    for (size_t k = 0; k < out.size(); ++k) {
      std::vector<float>& u = potentials[k];
      const float mean = std::accumulate(u.begin(), u.end(), 0.0f) / static_cast<float>(u.size());
      for (float& x : u) x -= mean;
      out[k] = {layers.spec, std::move(u)};
    }
    return out;
  }
  for (size_t k = 0; k < out.size(); ++k) {
    field::VectorGrid drawn = layers.primitives[k].front().grid;
    for (size_t p = 1; p < layers.primitives[k].size(); ++p)
      for (size_t i = 0; i < drawn.values.size(); ++i)
        drawn.values[i] = drawn.values[i] + layers.primitives[k][p].grid.values[i];
    out[k] = mode == HeatMode::Speed        ? field::speed(drawn)
             : mode == HeatMode::Divergence ? field::divergence(drawn)
                                            : field::curl(drawn);
  }
  return out;
}

}  // namespace sta::figures
