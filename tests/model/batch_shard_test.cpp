// Batch shards (data-parallel ranks) in one process draw exactly their rows of the whole batch's noise,
// supports and curriculum plan.
#include "core/model/batch_shard.h"
#include "core/model/distributions.h"
#include "core/model/sparse_coding.h"

#include <doctest/doctest.h>

using namespace sta;

namespace {

constexpr int64_t kBatch = 12, kSteps = 4, kShards = 3, kRows = kBatch / kShards;

model::SupportFit rows_of(const model::SupportFit& fit, int64_t first, int64_t count) {
  model::SupportFit part;
  part.supports = fit.supports;
  part.logits = fit.logits.narrow(0, first, count);
  return part;
}

struct Draws {
  torch::Tensor frames_noise, latent_noise, supports, plan;
};

Draws draw_all(const model::SupportFit& fit) {
  torch::manual_seed(11);
  Draws d;
  d.frames_noise = model::standard_normal_like(torch::zeros({fit.logits.size(0) * (kSteps + 1), 6}));  // [B(T+1), D]
  d.latent_noise = model::uniform_like(torch::zeros({fit.logits.size(0), kSteps, 2}));
  d.supports = model::sample_supports(fit);
  d.plan = model::balanced_assignment(fit, model::AssignmentCost::Energy, 0.1, 50).index;
  return d;
}

}  // namespace

TEST_CASE("each shard of a batch draws its rows of the whole batch's noise, supports and plan") {
  torch::manual_seed(5);
  model::SupportFit fit;
  fit.supports = model::support_table(3, torch::kFloat);
  fit.logits = torch::randn({kBatch, kSteps, 7}) * 3;
  const auto whole = draw_all(fit);
  // The plan's cost: each primitive alone (supports 0, 1, 3) at each step (summed over a
  // sequence's steps after the gather).
  const auto cost = -fit.logits.index_select(2, torch::tensor({0L, 1L, 3L}));

  for (int64_t shard = 0; shard < kShards; ++shard) {
    CAPTURE(shard);
    model::BatchShard rows;
    rows.offset = shard * kRows;
    rows.size = kRows;
    rows.global = kBatch;
    int gathers = 0;
    rows.gather = [&](const torch::Tensor& local) {
      ++gathers;
      CHECK(torch::allclose(local, cost.narrow(0, shard * kRows, kRows)));  // its own rows go in
      return cost;
    };
    model::BatchShardScope scope(rows);
    const auto part = draw_all(rows_of(fit, shard * kRows, kRows));
    CHECK(gathers == 1);
    CHECK(part.frames_noise.equal(whole.frames_noise.narrow(0, shard * kRows * (kSteps + 1), kRows * (kSteps + 1))));
    CHECK(part.latent_noise.equal(whole.latent_noise.narrow(0, shard * kRows, kRows)));
    CHECK(part.supports.equal(whole.supports.narrow(0, shard * kRows, kRows)));
    CHECK(part.plan.equal(whole.plan.narrow(0, shard * kRows, kRows)));
  }
  // A shard's own stream (no scope) is different: the test above would notice a missing scope.
  const auto alone = draw_all(rows_of(fit, kRows, kRows));
  CHECK_FALSE(alone.frames_noise.equal(whole.frames_noise.narrow(0, kRows * (kSteps + 1), kRows * (kSteps + 1))));
}

TEST_CASE("a draw that does not run over the shard's rows is a programming error") {
  model::BatchShardScope scope({0, 4, 8, [](const torch::Tensor& t) { return t; }});
  CHECK_THROWS_AS(model::standard_normal_like(torch::zeros({6, 2})), std::logic_error);
  CHECK(model::standard_normal_like(torch::zeros({8, 2})).size(0) == 8);  // 2 rows per sequence
}
