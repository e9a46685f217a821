// `sta train`: trains an STA model from a preset, alone or data-parallel over c10d.
#include "app/cli/commands.h"
#include "app/cli/console.h"
#include "app/cli/enum_option.h"
#include "app/cli/run_log.h"
#include "app/cli/train_args.h"

#include "core/dist/process_group.h"
#include "core/model/device.h"
#include "core/model/sta_model.h"
#include "core/train/checkpoint.h"
#include "core/train/trainer.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

namespace sta::cli {

namespace {

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
  if (r.validation_alignment) std::fprintf(stderr, " | alignment %.3f, F1 %.3f", *r.validation_alignment, r.validation_f1.value_or(0));
  std::fprintf(stderr, terminal ? "" : "\n");
}

// Joins the data-parallel group of --world-size ranks (nullptr for a single process). Under
// --device cuda each rank takes the GPU of its local rank and the group runs on NCCL.
std::shared_ptr<train::DataParallel> join_group(const TrainArgs& a, torch::Device& device) {
  if (a.world_size == 1) return nullptr;
  dist::Rendezvous r;
  dist::parse_rendezvous(a.rendezvous, r);
  r.world_size = a.world_size;
  r.rank = a.rank;
  r.timeout = std::chrono::seconds(a.timeout);
  if (device.is_cuda()) {
    if (!dist::nccl_available())
      throw std::invalid_argument("data-parallel training on CUDA needs a LibTorch built with CUDA and NCCL");
    const char* local = std::getenv("STA_LOCAL_RANK");
    const int local_rank = local ? std::atoi(local) : a.rank;
    r.cuda_device = local_rank % static_cast<int>(torch::cuda::device_count());
    device = torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(r.cuda_device));
    r.nccl = true;
  }
  return std::make_shared<train::DataParallel>(dist::ProcessGroup::join(r));
}

// The checkpoint to resume: rank 0 reads the file and hands its bytes (or why it could not) to
// the other ranks, which need no copy of it.
train::LoadedCheckpoint checkpoint_to_resume(const TrainArgs& a, const torch::Device& device,
                                             train::DataParallel* parallel) {
  std::string bytes, problem;
  if (!parallel || parallel->rank() == 0) {
    std::ifstream in(a.out, std::ios::binary);
    std::ostringstream content;
    if (!std::filesystem::exists(a.out)) problem = "--resume: no checkpoint at '" + a.out + "'";
    else if (!(in && content << in.rdbuf())) problem = "--resume: cannot read '" + a.out + "'";
    bytes = content.str();
  }
  if (parallel) {
    const auto shared = parallel->group().share("resume", problem.empty() ? "ok:" + bytes : "error:" + problem, 0);
    if (shared.rfind("error:", 0) == 0) throw std::runtime_error(shared.substr(6) + (parallel->rank() ? " (on rank 0)" : ""));
    bytes = shared.substr(3);
  } else if (!problem.empty()) {
    throw std::runtime_error(problem);
  }
  return train::load_checkpoint_from_bytes(bytes, a.out, device);
}

void print_parallel_summary(train::Trainer& trainer, const train::DataParallel& parallel) {
  auto parameters = trainer.model().parameters();
  std::fprintf(stderr, "data parallel: %d processes, %.2f MB of gradients all-reduced per step in %d bucket(s); "
               "all-reduce took %.1f%% of the step time\n",
               parallel.size(), static_cast<double>(parallel.bytes_per_step(parameters)) / 1e6, parallel.buckets(parameters),
               trainer.step_seconds() > 0 ? 100 * trainer.allreduce_seconds() / trainer.step_seconds() : 0.0);
  std::fprintf(stderr, "replicas: all %d ranks hold bit-identical weights\n", parallel.size());
}

// A live progress line, periodic checkpoints, --resume, and a clean checkpoint-and-exit on Ctrl-C;
// data-parallel as one rank of --world-size (or as the launcher of --nproc local workers).
void run_train(const TrainArgs& a) {
  auto device = model::resolve_device(a.device);
  auto parallel = join_group(a, device);
  const bool rank_zero = !parallel || parallel->rank() == 0;
  const std::string checkpoint_path = rank_zero ? a.out : "";  // only rank 0 writes
  std::unique_ptr<train::Trainer> trainer;
  std::shared_ptr<const data::Dataset> data;
  if (a.resume) {
    auto checkpoint = checkpoint_to_resume(a, device, parallel.get());
    data = data::open_dataset(checkpoint.meta.data);
    if (a.steps > 0) checkpoint.meta.train.total_steps = a.steps;
    trainer = std::make_unique<train::Trainer>(checkpoint, data, device, checkpoint_path, parallel);
    if (rank_zero)
      std::fprintf(stderr, "resuming %s at step %lld (trained so far by %d process%s)\n", a.out.c_str(),
                   static_cast<long long>(trainer->step_count()), checkpoint.meta.world_size,
                   checkpoint.meta.world_size == 1 ? "" : "es");
  } else {
    data::DataSpec spec;
    spec.source = a.source;
    spec.transforms = data::parse_transform_list(a.transforms);
    spec.steps = a.length;
    spec.seed = a.seed;
    spec.image_size = a.size;
    spec.video_stride = a.stride;
    data = data::open_dataset(spec);
    const int transforms = std::max<int>(1, static_cast<int>(data->transforms().size()));
    auto config = train::make_preset(a.preset, data->image_size(), a.primitives > 0 ? a.primitives : transforms, a.length);
    if (a.steps > 0) config.total_steps = a.steps;
    if (a.batch > 0) config.batch_size = a.batch;
    config.seed = a.seed;
    config = train::with_overrides(config, a.overrides);
    trainer = std::make_unique<train::Trainer>(config, data, device, checkpoint_path, parallel);
  }
  const auto& c = trainer->config();
  if (rank_zero) std::fprintf(stderr, "training preset %s on %s (%zu transformations, %d px, T = %d): K = %d, D = %d, batch %d, %lld steps, device %s\n",
               c.preset.c_str(), data->spec().source.c_str(), data->transforms().size(), c.model.image_size,
               c.model.steps, c.model.primitives, c.model.latent_dim, c.batch_size,
               static_cast<long long>(c.total_steps), device.str().c_str());

  if (parallel && rank_zero)
    std::fprintf(stderr, "data parallel: rank 0 of %d at %s over %s, %d sequences per rank, collective timeout %d s\n",
                 parallel->size(), a.rendezvous.c_str(), device.is_cuda() ? "NCCL" : "Gloo",
                 static_cast<int>(parallel->local_batch(c.batch_size)), a.timeout);

  trainer->keep_training_when_save_fails(a.on_save_error == OnSaveError::Continue);
  install_interrupt_handler();
  const bool terminal = rank_zero && stderr_is_terminal();
  std::optional<RunLog> log;
  if (rank_zero) log.emplace(run_log_path(a.out), a.resume, trainer->step_count());
  trainer->run([&](const train::StepReport& r) {
    if (rank_zero) {
      print_progress(r, terminal);
      log->record(r);
    }
    if (interrupt_requested()) trainer->cancel();
  });
  if (terminal) std::fprintf(stderr, "\n");
  trainer->check_replicas();
  if (!rank_zero) std::exit(trainer->cancelled() ? 130 : 0);
  if (parallel) print_parallel_summary(*trainer, *parallel);
  trainer->save(a.out);
  if (trainer->cancelled()) {
    std::fprintf(stderr, "interrupted at step %lld: checkpoint saved to %s (continue with --resume)\n",
                 static_cast<long long>(trainer->step_count()), a.out.c_str());
    std::exit(130);
  }
  std::fprintf(stderr, "done: %lld steps (this run: %.2f steps/s), checkpoint saved to %s\n",
               static_cast<long long>(trainer->step_count()),
               trainer->step_seconds() > 0 ? static_cast<double>(trainer->steps_run()) / trainer->step_seconds() : 0.0,
               a.out.c_str());
}

}  // namespace

void add_train_command(CLI::App& app) {
  auto args = std::make_shared<TrainArgs>();
  auto* cmd = app.add_subcommand("train", "Train an STA model and write a checkpoint");
  cmd->add_option("--preset", args->preset, "tiny (300 steps, tests), demo (4000 steps, the CPU default) or paper (100000 steps, GPU)")
      ->check(CLI::IsMember({"tiny", "demo", "paper"}))->capture_default_str();
  cmd->add_option("--data", args->source, "Data source: fashion-mnist, idx:PATH, digits, shapes, video:PATH, clips:PATH")
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
  cmd->add_option("--stride", args->stride, "Frames between consecutive windows of video: and clips: sources")
      ->capture_default_str()->check(CLI::Range(1, 100000));
  cmd->add_option("--out", args->out, "Checkpoint file to write (also written periodically)")->required();
  cmd->add_option("--set", args->overrides, "Override a training setting, e.g. --set model.latent_dim=16 (repeatable)");
  cmd->add_flag("--resume", args->resume, "Continue training the checkpoint at --out");
  add_enum_option(cmd, "--on-save-error", args->on_save_error,
                  "When a periodic checkpoint cannot be written (full disk): stop (exit with the reason) or continue");
  cmd->add_option("--world-size", args->world_size, "Data-parallel: number of processes (ranks) training together")
      ->check(CLI::Range(1, 4096))->capture_default_str();
  cmd->add_option("--rank", args->rank, "Data-parallel: this process's rank, 0..world-size-1 (0 hosts the rendezvous)")
      ->check(CLI::Range(0, 4095))->capture_default_str();
  cmd->add_option("--rendezvous", args->rendezvous, "Data-parallel: HOST:PORT where rank 0 listens for the others");
  cmd->add_option("--nproc", args->nproc, "Start this many local worker processes on 127.0.0.1 (like torchrun)")
      ->check(CLI::Range(1, 64));
  cmd->add_option("--timeout", args->timeout,
                  "Data-parallel: seconds a collective or the rendezvous may wait for the other ranks")
      ->check(CLI::Range(1, 86400))->capture_default_str();
  cmd->callback([args] {
    if (args->nproc > 0 && (args->world_size != 1 || args->rank != 0 || !args->rendezvous.empty()))
      throw std::invalid_argument("--nproc starts its own ranks: leave out --world-size, --rank and --rendezvous");
    if (args->world_size > 1 && args->rendezvous.empty())
      throw std::invalid_argument("--world-size " + std::to_string(args->world_size) + " needs --rendezvous HOST:PORT");
    if (args->rank >= args->world_size)
      throw std::invalid_argument("--rank " + std::to_string(args->rank) + " is not below --world-size " +
                                  std::to_string(args->world_size));
    if (args->nproc > 0) {
      if (const int status = launch_local_workers(*args); status != 0) std::exit(status);
      return;
    }
    run_train(*args);
  });
}

}  // namespace sta::cli
