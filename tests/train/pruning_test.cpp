// Label-free pruning: a primitive whose steps another explains as well goes, one that alone
// explains its steps stays; and a pruned primitive's supports are never chosen.
#include "core/model/sparse_coding.h"
#include "core/train/pruning.h"

#include <doctest/doctest.h>

using namespace sta;

TEST_CASE("pruning takes away a primitive that another explains as well, and keeps the one that alone explains its steps") {
  const auto supports = model::support_table(3, torch::kFloat);  // rows: {0}, {1}, {0,1}, {2}, {0,2}, {1,2}, {0,1,2}
  // Half the steps are explained by primitive 0 or, equally, by primitive 2; the other half by 1 only.
  auto energy = torch::ones({10, 4, supports.size(0)});
  energy.narrow(0, 0, 5).select(2, 0).fill_(0.1);
  energy.narrow(0, 0, 5).select(2, 3).fill_(0.1);
  energy.narrow(0, 5, 5).select(2, 1).fill_(0.1);
  const auto result = train::prune_by_energy(energy, supports, {}, 0.02);
  CHECK(result.pruned == std::vector<int>{0});  // 0 and 2 cost nothing alike: the first goes
  CHECK(result.energy == doctest::Approx(0.1));
  CHECK(result.cost[1] == doctest::Approx(0.45));  // its half of the steps would cost 0.9 more
  CHECK(result.cost[2] == doctest::Approx(0.45));  // now the only one for the first half
  // A tolerance above every cost prunes all but one; zero prunes none.
  CHECK(train::prune_by_energy(energy, supports, {}, 1.0).pruned.size() == 2);
  CHECK(train::prune_by_energy(energy, supports, {}, 0.0).pruned.empty());
}

TEST_CASE("a pruned primitive's supports are never chosen, its spikes stay off") {
  const auto supports = model::support_table(3, torch::kFloat);
  const auto excluded = model::pruned_supports(supports, {1});
  CHECK(excluded.sum().item<float>() == 4);  // {1}, {0,1}, {1,2}, {0,1,2}
  for (int64_t s = 0; s < supports.size(0); ++s) CHECK(excluded[s].item<float>() == supports[s][1].item<float>());
}
