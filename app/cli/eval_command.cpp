// `sta eval`: every metric of spec section 4 on a model's held-out test split, as a table and optionally JSON.
#include "app/cli/commands.h"

#include "core/eval/metrics.h"
#include "core/model/engine.h"
#include "core/train/checkpoint.h"
#include "core/train/model_file.h"
#include "core/util/atomic_file.h"

#include <cstdio>
#include <map>
#include <optional>

namespace sta::cli {

namespace {

struct EvalArgs {
  std::string checkpoint, source, transforms, device = "auto", json;
  int sequences = 64, samples = 16;
  double inference_sparsity = 0;  // 0: the lambda stored in the checkpoint
};

// Published MNIST equivariance errors (FFRL slides, 3-channel 28x28, T = 8).
struct Published {
  double supervised, weak, vae;
};
const std::map<std::string, Published> kPublished = {
    {"scale", {185.42, 193.84, 1275.31}}, {"rotate", {153.54, 157.16, 1310.72}}, {"hue", {158.57, 165.19, 1368.92}}};

void print_report(const eval::EvalReport& r, const train::CheckpointSummary& summary, const data::DataSpec& spec,
                  const std::string& path, const std::string& kind, const std::optional<double>& inference_sparsity) {
  if (r.recording)
    std::printf("STA evaluation of %s (step %lld) on %s, test split, %lld windows\n\n", path.c_str(),
                static_cast<long long>(summary.step), spec.source.c_str(), static_cast<long long>(r.sequences_evaluated));
  else
    std::printf("STA evaluation of %s (step %lld) on %s, test split, %d single-transformation sequences each\n\n",
                path.c_str(), static_cast<long long>(summary.step), spec.source.c_str(), r.options.sequences);
  if (summary.ground_truth_used)
    std::printf("Training: curriculum %s, %s\n\n", summary.curriculum.c_str(),
                *summary.ground_truth_used ? "read ground truth (weak supervision)" : "no ground truth read (label-free)");
  std::printf("Equivariance error (sum over t=1..T of per-pixel L1, pixels in [0,1]; lower is better)\n");
  std::printf("  %-14s %10s   %s\n", "transformation", "this model", "published MNIST: FFRL supervised / weak / VAE");
  for (size_t i = 0; i < r.rollout_names.size(); ++i) {
    auto p = kPublished.find(r.rollout_names[i]);
    std::printf("  %-14s %10.2f", r.rollout_names[i].c_str(), r.equivariance[i]);
    if (p != kPublished.end()) std::printf("   %.2f / %.2f / %.2f", p->second.supervised, p->second.weak, p->second.vae);
    std::printf("\n");
  }
  std::printf("\nDiagnosis (same L1): autoencoder floor = decode the encoder's own means; no motion = decoded frame 0\n");
  std::printf("  %-14s %10s %10s %10s %12s %10s\n", "transformation", "roll-out", "floor", "no motion", "efficiency", "alignment");
  for (size_t i = 0; i < r.rollout_names.size(); ++i) {
    std::printf("  %-14s %10.1f %10.1f %10.1f %12.3f", r.rollout_names[i].c_str(), r.equivariance[i],
                r.autoencoder_floor[i], r.no_motion[i], r.transport_efficiency[i]);
    if (r.recording) std::printf(" %10s\n", "-");
    else std::printf(" %10.3f\n", r.alignment.single_accuracy_of[i]);
  }
  if (r.log_likelihood)
    std::printf("\nLog-likelihood bound (importance-weighted, %d samples): %.2f nats per sequence (published MNIST FFRL: -2112.45)\n",
                r.options.likelihood_samples, *r.log_likelihood);
  else
    std::printf("\nLog-likelihood bound: not available (it needs the priors of an STA checkpoint)\n");
  const auto& a = r.alignment;
  if (r.transforms.empty()) {
    std::printf("\nSpike alignment: not available (no labels: a clip folder's labels.csv gives them)\n");
  } else {
    std::printf("\nSpike alignment: accuracy %.3f on %lld single-transformation steps, F1 %.3f on %lld multi-transformation steps\n",
                a.single_accuracy, static_cast<long long>(a.single_steps), a.multi_f1, static_cast<long long>(a.multi_steps));
    std::printf("  match fitted on %s, scored on the test split\n", r.matched_on.c_str());
    for (size_t i = 0; i < r.transforms.size(); ++i)
      std::printf("  %-14s -> primitive %d, accuracy %.3f\n", r.transforms[i].c_str(), a.primitive_of[i],
                  a.single_accuracy_of[i]);
  }
  if (inference_sparsity) std::printf("  inference sparsity lambda %g\n", *inference_sparsity);
  std::printf("  primitive usage (share of test steps with spike probability > 0.5):");
  for (double u : a.usage) std::printf(" %.3f", u);
  std::printf("\n  live primitives: %zu of %zu", a.usage.size() - a.unused.size(), a.usage.size());
  for (int k : a.unused) std::printf("; primitive %d unused (share below %.0f%%)", k, 100 * eval::kUnusedShare);
  for (int k : a.left_over) std::printf("; primitive %d left over (no transformation)", k);
  std::printf("\n");
  std::printf("\nField exactness (max over 128 random latents, %s)\n",
              kind == "torchscript" ? "in the module's precision" : "double precision");
  for (size_t k = 0; k < r.exactness.divergence.size(); ++k)
    std::printf("  primitive %zu: |div r|/|J_r| = %.2e, |J - J^T|/|J| of grad u = %.2e\n", k, r.exactness.divergence[k],
                r.exactness.asymmetry[k]);
}

// The model is an STA checkpoint or a TorchScript module; the table sits beside the published MNIST
// figures.
void run_eval(const EvalArgs& a) {
  const model::Engine engine = train::load_engine(a.checkpoint, a.device);
  const auto& backend = engine.backend();
  const train::CheckpointSummary summary = train::read_checkpoint_summary(a.checkpoint);
  data::DataSpec spec = summary.data;
  if (!a.source.empty()) spec.source = a.source;
  if (!a.transforms.empty()) spec.transforms = data::parse_transform_list(a.transforms);
  if (spec.source.empty())
    throw std::runtime_error(a.checkpoint + " does not record its data: name it with --data");
  model::StaModelImpl* native = backend->native();
  if (a.inference_sparsity > 0) {
    if (!native) throw std::runtime_error("--inference-sparsity applies to STA checkpoints, not TorchScript modules");
    native->set_inference_sparsity(a.inference_sparsity);
  }
  std::optional<double> sparsity;
  if (native) sparsity = native->config().inference_sparsity;
  spec.steps = backend->config().steps;  // sequences as long as the model's
  auto data = data::open_dataset(spec);
  if (data->image_size() != backend->config().image_size)
    throw std::runtime_error("the data has " + std::to_string(data->image_size()) + " px frames but the model expects " +
                             std::to_string(backend->config().image_size) + " px");
  eval::EvalOptions options;
  options.sequences = a.sequences;
  options.likelihood_samples = a.samples;
  auto report = eval::evaluate(*backend, *data, options);
  print_report(report, summary, spec, a.checkpoint, backend->kind(), sparsity);
  if (!a.json.empty()) {
    auto j = report.to_json();
    j["checkpoint"] = a.checkpoint;
    j["model_kind"] = backend->kind();
    j["step"] = summary.step;
    j["inference_sparsity"] = sparsity ? nlohmann::json(*sparsity) : nlohmann::json();
    j["data"] = train::data_spec_to_json(spec);
    j["training"] = {{"ground_truth_used", summary.ground_truth_used ? nlohmann::json(*summary.ground_truth_used) : nlohmann::json()},
                     {"curriculum", summary.curriculum.empty() ? nlohmann::json() : nlohmann::json(summary.curriculum)}};
    write_file_atomically(a.json, j.dump(2) + "\n");
  }
}

}  // namespace

void add_eval_command(CLI::App& app) {
  auto args = std::make_shared<EvalArgs>();
  auto* cmd = app.add_subcommand("eval", "Evaluate a checkpoint: equivariance, likelihood, spike alignment, field exactness");
  cmd->add_option("checkpoint", args->checkpoint, "Model: an STA checkpoint (.sta) or a TorchScript module (.pt)")->required();
  cmd->add_option("--data", args->source, "Data source (default: the one it was trained on)");
  cmd->add_option("--transforms", args->transforms, "Transformations (default: the trained set)");
  cmd->add_option("--sequences", args->sequences, "Test sequences per transformation")->capture_default_str()
      ->check(CLI::Range(1, 100000));
  cmd->add_option("--samples", args->samples, "Importance samples for the likelihood bound")->capture_default_str()
      ->check(CLI::Range(1, 10000));
  cmd->add_option("--inference-sparsity", args->inference_sparsity,
                  "Sparsity lambda of sparse-coding spike inference (default: the one stored in the checkpoint)")
      ->check(CLI::Range(1e-6, 10.0));
  cmd->add_option("--device", args->device, "auto, cpu or cuda")->capture_default_str();
  cmd->add_option("--json", args->json, "Write every metric to this JSON file");
  cmd->callback([args] { run_eval(*args); });
}

}  // namespace sta::cli
