// Sparse-coding inference (spec section 6) on hand-set linear fields: supports, energies, stage-2 slabs,
// balanced assignment and gradients.
#include "core/model/sparse_coding.h"
#include "core/model/sparse_objective.h"
#include "core/model/sta_model.h"
#include "support/model_fixture.h"

#include <doctest/doctest.h>

using namespace sta;

namespace {

// Linear fields with no rotation and no scaling: primitive k is the uniform drift e_k.
model::FlowField drift_fields(int primitives, int dim) {
  model::ModelConfig c;
  c.primitives = primitives;
  c.latent_dim = dim;
  c.linear_fields = true;
  c.mlp_fields = false;
  model::FlowField flow(c);
  torch::NoGradGuard no_grad;
  for (auto& p : flow->named_parameters()) p.value().zero_();
  auto drift = *flow->named_parameters().find("drift");
  for (int k = 0; k < primitives; ++k) drift[k][k] = 1.0;
  return flow;
}

// One sequence of one step from z = 0 by `step`.
torch::Tensor one_step(const std::vector<float>& step) {
  auto d = torch::tensor(step).view({1, 1, -1});
  return torch::cat({torch::zeros_like(d), d}, 1);  // [1, 2, D]
}

int64_t support_of(const std::vector<float>& bits) {
  int64_t mask = 0;
  for (size_t k = 0; k < bits.size(); ++k) mask |= static_cast<int64_t>(bits[k] > 0) << k;
  return mask - 1;
}

}  // namespace

TEST_CASE("the support table lists every non-empty subset once") {
  auto table = model::support_table(3, torch::kFloat);
  REQUIRE(table.sizes() == torch::IntArrayRef({7, 3}));
  CHECK(table.sum(1).min().item<float>() >= 1);
  CHECK(std::get<0>(torch::unique_dim(table, 0)).size(0) == 7);
  CHECK(support_of({1, 0, 0}) == 0);
  CHECK(table[support_of({0, 1, 1})].equal(torch::tensor({0.f, 1.f, 1.f})));
}

TEST_CASE("the best support is the set of fields that explains the step") {
  auto flow = drift_fields(3, 4);
  auto fit = model::fit_supports(*flow, one_step({1, 1, 0, 0}), false, 0.05, 0.05, 1.0);
  CHECK(fit.logits.argmax(-1).item<int64_t>() == support_of({1, 1, 0}));
  CHECK(fit.residual[0][0][support_of({1, 1, 0})].item<float>() == doctest::Approx(0).epsilon(1e-4));
  CHECK(fit.residual[0][0][support_of({1, 0, 0})].item<float>() == doctest::Approx(0.5).epsilon(1e-4));
  // Marginals: primitives 0 and 1 on, 2 off.
  auto q = model::spike_marginals(fit)[0][0];
  CHECK(q[0].item<float>() > 0.9);
  CHECK(q[1].item<float>() > 0.9);
  CHECK(q[2].item<float>() < 0.1);
  // The sparsity penalty prefers one field when a second one explains almost nothing.
  auto lone = model::fit_supports(*flow, one_step({1, 0.05f, 0, 0}), false, 0.05, 0.05, 1.0);
  CHECK(lone.logits.argmax(-1).item<int64_t>() == support_of({1, 0, 0}));
}

TEST_CASE("stage-2 slabs are ridge-to-1 least squares, clamped at zero") {
  auto flow = drift_fields(2, 3);
  auto fit = model::fit_supports(*flow, one_step({2, -1, 0}), true, 0.05, 0.05, 1.0);
  const auto alone = support_of({1, 0}), both = support_of({1, 1});
  // min (2 - g)^2 + (g - 1)^2 gives g = 1.5.
  CHECK(fit.g[0][0][alone][0].item<float>() == doctest::Approx(1.5));
  CHECK(fit.g[0][0][alone][1].item<float>() == 0);
  // On both, the second speed would be (-1 + 1) / 2 = 0: clamped, never negative.
  CHECK(fit.g[0][0][both][1].item<float>() == doctest::Approx(0).epsilon(1e-5));
  auto chosen = model::choose_supports(fit, torch::full({1, 1}, alone, torch::kLong));
  CHECK(chosen[0][0][0].item<float>() == doctest::Approx(1.5));
}

TEST_CASE("the balanced assignment spreads sequences evenly even when one primitive fits all best") {
  torch::manual_seed(3);
  const int64_t b = 12, t = 4;
  model::SupportFit fit;
  fit.supports = model::support_table(3, torch::kFloat);
  // Every sequence is explained best by primitive 0, with energies in the hundreds (unbounded).
  auto energy = torch::full({b, t, 7}, 500.0f);
  energy.select(2, support_of({1, 0, 0})).copy_(torch::rand({b, t}) * 100);
  energy.select(2, support_of({0, 1, 0})).copy_(200 + torch::rand({b, t}) * 100);
  energy.select(2, support_of({0, 0, 1})).copy_(300 + torch::rand({b, t}) * 100);
  fit.logits = -energy / 0.05;
  auto greedy = fit.logits.argmax(-1);
  CHECK((greedy == support_of({1, 0, 0})).all().item<bool>());
  auto assignment = model::balanced_assignment(fit, model::AssignmentCost::Energy, 0.05, 50);
  REQUIRE(assignment.counts.size() == 3);
  for (auto count : assignment.counts) CHECK(count >= 2);
  CHECK(assignment.counts[0] + assignment.counts[1] + assignment.counts[2] == b);
  // One primitive per sequence, along the whole sequence.
  CHECK((assignment.index == assignment.index.select(1, 0).unsqueeze(1)).all().item<bool>());
}

TEST_CASE("the direction cost assigns by where a field points, not by how long it is") {
  // Primitive 0's field is 10x longer than every step: along the step for sequences 10-29,
  // against it for sequences 0-9. Primitive 1's has the step's length but points across it,
  // primitive 2's points against it. At speed 1 primitive 0 alone leaves a residual of 81 on
  // every step, so its energies cannot tell the two groups apart; the direction cost can.
  const int64_t b = 30, t = 3, d = 4;
  model::SupportFit fit;
  fit.supports = model::support_table(3, torch::kFloat);
  fit.step = torch::zeros({b, t, d});
  fit.step.select(2, 0).fill_(1.0f);
  fit.velocity = torch::zeros({b, t, 3, d});
  fit.velocity.select(2, 0).select(2, 0).fill_(10.0f);
  fit.velocity.narrow(0, 0, 10).select(2, 0).mul_(-1.0f);
  fit.velocity.select(2, 1).select(2, 1).fill_(1.0f);
  fit.velocity.select(2, 2).select(2, 0).fill_(-1.0f);
  fit.logits = torch::full({b, t, 7}, -81.0f / 0.05f);  // energies do not enter this cost
  torch::manual_seed(1);
  auto assignment = model::balanced_assignment(fit, model::AssignmentCost::Direction, 0.05, 50);
  const int64_t alone0 = support_of({1, 0, 0});
  auto first = assignment.index.select(1, 0);
  CHECK((first.narrow(0, 0, 10) != alone0).all().item<bool>());
  CHECK((first.narrow(0, 10, 20) == alone0).sum().item<int64_t>() >= 5);
}

TEST_CASE("the recipe's objective sends gradient through the energies into fields and encoder") {
  auto config = test::tiny_config(100);
  model::StaModel m(config.model);
  auto frames = test::test_frames(*test::digits_data(), 4);
  model::SparseObjectiveSettings settings;
  settings.train_slabs = true;
  auto objective = model::sparse_coding_objective(*m, frames, settings);
  REQUIRE(std::isfinite(objective.total.item<double>()));
  CHECK(objective.usage.size() == 3);
  objective.total.backward();
  auto params = m->named_parameters();
  for (const char* name : {"flow.skew", "flow.symmetric", "flow.drift", "encoder.head.weight"}) {
    auto* p = params.find(name);
    REQUIRE_MESSAGE(p, name);
    CHECK_MESSAGE(p->grad().abs().sum().item<double>() > 0, name);
  }
  // The spike posterior itself depends on the fields and the encoder.
  m->zero_grad();
  auto fit =
      model::fit_supports(*m->flow(), m->encode(frames.flatten(0, 1)).mean.view({4, 9, -1}), false, 0.05, 0.05, 1.0);
  model::spike_marginals(fit).select(2, 0).sum().backward();
  CHECK(params.find("flow.skew")->grad().abs().sum().item<double>() > 0);
  CHECK(params.find("encoder.head.weight")->grad().abs().sum().item<double>() > 0);
}
