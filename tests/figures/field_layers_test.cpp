// The field view's geometry from a real (tiny, briefly trained) model and from analytic TorchScript fields,
// without a window.
#include "app/figures/field_layers.h"
#include "core/field/sampling.h"
#include "core/train/model_file.h"
#include "support/analytic_module.h"
#include "support/run_command.h"
#include "support/temp_dir.h"

#include <doctest/doctest.h>

#include <cmath>

using namespace sta;

namespace {

// The data of the tiny model: the procedural digits, or Fashion-MNIST in a build without OpenCV.
const std::string kSource = STA_WITH_OPENCV ? "digits" : "fashion-mnist";

std::string train_tiny(const test::TempDir& dir) {
  const std::string path = dir.file("tiny.sta");
  const auto trained = test::run_command(test::shell_quote(STA_CLI_EXE) + " train --preset tiny --data " + kSource +
                                         " --steps 3 --out " + test::shell_quote(path));
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
  CHECK(summary.data.source == kSource);
  CHECK(summary.step == 3);
  CHECK(summary.preset == "tiny");

  const int dim = engine.latent_dim(), k_count = engine.primitives();
  figures::FieldRequest request;
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

  for (figures::SliceMode mode :
       {figures::SliceMode::Axes, figures::SliceMode::LatentPca, figures::SliceMode::VelocityPca}) {
    CAPTURE(static_cast<int>(mode));
    request.settings.slice = mode;
    request.settings.part = figures::PartMode::Both;
    const figures::FieldLayers layers = figures::compute_field_layers(engine, request);
    const field::Vec2 anchor = layers.slice.coordinates(request.anchor.data());
    CHECK(std::abs(anchor.x) < 1e-5f);
    CHECK(std::abs(anchor.y) < 1e-5f);
    REQUIRE(layers.primitives.size() == static_cast<size_t>(k_count));
    for (int k = 0; k < k_count; ++k) {
      REQUIRE(layers.primitives[k].size() == 2);
      CHECK(layers.primitives[k][0].part == model::FieldPart::CurlFree);
      CHECK(layers.primitives[k][1].part == model::FieldPart::DivergenceFree);
      for (const figures::PartLayer& layer : layers.primitives[k]) {
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
  const figures::FieldLayers layers = figures::compute_field_layers(engine, request);
  for (figures::HeatMode mode : {figures::HeatMode::Potential, figures::HeatMode::Divergence}) {
    const std::vector<field::ScalarGrid> heat = figures::heat_grids(engine, layers, mode, request.time);
    REQUIRE(heat.size() == static_cast<size_t>(k_count));
    CHECK(heat[0].values.size() == static_cast<size_t>(layers.spec.count()));
  }
  const std::vector<field::ScalarGrid> potentials =
      figures::heat_grids(engine, layers, figures::HeatMode::Potential, request.time);
  double sum = 0.0;
  for (float u : potentials[2].values) sum += u;
  CHECK(std::abs(sum) < 1e-3);
  CHECK(figures::heat_grids(engine, layers, figures::HeatMode::None, request.time)[0].values.empty());
}

TEST_CASE("only geometric settings change the field view's recomputation key") {
  figures::FieldSettings a, b;
  b.heat = figures::HeatMode::Curl;
  b.colouring = figures::LineColouring::Speed;
  b.large = figures::LargeView::Enabled;
  b.focus = 2;   // matters only for velocity slices
  b.axis_i = 4;  // matters only for axis slices
  CHECK(figures::geometry_of(a) == figures::geometry_of(b));
  b.slice = figures::SliceMode::VelocityPca;
  CHECK_FALSE(figures::geometry_of(a) == figures::geometry_of(b));
  figures::FieldSettings c;
  c.density = 2.0f;
  CHECK_FALSE(figures::geometry_of(a) == figures::geometry_of(c));
  c = {};
  c.part = figures::PartMode::Both;
  CHECK_FALSE(figures::geometry_of(a) == figures::geometry_of(c));
}

TEST_CASE("field layers of a TorchScript module with analytic fields: the rotation's streamlines are circles") {
  test::TempDir dir;
  test::analytic_module().save(dir.file("analytic.pt"));
  const model::Engine engine = train::load_engine(dir.file("analytic.pt"));
  figures::FieldRequest request;
  request.anchor.assign(4, 0.0f);
  for (int i = 0; i < 40; ++i)
    for (int d = 0; d < 4; ++d) request.test_latents.push_back(std::sin(0.9f * i + 1.7f * d) * 2.0f);
  request.grid_nodes = 32;
  request.settings.slice = figures::SliceMode::Axes;
  request.settings.axis_i = 0;
  request.settings.axis_j = 1;
  request.settings.part = figures::PartMode::Both;
  const figures::FieldLayers layers = figures::compute_field_layers(engine, request);
  REQUIRE(layers.primitives.size() == 2);
  const figures::PartLayer& rotation = layers.primitives[1][1];
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
      figures::heat_grids(engine, layers, figures::HeatMode::Potential, request.time);
  CHECK(potentials[0].values.size() == static_cast<size_t>(layers.spec.count()));
}
