// The studio's torch-free Engine: shapes of every call, the field parts adding up, disabled
// primitives leaving the latent still, and loading from a checkpoint.
#include "core/model/engine.h"
#include "core/model/sta_model.h"
#include "core/train/checkpoint.h"
#include "core/train/model_file.h"
#include "support/model_fixture.h"
#include "support/temp_dir.h"

#include <doctest/doctest.h>

using namespace sta;

TEST_CASE("engine calls have the documented shapes and agree with each other") {
  torch::manual_seed(4);
  auto config = test::tiny_config().model;
  model::StaModel m(config);
  m->eval();
  model::Engine engine(m.ptr());
  auto data = test::digits_data();
  auto sequence = data->sequence(data::Split::Test, 3);
  const int d = config.latent_dim, k = config.primitives;

  auto latents = engine.encode({sequence.frames[0], sequence.frames[1]});
  REQUIRE(latents.size() == 2);
  CHECK(latents[0].size() == static_cast<size_t>(d));
  auto decoded = engine.decode(latents);
  REQUIRE(decoded.size() == 2);
  CHECK(decoded[0].same_size(sequence.frames[0].rows, sequence.frames[0].cols));
  CHECK(decoded[0].values.size() == sequence.frames[0].values.size());

  auto prediction = engine.predict(sequence);
  CHECK(prediction.frames.size() == 9);
  CHECK(prediction.latents.size() == 9);
  CHECK(prediction.inference.spike_probability.size() == 8);
  CHECK(prediction.inference.g[0].size() == static_cast<size_t>(k));
  // The prediction's latents are the roll-out of its own g from the encoded first frame.
  auto rolled = engine.rollout(latents[0], prediction.inference.g);
  for (size_t t = 0; t < rolled.size(); ++t)
    for (int i = 0; i < d; ++i) CHECK(rolled[t][i] == doctest::Approx(prediction.latents[t][i]).epsilon(1e-4));

  // With every primitive disabled the latent never moves.
  auto still = engine.predict(sequence, std::vector<bool>(k, false));
  for (const auto& z : still.latents) CHECK(z == still.latents[0]);

  // Whole field = curl-free part + divergence-free part, for every primitive at once.
  std::vector<float> points(5 * d);
  for (size_t i = 0; i < points.size(); ++i) points[i] = std::sin(0.7f * i);
  std::vector<std::vector<float>> whole, curl_free, div_free, potentials;
  engine.fields(model::FieldPart::Whole, 2.0, points, whole);
  engine.fields(model::FieldPart::CurlFree, 2.0, points, curl_free);
  engine.fields(model::FieldPart::DivergenceFree, 2.0, points, div_free);
  engine.potentials(2.0, points, potentials);
  REQUIRE(whole.size() == static_cast<size_t>(k));
  REQUIRE(potentials.size() == static_cast<size_t>(k));
  CHECK(potentials[0].size() == 5);
  for (int p = 0; p < k; ++p) {
    REQUIRE(whole[p].size() == points.size());
    for (size_t i = 0; i < points.size(); ++i) CHECK(whole[p][i] == doctest::Approx(curl_free[p][i] + div_free[p][i]));
  }
  CHECK_THROWS_AS(engine.fields(model::FieldPart::Whole, 0.0, std::vector<float>(d + 1), whole), std::invalid_argument);
}

TEST_CASE("an engine loads a checkpoint and reports errors for bad files") {
  test::TempDir dir;
  auto config = test::tiny_config();
  model::StaModel m(config.model);
  train::CheckpointMeta meta;
  meta.train = config;
  train::save_checkpoint(dir.file("m.sta"), *m, meta);
  auto engine = train::load_engine(dir.file("m.sta"));
  CHECK(engine.latent_dim() == config.model.latent_dim);
  CHECK_THROWS_AS(train::load_engine(dir.file("missing.sta")), train::CheckpointError);
}
