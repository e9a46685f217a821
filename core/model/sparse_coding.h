// Spike inference by sparse coding of the latent step (spec section 6): which primitives' fields explain
// each step of the encoder means.
#pragma once

#include "core/model/flow_field.h"
#include "core/model/settings.h"  // AssignmentCost

#include <torch/torch.h>

namespace sta::model {

// The 2^K - 1 non-empty supports, [S, K] of 0/1: support s has primitive k iff bit k of s + 1.
torch::Tensor support_table(int primitives, const torch::TensorOptions& options);

struct SupportFit {
  torch::Tensor supports;  // [S, K]
  torch::Tensor logits;    // -energy / tau, [B, T, S]
  torch::Tensor g;         // speeds of each support's fit (0 off the support), [B, T, S, K]
  torch::Tensor residual;  // relative residual of each support, [B, T, S]
  torch::Tensor velocity;  // v_k(mu_{t-1}, t), [B, T, K, D]
  torch::Tensor step;      // d = mu_t - mu_{t-1}, [B, T, D]
};

// 1 for every support that holds one of the `pruned` primitives, else 0, [S].
torch::Tensor pruned_supports(const torch::Tensor& supports, const std::vector<int>& pruned);
// Added to the energy of a support holding a pruned primitive: it is never chosen.
constexpr double kPrunedEnergy = 1e4;

// For every step d = mu_t - mu_{t-1} and every non-empty support S of the K primitives, d is fitted
// by the fields at mu_{t-1}: each active primitive at speed 1 (stage 1), or with ridge-to-1
// least-squares speeds clamped at 0 (stage 2). The energy of S is the relative residual
// ||d - V g||^2 / ||d||^2 plus lambda |S|; the spike posterior over supports is softmax(-energy / tau).
// A primitive so means the same motion for every item. Gradients flow through the energies into
// fields and encoder.
// means [B, T+1, D]. Stage 2 (`slabs`) fits the speeds; else every active primitive has speed 1.
// Supports holding a `pruned` primitive get kPrunedEnergy more.
SupportFit fit_supports(const FlowFieldImpl& flow, const torch::Tensor& means, bool slabs, double sparsity,
                        double temperature, double ridge, const std::vector<int>& pruned = {});

// The step sum_k g[..., k] v[..., k, :] that speeds g [..., K] give fields velocity [..., K, D] (broadcast).
torch::Tensor displacement(const torch::Tensor& g, const torch::Tensor& velocity);
// Spike marginals p(y_t[k] = 1) = sum over supports holding k, [B, T, K].
torch::Tensor spike_marginals(const SupportFit& fit);
// g [B, T, K] of the support picked at each step, index [B, T].
torch::Tensor choose_supports(const SupportFit& fit, const torch::Tensor& index);
// Gumbel-max draw of a support per step from the posterior, [B, T].
torch::Tensor sample_supports(const SupportFit& fit);
// Mean relative residual of the best support of each step: a label-free measure of fit.
double best_residual(const SupportFit& fit);

// A balanced plan of one primitive per sequence (the labelled curriculum: single-transformation
// sequences) or per step (label-free: every step explained by one field, each primitive given
// its share of the batch's steps). cost[row, k] is how badly primitive k alone explains the
// row's steps (summed over a sequence's steps):
//  - AssignmentCost::Energy: its single-primitive energy (speed 1 in stage 1);
//  - AssignmentCost::Direction: 1 - cos^2 between field and step (1 when the field points away),
//    the residual at the best speed. A field much longer than the steps then cannot make the plan
//    sort rows by step length rather than by the direction of their motion.
// The cost is divided by the standard deviation of the cost matrix (this makes epsilon
// scale-free); a log-domain Sinkhorn plan with rows summing to 1 and columns to rows/K; each row
// then draws its primitive.
enum class AssignmentUnit { Sequence, Step };
struct Assignment {
  torch::Tensor index;          // support index per step, [B, T]
  std::vector<int64_t> counts;  // rows (sequences or steps) given to each primitive
};
Assignment balanced_assignment(const SupportFit& fit, AssignmentCost cost, double epsilon, int iterations,
                               AssignmentUnit unit = AssignmentUnit::Sequence);

}  // namespace sta::model
