// `sta train`: trains an STA model from a preset with a live progress line, periodic
// checkpoints, --resume, and a clean checkpoint-and-exit on Ctrl-C.
#include "app/cli/commands.h"
#include "app/cli/console.h"

#include "core/model/sta_model.h"
#include "core/train/checkpoint.h"
#include "core/train/trainer.h"

#include <cstdio>
#include <filesystem>

namespace sta::cli {

namespace {

struct TrainArgs {
  std::string preset = "demo", source = "fashion-mnist", transforms, device = "auto", out;
  int64_t steps = 0;
  uint64_t seed = 0;
  int batch = 0, primitives = 0, length = 8, size = 0;
  std::vector<std::string> overrides;
  bool resume = false;
  std::string on_save_error = "stop";
};

// "[a/b/c]" of numbers printed with `format`.
template <class Number>
std::string join_numbers(const std::vector<Number>& values, const char* format) {
  std::string text = "[";
  char buffer[32];
  for (size_t i = 0; i < values.size(); ++i) {
    std::snprintf(buffer, sizeof buffer, format, static_cast<double>(values[i]));
    text += (i ? "/" : "") + std::string(buffer);
  }
  return text + "]";
}

void print_progress(const train::StepReport& r, bool terminal) {
  const auto term = [&](const char* name) {
    for (const auto& [n, v] : r.terms)
      if (n == name) return v;
    return 0.0;
  };
  if (!r.event.empty()) std::fprintf(stderr, "%s%s\n", terminal ? "\r\033[K" : "", r.event.c_str());
  const bool line_due = terminal || r.step % 50 == 0 || r.step == r.total || r.validation_alignment;
  if (!line_due) return;
  std::fprintf(stderr, "%sstep %lld/%lld | stage %d | loss %.1f (recon %.1f, kl %.1f, spike %.2f) | %.2f steps/s | ETA %s",
               terminal ? "\r\033[K" : "", static_cast<long long>(r.step), static_cast<long long>(r.total), r.stage, r.loss,
               term("recon"), term("kl_z0") + term("kl_flow"), term("kl_spike"), r.steps_per_second,
               format_duration(r.eta_seconds).c_str());
  if (r.best_residual >= 0) std::fprintf(stderr, " | residual %.2f, |d|^2 %.3f", r.best_residual, r.step_length);
  if (!r.usage.empty()) std::fprintf(stderr, " | use %s", join_numbers(r.usage, "%.2f").c_str());
  if (!r.assignment.empty()) std::fprintf(stderr, " | picked %s", join_numbers(r.assignment, "%g").c_str());
  if (r.validation_alignment) std::fprintf(stderr, " | alignment %.3f", *r.validation_alignment);
  std::fprintf(stderr, terminal ? "" : "\n");
}

void run_train(const TrainArgs& a) {
  const auto device = model::resolve_device(a.device);
  std::unique_ptr<train::Trainer> trainer;
  std::shared_ptr<const data::Dataset> data;
  if (a.resume) {
    if (!std::filesystem::exists(a.out)) throw std::runtime_error("--resume: no checkpoint at '" + a.out + "'");
    auto checkpoint = train::load_checkpoint(a.out, device);
    data = data::open_dataset(checkpoint.meta.data);
    if (a.steps > 0) checkpoint.meta.train.total_steps = a.steps;
    trainer = std::make_unique<train::Trainer>(checkpoint, data, device, a.out);
    std::fprintf(stderr, "resuming %s at step %lld\n", a.out.c_str(), static_cast<long long>(trainer->step_count()));
  } else {
    data::DataSpec spec;
    spec.source = a.source;
    spec.transforms = data::parse_transform_list(a.transforms);
    spec.steps = a.length;
    spec.seed = a.seed;
    spec.image_size = a.size;
    data = data::open_dataset(spec);
    const int transforms = std::max<int>(1, static_cast<int>(data->transforms().size()));
    auto config = train::make_preset(a.preset, data->image_size(), a.primitives > 0 ? a.primitives : transforms, a.length);
    if (a.steps > 0) config.total_steps = a.steps;
    if (a.batch > 0) config.batch_size = a.batch;
    config.seed = a.seed;
    config = train::with_overrides(config, a.overrides);
    trainer = std::make_unique<train::Trainer>(config, data, device, a.out);
  }
  const auto& c = trainer->config();
  std::fprintf(stderr, "training preset %s on %s (%zu transformations, %d px, T = %d): K = %d, D = %d, batch %d, %lld steps, device %s\n",
               c.preset.c_str(), data->spec().source.c_str(), data->transforms().size(), c.model.image_size,
               c.model.steps, c.model.primitives, c.model.latent_dim, c.batch_size,
               static_cast<long long>(c.total_steps), device.str().c_str());

  trainer->keep_training_when_save_fails(a.on_save_error == "continue");
  install_interrupt_handler();
  const bool terminal = stderr_is_terminal();
  trainer->run([&](const train::StepReport& r) {
    print_progress(r, terminal);
    if (interrupt_requested()) trainer->cancel();
  });
  if (terminal) std::fprintf(stderr, "\n");
  trainer->save(a.out);
  if (trainer->cancelled()) {
    std::fprintf(stderr, "interrupted at step %lld: checkpoint saved to %s (continue with --resume)\n",
                 static_cast<long long>(trainer->step_count()), a.out.c_str());
    std::exit(130);
  }
  std::fprintf(stderr, "done: %lld steps, checkpoint saved to %s\n", static_cast<long long>(trainer->step_count()),
               a.out.c_str());
}

}  // namespace

void add_train_command(CLI::App& app) {
  auto args = std::make_shared<TrainArgs>();
  auto* cmd = app.add_subcommand("train", "Train an STA model and write a checkpoint");
  cmd->add_option("--preset", args->preset, "tiny (seconds), demo (2-core CPU, ~20 min) or paper (GPU)")
      ->check(CLI::IsMember({"tiny", "demo", "paper"}))->capture_default_str();
  cmd->add_option("--data", args->source, "Data source: fashion-mnist, idx:PATH, digits, shapes, video:PATH")
      ->capture_default_str();
  cmd->add_option("--transforms", args->transforms, "Comma-separated transformations (default: the source's set)");
  cmd->add_option("--device", args->device, "auto, cpu or cuda")->capture_default_str();
  // Counts must be positive: 0 or a negative number is refused, never read as "the preset's".
  cmd->add_option("--steps", args->steps, "Optimisation steps (default: the preset's; with --resume: new total)")
      ->check(CLI::Range(int64_t{1}, int64_t{1} << 40));
  cmd->add_option("--seed", args->seed, "Random seed (data and weights)")->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--batch", args->batch, "Batch size (default: the preset's)")->check(CLI::Range(1, 1 << 20));
  cmd->add_option("--primitives", args->primitives, "Number of flow primitives K (default: one per transformation)")
      ->check(CLI::Range(1, 64));
  cmd->add_option("--length", args->length, "Transitions per sequence T")->capture_default_str()->check(CLI::Range(1, 4096));
  cmd->add_option("--size", args->size, "Frame size in pixels (default: the source's own, e.g. 28, or 64 for shapes)")
      ->check(CLI::Range(8, 1024));
  cmd->add_option("--out", args->out, "Checkpoint file to write (also written periodically)")->required();
  cmd->add_option("--set", args->overrides, "Override a training setting, e.g. --set model.latent_dim=16 (repeatable)");
  cmd->add_flag("--resume", args->resume, "Continue training the checkpoint at --out");
  cmd->add_option("--on-save-error", args->on_save_error,
                  "When a periodic checkpoint cannot be written (full disk): stop (exit with the reason) or continue")
      ->check(CLI::IsMember({"stop", "continue"}))
      ->capture_default_str();
  cmd->callback([args] { run_train(*args); });
}

}  // namespace sta::cli
