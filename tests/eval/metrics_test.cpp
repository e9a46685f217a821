// Metrics on cases whose answer is known, and evaluation of a model producing every figure.
#include "core/model/native_backend.h"
#include "core/eval/hungarian.h"
#include "core/eval/metrics.h"
#include "core/eval/transport_efficiency.h"
#include "core/model/sta_model.h"
#include "support/model_fixture.h"

#include <doctest/doctest.h>

#include <random>

using namespace sta;

TEST_CASE("equivariance error is zero for identical frames and counts only t >= 1") {
  auto target = torch::rand({2, 9, 3, 28, 28});
  CHECK(eval::sequence_l1_error(target, target).abs().max().item<double>() == 0.0);
  auto shifted = target.clone();
  shifted.select(1, 0).add_(0.5);  // frame 0 is the encoded input, not a prediction
  CHECK(eval::sequence_l1_error(shifted, target).abs().max().item<double>() == 0.0);
  shifted.select(1, 4).add_(0.25);
  CHECK(eval::sequence_l1_error(shifted, target)[0].item<double>() == doctest::Approx(0.25 * 3 * 28 * 28).epsilon(1e-4));
}

TEST_CASE("the Hungarian method finds the best assignment") {
  std::vector<std::vector<double>> w{{1, 9, 2, 0}, {8, 7, 1, 0}, {2, 6, 3, 5}};
  CHECK(eval::max_weight_assignment(w) == std::vector<int>{1, 0, 3});
  CHECK_THROWS_AS(eval::max_weight_assignment({{1, 2}, {3, 4}, {5, 6}}), std::invalid_argument);
}

TEST_CASE("spike alignment recovers a permutation of primitives") {
  const std::vector<int> permutation{2, 0, 1};  // transformation m is played by primitive permutation[m]
  std::mt19937 rng(5);
  std::vector<eval::AlignmentStep> steps;
  for (int i = 0; i < 300; ++i) {
    eval::AlignmentStep s;
    s.truth.assign(3, 0);
    if (i % 3 == 0) {
      s.truth[rng() % 3] = 1;
    } else {
      for (auto& t : s.truth) t = rng() % 2;
    }
    s.probability.assign(3, 0.05f);
    for (int m = 0; m < 3; ++m)
      if (s.truth[m]) s.probability[permutation[m]] = 0.95f;
    steps.push_back(s);
  }
  auto r = eval::spike_alignment(steps);
  CHECK(r.primitive_of == permutation);
  CHECK(r.single_accuracy == 1.0);
  CHECK(r.multi_f1 == 1.0);
  CHECK(r.single_steps > 0);
  CHECK(r.multi_steps > 0);
  // Spikes that ignore the data fall to chance.
  for (auto& s : steps) s.probability = {0.9f, 0.6f, 0.6f};
  CHECK(eval::spike_alignment(steps).single_accuracy < 0.5);
}

TEST_CASE("the importance-weighted bound of constant weights is that constant and tops their mean") {
  auto constant = torch::full({16, 3}, -123.0, torch::kDouble);
  CHECK(torch::allclose(eval::importance_weighted_bound(constant), torch::full({3}, -123.0, torch::kDouble)));
  auto varied = torch::randn({16, 3}, torch::kDouble) * 5 - 100;
  CHECK((eval::importance_weighted_bound(varied) >= varied.mean(0)).all().item<bool>());
}

TEST_CASE("evaluate reports every metric for a model") {
  torch::manual_seed(0);
  auto data = test::digits_data();
  model::StaModel m(test::tiny_config().model);
  eval::EvalOptions options;
  options.sequences = 4;
  options.likelihood_samples = 3;
  model::NativeBackend backend(*m);
  auto r = eval::evaluate(backend, *data, options);
  REQUIRE(r.equivariance.size() == 3);
  for (double e : r.equivariance) CHECK(e > 0);
  REQUIRE(r.log_likelihood);
  CHECK(std::isfinite(*r.log_likelihood));
  CHECK(*r.log_likelihood < 0);
  CHECK(r.alignment.single_steps >= 4 * 3 * 8);  // every step of the single sequences, and more
  for (double d : r.exactness.divergence) CHECK(d < 1e-12);
  for (double a : r.exactness.asymmetry) CHECK(a < 1e-12);
  double lowest = 1, highest = 0;
  for (int i = 0; i < 3; ++i) {
    CHECK(r.autoencoder_floor[i] > 0);
    CHECK(r.no_motion[i] > 0);
    CHECK(r.transport_efficiency[i] ==
          doctest::Approx(eval::transport_efficiency(r.no_motion[i], r.autoencoder_floor[i], r.equivariance[i])));
    CHECK(r.alignment.single_accuracy_of[i] <= 1);
    lowest = std::min(lowest, r.alignment.single_accuracy_of[i]);
    highest = std::max(highest, r.alignment.single_accuracy_of[i]);
  }
  // The overall accuracy is the per-transformation ones weighted by their steps.
  CHECK(r.alignment.single_accuracy >= lowest - 1e-12);
  CHECK(r.alignment.single_accuracy <= highest + 1e-12);
  REQUIRE(r.alignment.usage.size() == 3);
  auto j = r.to_json();
  CHECK(j["equivariance_error"].contains("rotate"));
  CHECK(j["autoencoder_floor"].contains("hue"));
  CHECK(j["no_motion"].contains("scale"));
  CHECK(j["transport_efficiency"].contains("rotate"));
  CHECK(j["spike_alignment"]["single_accuracy_of"].contains("rotate"));
  CHECK(j["spike_alignment"]["primitive_usage"].size() == 3);
  CHECK(j["spike_alignment"].contains("single_accuracy"));

  // The same figures on a second run, whatever the caller's stream, which is left where it was.
  torch::manual_seed(7);
  const double next_draw = torch::rand({1}).item<double>();
  torch::manual_seed(7);
  const auto again = eval::evaluate(backend, *data, options);
  CHECK(torch::rand({1}).item<double>() == next_draw);
  REQUIRE(again.log_likelihood);
  CHECK(*again.log_likelihood == *r.log_likelihood);
  CHECK(again.equivariance == r.equivariance);
}

TEST_CASE("a model whose fields do not move predicts no motion: efficiency 0") {
  torch::manual_seed(0);
  auto data = test::digits_data();
  model::StaModel m(test::tiny_config().model);
  {
    torch::NoGradGuard no_grad;
    for (auto& p : m->flow()->parameters()) p.zero_();
  }
  eval::EvalOptions options;
  options.sequences = 3;
  options.likelihood_samples = 1;
  model::NativeBackend backend(*m);
  auto r = eval::evaluate(backend, *data, options);
  for (int i = 0; i < 3; ++i) {
    CHECK(r.equivariance[i] == doctest::Approx(r.no_motion[i]).epsilon(1e-4));
    CHECK(r.transport_efficiency[i] == doctest::Approx(0).epsilon(1e-3));
  }
}

TEST_CASE("transport efficiency is 1 at the floor, 0 at no motion, and 0 where the floor is not below no motion") {
  CHECK(eval::transport_efficiency(1000, 200, 200) == doctest::Approx(1.0));
  CHECK(eval::transport_efficiency(1000, 200, 1000) == doctest::Approx(0.0));
  CHECK(eval::transport_efficiency(1000, 200, 600) == doctest::Approx(0.5));
  CHECK(eval::transport_efficiency(1000, 200, 1400) == doctest::Approx(-0.5));  // worse than standing still
  CHECK(eval::transport_efficiency(500, 500, 100) == 0.0);
  CHECK(eval::transport_efficiency(500, 800, 100) == 0.0);
}
