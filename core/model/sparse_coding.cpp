// Sparse coding of latent steps against the flow fields (see sparse_coding.h).
#include "core/model/sparse_coding.h"

#include "core/model/batch_shard.h"
#include "core/model/distributions.h"
#include "core/model/step_parts.h"

namespace sta::model {

torch::Tensor support_table(int primitives, const torch::TensorOptions& options) {
  const int64_t count = (int64_t{1} << primitives) - 1;
  auto table = torch::zeros({count, primitives}, torch::kFloat);
  auto rows = table.accessor<float, 2>();
  for (int64_t s = 0; s < count; ++s)
    for (int k = 0; k < primitives; ++k) rows[s][k] = static_cast<float>(((s + 1) >> k) & 1);
  return table.to(options);
}

namespace {

// v_k(mu_{t-1}, t) for t = 1..T, [B, T, K, D]. Fields without a time-dependent part are
// evaluated once on all B x T points.
torch::Tensor step_velocities(const FlowFieldImpl& flow, const torch::Tensor& previous, bool steady) {
  const int64_t b = previous.size(0), t = previous.size(1), d = previous.size(2);
  if (steady) {
    auto v = flow.evaluate(previous.reshape({b * t, d}), 1.0, Trace::None).velocity();  // [K, B*T, D]
    return v.view({-1, b, t, d}).permute({1, 2, 0, 3});
  }
  std::vector<torch::Tensor> steps;
  for (int64_t s = 0; s < t; ++s)
    steps.push_back(flow.evaluate(previous.select(1, s), static_cast<double>(s + 1), Trace::None).velocity());
  return torch::stack(steps, 0).permute({2, 0, 1, 3});  // [T, K, B, D] -> [B, T, K, D]
}

// Ridge-to-1 least squares on each support: min |d - V g|^2 + ridge |g - 1|^2 over g on S,
// clamped at 0. [B, T, S, K].
torch::Tensor least_squares_speeds(const torch::Tensor& velocity, const torch::Tensor& step,
                                   const torch::Tensor& supports, double ridge) {
  auto gram = (velocity.unsqueeze(-2) * velocity.unsqueeze(-3)).sum(-1);  // [B, T, K, K]
  auto correlation = (velocity * step.unsqueeze(2)).sum(-1);                 // [B, T, K]
  auto on = supports.unsqueeze(-1) * supports.unsqueeze(-2);                   // [S, K, K]
  auto system = on * gram.unsqueeze(2) + torch::diag_embed(1 - supports) + ridge * torch::diag_embed(supports);
  auto rhs = supports * (correlation.unsqueeze(2) + ridge);  // [B, T, S, K]
  return at::linalg_solve(system, rhs.unsqueeze(-1)).squeeze(-1).clamp_min(0) * supports;
}

}  // namespace

torch::Tensor pruned_supports(const torch::Tensor& supports, const std::vector<int>& pruned) {
  auto excluded = torch::zeros({supports.size(0)}, supports.options());
  for (int k : pruned) excluded = excluded.maximum(supports.select(1, k));
  return excluded;
}

SupportFit fit_supports(const FlowFieldImpl& flow, const torch::Tensor& means, bool slabs, double sparsity,
                        double temperature, double ridge, const std::vector<int>& pruned) {
  RECORD_USER_SCOPE(part::kSparseCoding);
  const int64_t b = means.size(0), t = means.size(1) - 1;
  SupportFit fit;
  fit.supports = support_table(flow.primitives(), means.options());
  auto previous = means.narrow(1, 0, t);
  auto step = means.narrow(1, 1, t) - previous;  // [B, T, D]
  fit.step = step;
  fit.velocity = step_velocities(flow, previous, flow.steady());
  fit.g = slabs ? least_squares_speeds(fit.velocity, step, fit.supports, ridge)
                : fit.supports.expand({b, t, fit.supports.size(0), fit.supports.size(1)});
  auto predicted = displacement(fit.g, fit.velocity.unsqueeze(2));  // [B, T, S, D]
  auto length = step.pow(2).sum(-1, true) + 1e-6;       // [B, T, 1]
  fit.residual = (step.unsqueeze(2) - predicted).pow(2).sum(-1) / length;
  auto energy = fit.residual + sparsity * fit.supports.sum(-1);
  if (!pruned.empty()) energy = energy + kPrunedEnergy * pruned_supports(fit.supports, pruned);
  fit.logits = -energy / temperature;
  return fit;
}

torch::Tensor displacement(const torch::Tensor& g, const torch::Tensor& velocity) {
  return (g.unsqueeze(-1) * velocity).sum(-2);
}

torch::Tensor spike_marginals(const SupportFit& fit) {
  RECORD_USER_SCOPE(part::kSparseCoding);
  return torch::matmul(fit.logits.softmax(-1), fit.supports);
}

torch::Tensor choose_supports(const SupportFit& fit, const torch::Tensor& index) {
  RECORD_USER_SCOPE(part::kSparseCoding);
  const int64_t k = fit.g.size(-1);
  auto gather_index = index.unsqueeze(-1).unsqueeze(-1).expand({index.size(0), index.size(1), 1, k});
  return torch::gather(fit.g, 2, gather_index).squeeze(2);
}

torch::Tensor sample_supports(const SupportFit& fit) {
  RECORD_USER_SCOPE(part::kSparseCoding);
  auto uniform = uniform_like(fit.logits).clamp(1e-9, 1 - 1e-9);
  return (fit.logits.detach() - torch::log(-torch::log(uniform))).argmax(-1);
}

double best_residual(const SupportFit& fit) { return std::get<0>(fit.residual.detach().min(-1)).mean().item<double>(); }

namespace {

// How badly each primitive alone explains each step, [B, T, K].
torch::Tensor assignment_cost(const SupportFit& fit, AssignmentCost kind, const torch::Tensor& single_index) {
  if (kind == AssignmentCost::Energy) return -fit.logits.detach().index_select(2, single_index);  // energy / tau
  auto v = fit.velocity.detach();               // [B, T, K, D]
  auto d = fit.step.detach().unsqueeze(2);      // [B, T, 1, D]
  auto along = (v * d).sum(-1).clamp_min(0);    // [B, T, K]
  auto cos2 = along.pow(2) / (v.pow(2).sum(-1) * d.pow(2).sum(-1) + 1e-12);
  return 1 - cos2;
}

}  // namespace

Assignment balanced_assignment(const SupportFit& fit, AssignmentCost kind, double epsilon, int iterations,
                               AssignmentUnit unit) {
  RECORD_USER_SCOPE(part::kSparseCoding);
  const int64_t t = fit.logits.size(1), k = fit.supports.size(1);
  std::vector<int64_t> single(k);
  for (int64_t p = 0; p < k; ++p) single[p] = (int64_t{1} << p) - 1;  // support with primitive p alone
  auto single_index = torch::tensor(single, torch::dtype(torch::kLong).device(fit.logits.device()));
  auto per_step = gather_batch(assignment_cost(fit, kind, single_index));  // the whole batch's, [B, T, K]
  const int64_t global = per_step.size(0);
  // Rows of the plan: one per sequence (its steps' costs summed), or one per step.
  auto cost = unit == AssignmentUnit::Sequence ? per_step.sum(1) : per_step.reshape({global * t, k});
  cost = cost / (cost.std() + 1e-6);
  auto plan = -cost / epsilon;
  for (int i = 0; i < iterations; ++i) {
    plan = plan - plan.logsumexp(0, true);  // columns
    plan = plan - plan.logsumexp(1, true);  // rows sum to 1
  }
  auto primitive = torch::multinomial(plan.softmax(1), 1).squeeze(1);  // one per row
  auto grid = unit == AssignmentUnit::Sequence ? primitive.unsqueeze(1).expand({global, t}) : primitive.view({global, t});
  auto own = local_rows(grid.contiguous());
  Assignment out;
  out.index = single_index.index_select(0, own.reshape(-1)).view_as(own);
  auto counts = torch::bincount(primitive.cpu(), {}, k);
  for (int64_t p = 0; p < k; ++p) out.counts.push_back(counts[p].item<int64_t>());
  return out;
}

}  // namespace sta::model
