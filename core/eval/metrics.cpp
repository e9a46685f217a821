// Equivariance error, likelihood bound, field exactness and the evaluation driver
// (see metrics.h).
#include "core/eval/metrics.h"

#include "core/model/clone.h"
#include "core/model/distributions.h"
#include "core/model/frames.h"
#include "core/model/generator_state.h"
#include "core/model/objective.h"
#include "core/model/prediction.h"

#include <cmath>
#include <stdexcept>

namespace sta::eval {

using model::StaModelImpl;

torch::Tensor sequence_l1_error(const torch::Tensor& predicted, const torch::Tensor& target) {
  const int64_t t = target.size(1) - 1;
  return (predicted.narrow(1, 1, t) - target.narrow(1, 1, t)).abs().flatten(1).sum(1);
}

torch::Tensor importance_weighted_bound(const torch::Tensor& log_weights) {
  return torch::logsumexp(log_weights, 0) - std::log(static_cast<double>(log_weights.size(0)));
}

torch::Tensor log_importance_weights(StaModelImpl& m, const torch::Tensor& frames, int samples) {
  torch::NoGradGuard no_grad;
  const auto& c = m.config();
  const int64_t b = frames.size(0), t = frames.size(1) - 1;
  auto q0 = m.encode(frames.select(1, 0));
  auto posterior = m.infer(frames);
  auto q_spike = posterior.spike_probability();
  auto targets = frames.reshape({b * (t + 1), c.channels, c.image_size, c.image_size});
  auto prior_log_var = m.prior_log_variance().narrow(0, 1, t).view({1, t, 1});
  std::vector<torch::Tensor> weights;
  for (int s = 0; s < samples; ++s) {
    auto z0 = q0.mean + torch::exp(0.5 * q0.log_var) * torch::randn_like(q0.mean);
    auto log_w = model::gaussian_log_prob(z0, torch::zeros_like(z0), torch::zeros_like(z0)) -
                 model::gaussian_log_prob(z0, q0.mean, q0.log_var);
    auto spikes = torch::bernoulli(q_spike);
    log_w += (model::bernoulli_log_prob(spikes, model::spike_prior(c, spikes)) -
              model::bernoulli_log_prob_logits(spikes, posterior.spike_logits)).sum(std::vector<int64_t>{1, 2});
    auto slabs = torch::ones_like(spikes);
    if (m.slabs_trained()) {
      slabs = model::laplace_sample(posterior.slab_loc, posterior.slab_scale);
      auto prior_loc = torch::full_like(slabs, c.slab_prior_loc), prior_scale = torch::full_like(slabs, c.slab_prior_scale);
      log_w += (model::laplace_log_prob(slabs, prior_loc, prior_scale) -
                model::laplace_log_prob(slabs, posterior.slab_loc, posterior.slab_scale)).sum(std::vector<int64_t>{1, 2});
    }
    auto roll = m.rollout(z0, spikes * slabs, model::Trace::Exact);
    auto log_q = model::gaussian_log_prob(z0, q0.mean, q0.log_var).unsqueeze(1) + torch::cumsum(roll.log_density, 1);
    auto z = roll.z.narrow(1, 1, t);
    log_w += (model::gaussian_log_prob(z, torch::zeros_like(z), prior_log_var.expand_as(z)) - log_q).sum(1);
    auto logits = m.decode_logits(roll.z.reshape({b * (t + 1), c.latent_dim}));
    log_w -= model::reconstruction_nll(c, logits, targets).view({b, t + 1}).sum(1);
    weights.push_back(log_w);
  }
  return torch::stack(weights, 0);
}

torch::Tensor pointwise_jacobian(const std::function<torch::Tensor(const torch::Tensor&)>& f, const torch::Tensor& z0) {
  auto z = z0.detach().clone().requires_grad_(true);
  auto out = f(z);
  std::vector<torch::Tensor> rows;
  for (int64_t i = 0; i < out.size(1); ++i)
    rows.push_back(torch::autograd::grad({out.select(1, i).sum()}, {z}, {}, true)[0]);
  return torch::stack(rows, 1);
}

FieldExactness field_exactness(model::ModelBackend& backend, int points, uint64_t seed) {
  const auto& c = backend.config();
  const double t = 0.5 * c.steps;
  std::function<model::FieldParts(const torch::Tensor&)> fields = [&](const torch::Tensor& x) {
    return backend.fields(x, t);  // a foreign module runs in its own precision
  };
  auto options = torch::TensorOptions(backend.device()).dtype(torch::kFloat);
  model::FlowField flow{nullptr};
  if (const StaModelImpl* m = backend.native()) {  // our fields: in double precision
    flow = model::FlowField(c);
    model::copy_parameters(*m->flow(), *flow);
    flow->to(torch::kCPU, torch::kDouble);
    options = torch::TensorOptions(torch::kDouble);
    fields = [&](const torch::Tensor& x) {
      auto sample = flow->evaluate(x, t, model::Trace::None);
      return model::FieldParts{sample.curl_free, sample.div_free};
    };
  }
  auto generator = at::detail::createCPUGenerator(seed);
  auto z = torch::randn({points, c.latent_dim}, generator, torch::kDouble).to(options);
  FieldExactness out;
  for (int k = 0; k < c.primitives; ++k) {
    auto jr = pointwise_jacobian([&](const torch::Tensor& x) { return fields(x).div_free[k]; }, z);
    auto div = jr.diagonal(0, 1, 2).sum(-1).abs() / jr.flatten(1).norm(2, 1).clamp_min(1e-300);
    out.divergence.push_back(div.max().item<double>());
    auto jg = pointwise_jacobian([&](const torch::Tensor& x) { return fields(x).curl_free[k]; }, z);
    auto asym = (jg - jg.transpose(1, 2)).flatten(1).norm(2, 1) / jg.flatten(1).norm(2, 1).clamp_min(1e-300);
    out.asymmetry.push_back(asym.max().item<double>());
  }
  return out;
}

std::vector<data::Sequence> test_sequences(const data::Dataset& data, int64_t first, int64_t count,
                                           data::SequenceMode mode) {
  std::vector<data::Sequence> out;
  out.reserve(count);
  for (int64_t i = first; i < first + count; ++i) out.push_back(data.sequence(data::Split::Test, i, mode));
  return out;
}

namespace {

void append_steps(const model::Prediction& p, const std::vector<data::Sequence>& batch,
                  std::vector<AlignmentStep>& steps) {
  auto probs = p.spike_probability.to(torch::kCPU).contiguous();
  auto acc = probs.accessor<float, 3>();
  for (size_t b = 0; b < batch.size(); ++b) {
    for (int64_t t = 0; t < probs.size(1); ++t) {  // an unlabelled recording's steps have no truth
      AlignmentStep step;
      for (int64_t k = 0; k < probs.size(2); ++k) step.probability.push_back(acc[b][t][k]);
      if (batch[b].truth) step.truth = batch[b].truth->spikes[t];
      steps.push_back(std::move(step));
    }
  }
}

// Runs `visit(batch sequences, frames tensor, prediction)` over sequences in batches.
template <class Visit>
void for_each_batch(model::ModelBackend& m, const std::vector<data::Sequence>& sequences, int batch, Visit visit) {
  for (size_t first = 0; first < sequences.size(); first += batch) {
    std::vector<data::Sequence> part(sequences.begin() + first,
                                     sequences.begin() + std::min(sequences.size(), first + batch));
    auto frames = model::sequences_to_tensor(part).to(m.device());
    visit(part, frames, model::predict(m, frames));
  }
}

// Per sequence: the roll-out's error, the autoencoder floor and no motion, on the CPU.
struct RolloutErrors {
  torch::Tensor rollout, floor, still;
};
RolloutErrors rollout_errors(model::ModelBackend& m, const torch::Tensor& frames, const model::Prediction& p) {
  torch::NoGradGuard no_grad;
  auto own = m.decode(m.encode(frames.flatten(0, 1)).mean).view(frames.sizes());
  return {sequence_l1_error(p.frames, frames).to(torch::kCPU), sequence_l1_error(own, frames).to(torch::kCPU),
          sequence_l1_error(own.narrow(1, 0, 1).expand_as(own), frames).to(torch::kCPU)};
}

double likelihood_bound_sum(StaModelImpl& m, const torch::Tensor& frames, int samples) {
  return importance_weighted_bound(log_importance_weights(m, frames, samples)).sum().item<double>();
}

void finish_rollouts(EvalReport& r, double count) {
  for (size_t i = 0; i < r.equivariance.size(); ++i) {
    r.equivariance[i] /= count;
    r.autoencoder_floor[i] /= count;
    r.no_motion[i] /= count;
    r.transport_efficiency.push_back(transport_efficiency(r.no_motion[i], r.autoencoder_floor[i], r.equivariance[i]));
  }
}

// `count` of a split's windows, spread evenly over it (a recording's windows run clip by clip).
std::vector<data::Sequence> spread_windows(const data::Dataset& data, data::Split split, int64_t count) {
  const int64_t available = data.count(split);
  count = std::min(count, available);
  std::vector<data::Sequence> out;
  for (int64_t i = 0; i < count; ++i) out.push_back(data.sequence(split, i * available / count));
  return out;
}

// A recording (video, clips): the roll-out error over its test windows, against the floor and no
// motion, and the alignment of the labelled factors, if any (matched on training windows).
EvalReport evaluate_recording(model::ModelBackend& m, const data::Dataset& data, const EvalOptions& options) {
  EvalReport r;
  r.transforms = data.transforms();
  r.rollout_names = {"all"};
  r.recording = true;
  r.matched_on = "training windows";
  r.options = options;
  r.equivariance.assign(1, 0.0);
  r.autoencoder_floor.assign(1, 0.0);
  r.no_motion.assign(1, 0.0);
  const auto windows = spread_windows(data, data::Split::Test,
                                      options.sequences * std::max<int64_t>(1, static_cast<int64_t>(r.transforms.size())));
  std::vector<AlignmentStep> steps;
  double log_likelihood = 0;
  StaModelImpl* native = m.native();
  for_each_batch(m, windows, options.batch, [&](const auto& part, const torch::Tensor& frames, const model::Prediction& p) {
    const auto e = rollout_errors(m, frames, p);
    r.equivariance[0] += e.rollout.sum().item<double>();
    r.autoencoder_floor[0] += e.floor.sum().item<double>();
    r.no_motion[0] += e.still.sum().item<double>();
    append_steps(p, part, steps);
    if (native) log_likelihood += likelihood_bound_sum(*native, frames, options.likelihood_samples);
  });
  finish_rollouts(r, static_cast<double>(windows.size()));
  if (native) r.log_likelihood = log_likelihood / static_cast<double>(windows.size());
  std::vector<int> match;
  if (data.has_ground_truth())
    match = match_primitives(alignment_steps(m, spread_windows(data, data::Split::Train, static_cast<int64_t>(windows.size()))));
  r.alignment = spike_alignment(steps, match);
  if (!data.has_ground_truth()) r.alignment.left_over.clear();  // no factors to be left over from
  r.exactness = field_exactness(m, 128, 7);
  r.sequences_evaluated = static_cast<int64_t>(windows.size());
  return r;
}

}  // namespace

std::vector<AlignmentStep> alignment_steps(model::ModelBackend& m, const std::vector<data::Sequence>& sequences) {
  std::vector<AlignmentStep> steps;
  for_each_batch(m, sequences, 32, [&](const auto& part, const auto&, const model::Prediction& p) {
    append_steps(p, part, steps);
  });
  return steps;
}

EvalReport evaluate(model::ModelBackend& m, const data::Dataset& data, const EvalOptions& options) {
  const auto names = data.transforms();
  const int64_t transforms = static_cast<int64_t>(names.size());
  if (transforms > m.config().primitives)
    throw std::invalid_argument("the model has fewer primitives than the data has transformations");
  if (StaModelImpl* native = m.native()) native->eval();
  // The likelihood bound's samples come from one fixed stream, so that a model gets the same
  // figures every time; the caller's stream is left where it was.
  const model::GeneratorStateGuard keep_callers_stream;
  torch::manual_seed(kLikelihoodSeed);
  if (!data.draws_dynamics()) return evaluate_recording(m, data, options);
  EvalReport r;
  r.transforms = names;
  r.rollout_names = names;
  r.matched_on = "validation sequences (training images, unseen dynamics)";
  r.options = options;
  r.equivariance.assign(transforms, 0.0);
  r.autoencoder_floor.assign(transforms, 0.0);
  r.no_motion.assign(transforms, 0.0);

  // Single-transformation sequences: index % M is the transformation (equivariance, accuracy).
  const int64_t count = options.sequences * transforms;
  auto single = test_sequences(data, 0, count, data::SequenceMode::Single);
  std::vector<AlignmentStep> steps;
  int64_t index = 0;
  for_each_batch(m, single, options.batch, [&](const auto& part, const torch::Tensor& frames, const model::Prediction& p) {
    const auto e = rollout_errors(m, frames, p);
    for (int64_t b = 0; b < e.rollout.size(0); ++b, ++index) {
      r.equivariance[index % transforms] += e.rollout[b].item<double>();
      r.autoencoder_floor[index % transforms] += e.floor[b].item<double>();
      r.no_motion[index % transforms] += e.still[b].item<double>();
    }
    append_steps(p, part, steps);
  });
  finish_rollouts(r, options.sequences);

  // Sparse sequences: multi-transformation steps (F1) and the likelihood bound (which needs the
  // priors of our own model).
  auto sparse = test_sequences(data, 0, count, data::SequenceMode::Sparse);
  double log_likelihood = 0;
  StaModelImpl* native = m.native();
  for_each_batch(m, sparse, options.batch, [&](const auto& part, const torch::Tensor& frames, const model::Prediction& p) {
    append_steps(p, part, steps);
    if (native) log_likelihood += likelihood_bound_sum(*native, frames, options.likelihood_samples);
  });
  if (native) r.log_likelihood = log_likelihood / static_cast<double>(sparse.size());
  // The primitive-to-transformation match is fitted on validation sequences, scored on the test ones.
  std::vector<data::Sequence> validation;
  for (auto mode : {data::SequenceMode::Single, data::SequenceMode::Sparse})
    for (int64_t i = 0; i < count; ++i) validation.push_back(data.sequence(data::Split::Train, data::kValidationFirst + i, mode));
  r.alignment = spike_alignment(steps, match_primitives(alignment_steps(m, validation)));
  r.exactness = field_exactness(m, 128, 7);
  r.sequences_evaluated = static_cast<int64_t>(single.size() + sparse.size());
  return r;
}

nlohmann::json EvalReport::to_json() const {
  auto keyed = [](const std::vector<std::string>& names, const std::vector<double>& values) {
    nlohmann::json j = nlohmann::json::object();
    for (size_t i = 0; i < names.size() && i < values.size(); ++i) j[names[i]] = values[i];
    return j;
  };
  auto per_transform = [&](const std::vector<double>& values) { return keyed(transforms, values); };
  auto per_rollout = [&](const std::vector<double>& values) { return keyed(rollout_names, values); };
  nlohmann::json matched = nlohmann::json::object();
  for (size_t i = 0; i < transforms.size() && i < alignment.primitive_of.size(); ++i)
    matched[transforms[i]] = alignment.primitive_of[i];
  nlohmann::json spikes = nullptr;  // alignment needs labels: none for an unlabelled recording
  if (!transforms.empty())
    spikes = {{"single_accuracy", alignment.single_accuracy},
              {"single_accuracy_of", per_transform(alignment.single_accuracy_of)},
              {"primitive_usage", alignment.usage},
              {"multi_f1", alignment.multi_f1},
              {"single_steps", alignment.single_steps},
              {"multi_steps", alignment.multi_steps},
              {"primitive_of", matched},
              {"matched_on", matched_on},
              {"coactivation", alignment.coactivation}};
  return {{"equivariance_error", per_rollout(equivariance)},
          {"autoencoder_floor", per_rollout(autoencoder_floor)},
          {"no_motion", per_rollout(no_motion)},
          {"transport_efficiency", per_rollout(transport_efficiency)},
          {"log_likelihood_bound", log_likelihood ? nlohmann::json(*log_likelihood) : nlohmann::json()},
          {"likelihood_samples", options.likelihood_samples},
          {"spike_alignment", spikes},
          {"primitives",
           {{"count", alignment.usage.size()},
            {"live", alignment.usage.size() - alignment.unused.size()},
            {"share_of_steps", alignment.usage},
            {"unused", alignment.unused},
            {"unused_below_share", kUnusedShare},
            {"left_over", alignment.left_over}}},
          {"field_exactness", {{"relative_divergence", exactness.divergence}, {"jacobian_asymmetry", exactness.asymmetry}}},
          {"sequences_per_transformation", options.sequences},
          {"sequences_evaluated", sequences_evaluated}};
}

}  // namespace sta::eval
