// The studio's field computations off the window: the field worker's newest-request answers and failures,
// and the probe, on an analytic TorchScript module.
#include "app/figures/field_layers.h"
#include "app/studio/compute/field_worker.h"
#include "app/studio/compute/probe.h"
#include "core/train/model_file.h"
#include "support/analytic_module.h"
#include "support/temp_dir.h"

#include <doctest/doctest.h>

#include <cmath>

using namespace sta;

TEST_CASE("field worker: the newest of a burst of requests wins, stale ones are dropped, failures are reported") {
  test::TempDir dir;
  test::analytic_module().save(dir.file("analytic.pt"));
  const model::Engine engine = train::load_engine(dir.file("analytic.pt"));
  const int dim = engine.latent_dim();
  figures::FieldRequest request;
  request.anchor.assign(dim, 0.0f);
  for (int i = 0; i < 40; ++i)
    for (int d = 0; d < dim; ++d) request.test_latents.push_back(std::cos(0.9f * i + 0.4f * d) * 0.5f);
  request.grid_nodes = 24;
  request.settings.part = figures::PartMode::Both;

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
  const figures::FieldLayers expected = figures::compute_field_layers(engine, request);
  REQUIRE(result->layers->primitives.size() == expected.primitives.size());
  for (size_t k = 0; k < expected.primitives.size(); ++k)
    for (size_t p = 0; p < expected.primitives[k].size(); ++p) {
      const figures::PartLayer &got = result->layers->primitives[k][p], &want = expected.primitives[k][p];
      CHECK(got.lines.size() == want.lines.size());
      REQUIRE(got.grid.values.size() == want.grid.values.size());
      for (size_t i = 0; i < want.grid.values.size(); i += 37) {
        CHECK(got.grid.values[i].x == want.grid.values[i].x);
        CHECK(got.grid.values[i].y == want.grid.values[i].y);
      }
    }
  CHECK(result->layers->slice.coordinates(request.anchor.data()).x == doctest::Approx(0.0).epsilon(1e-5));

  // A request that cannot be computed comes back without layers and with the reason.
  request.settings.slice = figures::SliceMode::Axes;
  request.settings.axis_i = request.settings.axis_j = 1;
  const uint64_t bad = worker.submit(engine, request);
  worker.wait_idle();
  result = worker.take();
  REQUIRE(result.has_value());
  CHECK(result->ticket == bad);
  CHECK_FALSE(result->layers.has_value());
  CHECK(result->error.find("two different axes") != std::string::npos);
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
