// The latent field view's geometry, computed from the model without any GL, for the Fields panel and
// `sta export fields`.
#pragma once

#include "app/figures/field_settings.h"
#include "core/data/dataset.h"
#include "core/field/evenly_spaced.h"
#include "core/field/grid.h"
#include "core/field/slice.h"
#include "core/field/streamline.h"
#include "core/model/engine.h"

#include <vector>

namespace sta::figures {

struct FieldRequest {
  FieldSettings settings;
  double time = 1.0;                // t passed to the potentials
  std::vector<float> anchor;        // D values: the slice passes through it
  std::vector<float> test_latents;  // n x D encoded latents (PCA, extent); may be empty
  int grid_nodes = 64;              // per axis
  float sketch_density = 0.35f;     // density of the sketch lines, relative to settings.density
};

struct PartLayer {
  model::FieldPart part;
  field::VectorGrid grid;                 // the part's velocity projected onto the slice
  std::vector<field::Streamline> lines;   // evenly spaced
  std::vector<field::Streamline> sketch;  // sparser, for the small multiples
};

// The slice plane (latent axes, PCA of encoded latents, or PCA of a primitive's velocities), the grid
// rectangle, each primitive's sampled field and evenly spaced streamlines per part, and the scalar
// grids behind them. One batched Engine call serves all K primitives (and both parts).
struct FieldLayers {
  double time = 1.0;  // of the request
  field::Slice slice;
  field::GridSpec spec;
  std::vector<std::vector<PartLayer>> primitives;  // [k][part]: one part, or curl-free then divergence-free
};

// The settings with everything that does not change the geometry (line colouring, heat map,
// unused axes or focus) set to defaults: a cache key for compute_field_layers.
FieldSettings geometry_of(FieldSettings settings);

// Parts that a PartMode draws, in drawing order.
std::vector<model::FieldPart> parts_of(PartMode mode);

// The slice the settings ask for (falls back to latent axes 0, 1 when PCA has too few points).
field::Slice choose_slice(const model::Engine& engine, const FieldRequest& request);

// The placement of the view's evenly spaced streamlines, or of its sparser sketch lines.
field::EvenlySpacedParams streamline_params(const FieldRequest& request, bool sketch);

// Grids, streamlines and sketch lines of every primitive. Throws what the Engine or core/field throw.
// The field view's time at frame `frame` of a sequence of `steps` steps: the step that leaves
// the frame, 1..steps.
double time_at_frame(int frame, int steps);
// The slice's anchor: the frame's latent where there is one, else the mean of the test latents.
std::vector<float> anchor_latent(const model::Latent* frame, const std::vector<float>& test_latents, int dim);

// Posterior means of every frame of the first `sequences` test sequences, n x D: the latents the
// PCA slices, the mean anchor and the grid's extent come from.
std::vector<float> encoded_test_latents(const model::Engine& engine, const data::Dataset& data, int sequences);
// The mean of n x D latents (D values).
std::vector<float> mean_latent(const std::vector<float>& rows, int dim);

FieldLayers compute_field_layers(const model::Engine& engine, const FieldRequest& request);

// The scalar grid behind primitive k for each primitive (HeatMode::None: empty grids).
// Potentials have their mean removed (only differences matter); speed, divergence and curl
// are of the drawn field (the sum of both parts when both are drawn).
std::vector<field::ScalarGrid> heat_grids(const model::Engine& engine, const FieldLayers& layers, HeatMode mode,
                                          double time);

}  // namespace sta::figures
