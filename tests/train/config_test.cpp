// Model and training configs: the recipe as the presets' default, older checkpoints and models still
// reachable, and the closed settings (enums) read and written as the same words as ever.
#include "core/model/sta_model.h"
#include "core/train/train_config.h"

#include <doctest/doctest.h>

#include <fstream>
#include <string>
#include <vector>

#include <algorithm>

using namespace sta;

TEST_CASE("presets default to the recipe: sparse coding, linear fields, curriculum, latent targets") {
  for (const auto& name : train::preset_names()) {
    auto c = train::make_preset(name, 28, 3, 8);
    CHECK(c.model.inference == model::Inference::SparseCoding);
    CHECK(c.model.linear_fields);
    CHECK_FALSE(c.model.mlp_fields);
    CHECK(c.curriculum_fraction == doctest::Approx(0.3));
    CHECK(c.curriculum == train::Curriculum::Labelled);
    CHECK(c.balanced_assignment);
    CHECK(c.latent_weight == 5.0);
    CHECK(c.one_step_weight == 5.0);
    CHECK(c.kl_weight == 0.5);
  }
  auto demo = train::make_preset("demo", 28, 3, 8);
  CHECK(demo.batch_size == 16);
  CHECK(demo.model.base_channels == 16);
  CHECK(demo.model.dense == 128);
  CHECK(demo.model.decoder_head_channels == 8);
  CHECK(demo.model.stage_sizes() == std::vector<int>{28, 14, 7});
}

TEST_CASE("the demo's learning rate rises linearly over its first 400 steps, then follows the cosine") {
  auto demo = train::make_preset("demo", 28, 3, 8);
  auto cosine_only = demo;
  cosine_only.lr_warmup_fraction = 0;
  CHECK(demo.learning_rate_at(0) == doctest::Approx(cosine_only.learning_rate_at(0) / 400));
  CHECK(demo.learning_rate_at(199) == doctest::Approx(cosine_only.learning_rate_at(199) / 2));
  for (int64_t step : {399, 400, 2000, 3999}) CHECK(demo.learning_rate_at(step) == cosine_only.learning_rate_at(step));
  CHECK(cosine_only.learning_rate_at(0) == demo.learning_rate);
  CHECK_THROWS_WITH(train::with_overrides(demo, {"lr_warmup_fraction=1.5"}), doctest::Contains("bad learning rate schedule"));
}

TEST_CASE("the pair network and MLP fields stay reachable by options") {
  auto c =
      train::with_overrides(train::make_preset("tiny", 28, 3, 8),
                            {"model.inference=pair-network", "model.mlp_fields=true", "model.linear_fields=false"});
  model::StaModel m(c.model);
  auto names = m->named_parameters().keys();
  auto has = [&](const std::string& prefix) {
    return std::any_of(names.begin(), names.end(), [&](const std::string& n) { return n.rfind(prefix, 0) == 0; });
  };
  CHECK(has("pair."));
  CHECK(has("flow.potential."));
  CHECK_FALSE(has("flow.symmetric"));
  CHECK_FALSE(has("flow.gates"));
  // Both families: the MLP parts sit behind gates that start at 0.
  c.model.linear_fields = true;
  model::StaModel both(c.model);
  auto gates = *both->named_parameters().find("flow.gates");
  CHECK(torch::equal(gates, torch::zeros({2})));
  CHECK_THROWS_WITH(train::with_overrides(c, {"model.inference=magic"}),
                    doctest::Contains("inference must be sparse-coding or pair-network"));
}

TEST_CASE("a config written before the recipe reads back as the model it describes") {
  nlohmann::json j = train::make_preset("demo", 28, 3, 8);
  for (const char* key : {"smallest_map", "decoder_head_channels", "linear_fields", "mlp_fields", "inference", "sparsity", "inference_sparsity",
                          "support_temperature", "slab_ridge"})
    j["model"].erase(key);
  for (const char* key : {"kl_weight", "curriculum_fraction", "balanced_assignment", "assignment_cost", "sinkhorn_epsilon",
                          "sinkhorn_iterations", "latent_weight", "one_step_weight", "lr_warmup_fraction"})
    j.erase(key);
  auto old = j.get<train::TrainConfig>();
  CHECK(old.model.inference == model::Inference::PairNetwork);
  CHECK_FALSE(old.model.linear_fields);
  CHECK(old.model.mlp_fields);
  CHECK(old.model.smallest_map == 4);
  CHECK(old.model.decoder_head_channels == 8);
  CHECK(old.curriculum_fraction == 0);
  CHECK(old.assignment_cost == model::AssignmentCost::Energy);
  CHECK(old.latent_weight == 0);
  CHECK(old.lr_warmup_fraction == 0);
  CHECK(old.kl_weight == 1.0);
}

TEST_CASE("configs of models too large to hold are refused before any memory is taken") {
  for (const char* preset : {"tiny", "demo", "paper"}) CHECK_NOTHROW(train::make_preset(preset, 64, 4, 8).validate());
  const auto base = train::make_preset("demo", 28, 3, 8);
  CHECK_THROWS_WITH(train::with_overrides(base, {"model.dense=60000", "model.smallest_map=27"}).validate(),
                    doctest::Contains("more than 400 million parameters"));
  CHECK_THROWS_WITH(train::with_overrides(base, {"model.base_channels=100000"}).validate(), doctest::Contains("at most 1024"));
}

TEST_CASE("whole-number settings refuse fractions and values their field cannot hold") {
  const auto base = train::make_preset("demo", 28, 3, 8);
  // tests/data/fuzz-regressions/overrides/batch-size-1e22: the fuzzer's input; the 1e22 used to
  // be converted to an int with undefined behaviour (UBSan).
  std::ifstream file(STA_SOURCE_DIR "/tests/data/fuzz-regressions/overrides/batch-size-1e22");
  std::string line;
  REQUIRE(std::getline(file, line));
  CHECK_THROWS_WITH_AS(train::with_overrides(base, {line}), doctest::Contains("whole number in int range"), std::invalid_argument);
  CHECK_THROWS_WITH_AS(train::with_overrides(base, {"batch_size=2.5"}), doctest::Contains("whole number"), std::invalid_argument);
  CHECK_THROWS_WITH_AS(train::with_overrides(base, {"model.latent_dim=4294967297"}), doctest::Contains("int range"),
                       std::invalid_argument);
  CHECK(train::with_overrides(base, {"seed=9000000000"}).seed == 9000000000ull);  // 64-bit settings keep 64 bits
  CHECK(train::with_overrides(base, {"batch_size=12"}).batch_size == 12);
}

TEST_CASE("text settings must be UTF-8 (tests/data/fuzz-regressions/overrides/invalid-utf8-string)") {
  // The fuzzer's input sets model.inference to bytes that are not UTF-8, then fails another
  // override: the message quoting the config used to throw nlohmann's type_error (an escape
  // that aborted the process) instead of refusing the setting.
  const auto base = train::make_preset("tiny", 28, 3, 8);
  std::ifstream file(STA_SOURCE_DIR "/tests/data/fuzz-regressions/overrides/invalid-utf8-string", std::ios::binary);
  std::vector<std::string> lines;
  for (std::string line; std::getline(file, line);) lines.push_back(line);
  REQUIRE(lines.size() >= 2);
  CHECK_THROWS_WITH_AS(train::with_overrides(base, lines), doctest::Contains("not valid UTF-8"), std::invalid_argument);
  CHECK_THROWS_WITH_AS(train::with_overrides(base, {std::string("preset=caf\xe9")}), doctest::Contains("not valid UTF-8"),
                       std::invalid_argument);
  CHECK(train::with_overrides(base, {"preset=caf\xc3\xa9"}).preset == "caf\xc3\xa9");  // UTF-8 is fine
}

TEST_CASE("a setting that the chosen spike inference never reads is refused with the reason") {
  const auto c = train::make_preset("demo", 28, 3, 8);
  for (const char* unread : {"temperature_start=0.5", "temperature_end=0.1", "anneal_fraction=0.8", "model.trace=exact"})
    CHECK_THROWS_WITH_AS(train::with_overrides(c, {unread}), doctest::Contains("does nothing under sparse-coding inference"),
                         std::invalid_argument);
  CHECK_THROWS_WITH_AS(train::with_overrides(c, {"supervised=true"}), doctest::Contains("does nothing"), std::invalid_argument);
  CHECK_THROWS_WITH_AS(train::with_overrides(c, {"model.inference=pair-network", "curriculum=labelled"}),
                       doctest::Contains("'curriculum' does nothing under pair-network inference"), std::invalid_argument);
  // What each one reads is taken.
  CHECK(train::with_overrides(c, {"model.inference=pair-network", "temperature_end=0.1"}).temperature_end == 0.1);
  CHECK(train::with_overrides(c, {"curriculum=none"}).curriculum == train::Curriculum::None);
}

TEST_CASE("the closed settings are written as their words and read back as the same value") {
  const auto names_round_trip = [](auto value, const char* word) {
    using E = decltype(value);
    CHECK(std::string(util::name_of(value)) == word);
    CHECK(util::parse_name<E>(word) == value);
  };
  names_round_trip(model::Inference::SparseCoding, "sparse-coding");
  names_round_trip(model::Inference::PairNetwork, "pair-network");
  names_round_trip(model::Likelihood::Bernoulli, "bernoulli");
  names_round_trip(model::Likelihood::Gaussian, "gaussian");
  names_round_trip(model::Trace::Hutchinson, "hutchinson");
  names_round_trip(model::Trace::Exact, "exact");
  names_round_trip(model::AssignmentCost::Direction, "direction");
  names_round_trip(model::AssignmentCost::Energy, "energy");
  names_round_trip(train::Curriculum::None, "none");
  names_round_trip(train::Curriculum::BalancedSteps, "balanced-steps");
  names_round_trip(train::Curriculum::Labelled, "labelled");
  CHECK_FALSE(util::parse_name<model::Trace>("none"));  // Trace::None is no setting
  CHECK_FALSE(util::parse_name<model::Inference>("Sparse-Coding"));

  // Through the JSON of a checkpoint, for every combination of words.
  const auto base = train::make_preset("tiny", 28, 3, 8);
  for (const char* inference : {"sparse-coding", "pair-network"})
    for (const char* likelihood : {"bernoulli", "gaussian"}) {
      auto j = nlohmann::json(base);
      j["model"]["inference"] = inference;
      j["model"]["likelihood"] = likelihood;
      j["model"]["trace"] = "exact";
      j["assignment_cost"] = "energy";
      j["curriculum"] = "balanced-steps";
      const auto c = j.get<train::TrainConfig>();
      CHECK(nlohmann::json(c) == j);
      CHECK(nlohmann::json(c).dump() == j.dump());
    }
  const auto j = nlohmann::json(base);
  CHECK(j["model"]["inference"] == "sparse-coding");
  CHECK(j["model"]["likelihood"] == "bernoulli");
  CHECK(j["model"]["trace"] == "hutchinson");
  CHECK(j["assignment_cost"] == "direction");
  CHECK(j["curriculum"] == "labelled");
}

TEST_CASE("a word outside a closed setting is refused with the message it always had") {
  const auto c = train::make_preset("tiny", 28, 3, 8);
  const auto refused = [&](std::vector<std::string> overrides, const std::string& message) {
    CHECK_THROWS_WITH_AS(train::with_overrides(c, overrides), message.c_str(), std::invalid_argument);
  };
  refused({"model.inference=magic"}, "invalid model config: inference must be sparse-coding or pair-network");
  refused({"model.likelihood=poisson"}, "invalid model config: likelihood must be bernoulli or gaussian");
  refused({"model.inference=pair-network", "model.trace=none"}, "invalid model config: trace must be hutchinson or exact");
  refused({"assignment_cost=cosine"}, "invalid training config: assignment_cost must be direction or energy");
  refused({"curriculum=random"},
          "invalid training config: curriculum must be none, balanced-steps or labelled, not 'random'");
  refused({"model.likelihood=3"}, "setting 'model.likelihood' expects a value like \"bernoulli\"");
  refused({"model.trace=exact"},
          "setting 'model.trace' does nothing under sparse-coding inference (model.inference): leave it out");

  // The same words in a checkpoint's JSON, and a value set in code.
  auto j = nlohmann::json(c);
  j["model"]["likelihood"] = "poisson";
  CHECK_THROWS_WITH_AS(j.get<train::TrainConfig>(), "invalid model config: likelihood must be bernoulli or gaussian",
                       std::invalid_argument);
  auto m = c.model;
  m.trace = model::Trace::None;
  CHECK_THROWS_WITH_AS(m.validate(), "invalid model config: trace must be hutchinson or exact", std::invalid_argument);
}

TEST_CASE("the words of a closed set read as a list") {
  CHECK(util::one_of<model::Likelihood>() == "bernoulli or gaussian");
  CHECK(util::one_of<train::Curriculum>() == "none, balanced-steps or labelled");
  CHECK(util::choices<train::Curriculum>() == "none|balanced-steps|labelled");
  CHECK(util::name_list<model::Trace>() == std::vector<std::string>{"hutchinson", "exact"});
  CHECK(std::string(util::name_of(model::Trace::None)) == "?");
  CHECK(util::must_be<model::AssignmentCost>("assignment_cost") == "assignment_cost must be direction or energy");
}
