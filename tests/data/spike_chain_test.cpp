// Spike chains and slab speeds: empirical transition rates match the spec's 0.9 / 0.1, the
// first step is on with probability 0.1, no step is ever all off, speeds centre on 1.
#include "core/data/random.h"
#include "core/data/spike_chain.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <vector>

using namespace sta::data;

TEST_CASE("spike chain statistics match the Markov chain of the spec") {
  // With 2000 transformations the all-off redraw (probability <= 0.9^2000) never triggers,
  // so the counts measure the chain itself. ~400k transitions: the standard error of each
  // rate is below 0.001, so a tolerance of 0.01 is more than ten standard errors.
  constexpr int kSteps = 200, kTransforms = 2000;
  Random rng(7);
  const auto spikes = draw_spike_chain(kSteps, kTransforms, rng);
  REQUIRE(spikes.size() == kSteps);
  REQUIRE(spikes[0].size() == kTransforms);

  double first_on = 0, on_on = 0, on = 0, off_on = 0, off = 0;
  for (int m = 0; m < kTransforms; ++m) first_on += spikes[0][m];
  for (int t = 1; t < kSteps; ++t) {
    for (int m = 0; m < kTransforms; ++m) {
      if (spikes[t - 1][m]) {
        ++on;
        on_on += spikes[t][m];
      } else {
        ++off;
        off_on += spikes[t][m];
      }
    }
  }
  CHECK(std::fabs(first_on / kTransforms - 0.1) < 0.03);  // 2000 draws: standard error 0.0067
  CHECK(std::fabs(on_on / on - 0.9) < 0.01);
  CHECK(std::fabs(off_on / off - 0.1) < 0.01);
}

TEST_CASE("a step never has every transformation off") {
  for (int transforms : {1, 2, 3, 4}) {
    CAPTURE(transforms);
    Random rng(transforms);
    const auto spikes = draw_spike_chain(2000, transforms, rng);
    for (const auto& row : spikes) {
      REQUIRE(std::any_of(row.begin(), row.end(), [](uint8_t s) { return s != 0; }));
    }
  }
  // With one transformation the redraw forces it on at every step.
  Random rng(99);
  for (const auto& row : draw_spike_chain(100, 1, rng)) CHECK(row[0] == 1);
}

TEST_CASE("spike chains are deterministic in the seed") {
  Random a(5), b(5), c(6);
  const auto chain_a = draw_spike_chain(50, 8, a);
  CHECK(chain_a == draw_spike_chain(50, 8, b));
  CHECK(chain_a != draw_spike_chain(50, 8, c));
}

TEST_CASE("speeds are |Laplace(1, 0.1)|: median 1, mean absolute deviation 0.1") {
  Random rng(3);
  std::vector<double> speeds;
  for (int i = 0; i < 100000; ++i) speeds.push_back(draw_speed(rng));
  CHECK(*std::min_element(speeds.begin(), speeds.end()) > 0.0);
  std::nth_element(speeds.begin(), speeds.begin() + speeds.size() / 2, speeds.end());
  CHECK(std::fabs(speeds[speeds.size() / 2] - 1.0) < 0.005);
  double deviation = 0;
  for (double s : speeds) deviation += std::fabs(s - 1.0);
  CHECK(std::fabs(deviation / speeds.size() - 0.1) < 0.005);
}

TEST_CASE("Random draws stay in range") {
  Random rng(11);
  for (int i = 0; i < 10000; ++i) {
    const double u = rng.uniform();
    REQUIRE(u > 0.0);
    REQUIRE(u < 1.0);
    const int64_t k = rng.below(7);
    REQUIRE(k >= 0);
    REQUIRE(k < 7);
  }
  CHECK(hash_seed({1, 2}) != hash_seed({2, 1}));
}
