// The field view's geometry from a real (tiny, briefly trained) model, without a window:
// Engine::field_parts agrees with two fields() calls, the sampled grids are the model's
// velocities projected onto the slice, every part gets streamlines, the slice passes through
// the anchor, and only geometric settings are part of the recomputation key. The field worker
// answers the newest of a burst of requests with the synchronous result, and reports failures.
// A TorchScript module with analytic fields gives the geometry its fields imply.
#include "app/studio/compute/field_layers.h"
#include "app/studio/compute/field_worker.h"
#include "app/studio/compute/probe.h"
#include "core/field/sampling.h"
#include "core/train/model_file.h"
#include "support/analytic_module.h"
#include "support/run_command.h"
#include "support/temp_dir.h"

#include <doctest/doctest.h>

#include <cmath>

using namespace sta;

namespace {

std::string train_tiny(const test::TempDir& dir) {
  const std::string path = dir.file("tiny.sta");
  const auto trained = test::run_command(
      test::shell_quote(STA_CLI_EXE) + " train --preset tiny --data digits --steps 3 --out " + test::shell_quote(path));
  INFO(trained.output);
  REQUIRE(trained.exit_code == 0);
  return path;
}

}  // namespace

TEST_CASE("field layers: both parts at once, projected grids, streamlines, slices through the anchor") {
  test::TempDir dir;
  const std::string path = train_tiny(dir);
  const model::Engine engine = train::load_engine(path);
  const train::CheckpointSummary summary = train::read_checkpoint_summary(path);
  CHECK(summary.data.source == "digits");
  CHECK(summary.step == 3);
  CHECK(summary.preset == "tiny");

  const int dim = engine.latent_dim(), k_count = engine.primitives();
  studio::FieldRequest request;
  request.anchor.assign(dim, 0.0f);
  request.anchor[0] = 0.3f;
  for (int i = 0; i < 50; ++i)
    for (int d = 0; d < dim; ++d) request.test_latents.push_back(std::sin(0.7f * i + 1.3f * d) * (d + 1) * 0.3f);
  request.grid_nodes = 16;

  const std::vector<float> points = field::grid_points(field::Slice::from_axes(request.anchor, 0, 1), {16, 16});
  std::vector<std::vector<float>> curl, div, curl_only, div_only;
  engine.field_parts(2.0, points, curl, div);
  engine.fields(model::FieldPart::CurlFree, 2.0, points, curl_only);
  engine.fields(model::FieldPart::DivergenceFree, 2.0, points, div_only);
  CHECK(curl == curl_only);
  CHECK(div == div_only);

  for (studio::SliceMode mode :
       {studio::SliceMode::Axes, studio::SliceMode::LatentPca, studio::SliceMode::VelocityPca}) {
    CAPTURE(static_cast<int>(mode));
    request.settings.slice = mode;
    request.settings.part = studio::PartMode::Both;
    const studio::FieldLayers layers = studio::compute_field_layers(engine, request);
    const field::Vec2 anchor = layers.slice.coordinates(request.anchor.data());
    CHECK(std::abs(anchor.x) < 1e-5f);
    CHECK(std::abs(anchor.y) < 1e-5f);
    REQUIRE(layers.primitives.size() == static_cast<size_t>(k_count));
    for (int k = 0; k < k_count; ++k) {
      REQUIRE(layers.primitives[k].size() == 2);
      CHECK(layers.primitives[k][0].part == model::FieldPart::CurlFree);
      CHECK(layers.primitives[k][1].part == model::FieldPart::DivergenceFree);
      for (const studio::PartLayer& layer : layers.primitives[k]) {
        CHECK_FALSE(layer.lines.empty());
        CHECK(layer.sketch.size() <= layer.lines.size());
      }
    }
    // A grid node's vector is the model's velocity there, projected onto the slice.
    const std::vector<float> nodes = field::grid_points(layers.slice, layers.spec);
    std::vector<std::vector<float>> v;
    engine.fields(model::FieldPart::DivergenceFree, request.time, nodes, v);
    const int node = layers.spec.count() / 2 + 3;
    const field::Vec2 expected = layers.slice.project(&v[1][static_cast<size_t>(node) * dim]);
    CHECK(layers.primitives[1][1].grid.values[node].x == doctest::Approx(expected.x).epsilon(1e-4));
    CHECK(layers.primitives[1][1].grid.values[node].y == doctest::Approx(expected.y).epsilon(1e-4));
  }

  // Heat maps: one grid per primitive on the layers' grid; potentials have mean zero.
  const studio::FieldLayers layers = studio::compute_field_layers(engine, request);
  for (studio::HeatMode mode : {studio::HeatMode::Potential, studio::HeatMode::Divergence}) {
    const std::vector<field::ScalarGrid> heat = studio::heat_grids(engine, layers, mode, request.time);
    REQUIRE(heat.size() == static_cast<size_t>(k_count));
    CHECK(heat[0].values.size() == static_cast<size_t>(layers.spec.count()));
  }
  const std::vector<field::ScalarGrid> potentials =
      studio::heat_grids(engine, layers, studio::HeatMode::Potential, request.time);
  double sum = 0.0;
  for (float u : potentials[2].values) sum += u;
  CHECK(std::abs(sum) < 1e-3);
  CHECK(studio::heat_grids(engine, layers, studio::HeatMode::None, request.time)[0].values.empty());
}

TEST_CASE("only geometric settings change the field view's recomputation key") {
  studio::FieldSettings a, b;
  b.heat = studio::HeatMode::Curl;
  b.colouring = studio::LineColouring::Speed;
  b.large = studio::LargeView::Enabled;
  b.focus = 2;   // matters only for velocity slices
  b.axis_i = 4;  // matters only for axis slices
  CHECK(studio::geometry_of(a) == studio::geometry_of(b));
  b.slice = studio::SliceMode::VelocityPca;
  CHECK_FALSE(studio::geometry_of(a) == studio::geometry_of(b));
  studio::FieldSettings c;
  c.density = 2.0f;
  CHECK_FALSE(studio::geometry_of(a) == studio::geometry_of(c));
  c = {};
  c.part = studio::PartMode::Both;
  CHECK_FALSE(studio::geometry_of(a) == studio::geometry_of(c));
}

TEST_CASE("field worker: the newest of a burst of requests wins, stale ones are dropped, failures are reported") {
  test::TempDir dir;
  const model::Engine engine = train::load_engine(train_tiny(dir));
  const int dim = engine.latent_dim();
  studio::FieldRequest request;
  request.anchor.assign(dim, 0.0f);
  for (int i = 0; i < 40; ++i)
    for (int d = 0; d < dim; ++d) request.test_latents.push_back(std::cos(0.9f * i + 0.4f * d) * 0.5f);
  request.grid_nodes = 24;
  request.settings.part = studio::PartMode::Both;

  studio::FieldWorker worker;
  CHECK_FALSE(worker.take().has_value());
  constexpr int kBurst = 8;
  uint64_t last = 0;
  for (int i = 0; i < kBurst; ++i) {  // as a dragged control does: a new anchor every frame
    request.anchor[0] = 0.2f * i;
    last = worker.submit(engine, request);
  }
  CHECK(last == kBurst);
  worker.wait_idle();
  std::optional<studio::FieldResult> result = worker.take();
  REQUIRE(result.has_value());
  CHECK(result->ticket == last);
  CHECK(result->error.empty());
  CHECK(result->compute_ms > 0.0);
  CHECK(worker.dropped() < static_cast<uint64_t>(kBurst));
  CHECK_FALSE(worker.take().has_value());  // taken once

  // The same geometry as computing the last request on this thread.
  REQUIRE(result->layers.has_value());
  const studio::FieldLayers expected = studio::compute_field_layers(engine, request);
  REQUIRE(result->layers->primitives.size() == expected.primitives.size());
  for (size_t k = 0; k < expected.primitives.size(); ++k)
    for (size_t p = 0; p < expected.primitives[k].size(); ++p) {
      const studio::PartLayer &got = result->layers->primitives[k][p], &want = expected.primitives[k][p];
      CHECK(got.lines.size() == want.lines.size());
      REQUIRE(got.grid.values.size() == want.grid.values.size());
      for (size_t i = 0; i < want.grid.values.size(); i += 37) {
        CHECK(got.grid.values[i].x == want.grid.values[i].x);
        CHECK(got.grid.values[i].y == want.grid.values[i].y);
      }
    }
  CHECK(result->layers->slice.coordinates(request.anchor.data()).x == doctest::Approx(0.0).epsilon(1e-5));

  // A request that cannot be computed comes back without layers and with the reason.
  request.settings.slice = studio::SliceMode::Axes;
  request.settings.axis_i = request.settings.axis_j = 1;
  const uint64_t bad = worker.submit(engine, request);
  worker.wait_idle();
  result = worker.take();
  REQUIRE(result.has_value());
  CHECK(result->ticket == bad);
  CHECK_FALSE(result->layers.has_value());
  CHECK(result->error.find("two different axes") != std::string::npos);
}

TEST_CASE("field layers of a TorchScript module with analytic fields: the rotation's streamlines are circles") {
  test::TempDir dir;
  test::analytic_module().save(dir.file("analytic.pt"));
  const model::Engine engine = train::load_engine(dir.file("analytic.pt"));
  studio::FieldRequest request;
  request.anchor.assign(4, 0.0f);
  for (int i = 0; i < 40; ++i)
    for (int d = 0; d < 4; ++d) request.test_latents.push_back(std::sin(0.9f * i + 1.7f * d) * 2.0f);
  request.grid_nodes = 32;
  request.settings.slice = studio::SliceMode::Axes;
  request.settings.axis_i = 0;
  request.settings.axis_j = 1;
  request.settings.part = studio::PartMode::Both;
  const studio::FieldLayers layers = studio::compute_field_layers(engine, request);
  REQUIRE(layers.primitives.size() == 2);
  const studio::PartLayer& rotation = layers.primitives[1][1];
  REQUIRE(rotation.part == model::FieldPart::DivergenceFree);
  REQUIRE(rotation.lines.size() >= 3);
  for (const field::Streamline& line : rotation.lines) {
    float low = 1e9f, high = 0.0f;
    for (const field::Vec2& p : line.points) {
      const float r = std::hypot(p.x, p.y);
      low = std::min(low, r);
      high = std::max(high, r);
    }
    CAPTURE(low);
    CAPTURE(high);
    CHECK(high - low < 0.05f * high + 0.02f);  // a circle about the origin
  }
  CHECK(layers.primitives[0][1].lines.empty());       // primitive 0 has no divergence-free part
  CHECK_FALSE(layers.primitives[0][0].lines.empty());  // ... and a source as its curl-free part
  const std::vector<field::ScalarGrid> potentials =
      studio::heat_grids(engine, layers, studio::HeatMode::Potential, request.time);
  CHECK(potentials[0].values.size() == static_cast<size_t>(layers.spec.count()));
}

TEST_CASE("the probe decodes the latent at its slice point and reports each primitive's speed there") {
  test::TempDir dir;
  test::analytic_module().save(dir.file("analytic.pt"));
  const model::Engine engine = train::load_engine(dir.file("analytic.pt"));
  const field::Slice slice = field::Slice::from_axes({0.1f, 0.2f, 0.3f, 0.4f}, 0, 2);
  const studio::Probe probe = studio::probe_at(engine, slice, {1.0f, -2.0f}, 1.0);
  REQUIRE(probe.latent == model::Latent{1.1f, 0.2f, -1.7f, 0.4f});
  const Image decoded = engine.decode({probe.latent}).front();
  CHECK(probe.decoded.values == decoded.values);
  REQUIRE(probe.speeds.size() == 2);
  const float norm = std::sqrt(1.1f * 1.1f + 0.2f * 0.2f + 1.7f * 1.7f + 0.4f * 0.4f);
  CHECK(probe.speeds[0] == doctest::Approx(0.5f * norm));                              // the source z / 2
  CHECK(probe.speeds[1] == doctest::Approx(std::sqrt(1.1f * 1.1f + 0.2f * 0.2f)));  // rotation of (z0, z1)
}
