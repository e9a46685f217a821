// `sta bench`: times a training step of a preset and the viewer's hot paths (median milliseconds), with the
// step's FLOPs against the machine's GEMM rate and a profile of one step by model part.
#include "app/cli/commands.h"
#include "app/cli/step_profile.h"

#include "core/model/device.h"
#include "core/model/objective.h"
#include "core/model/step_parts.h"
#include "core/train/sequence_batch.h"
#include "core/train/step_objective.h"
#include "core/util/atomic_file.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <cstdio>
#include <functional>
#include <optional>
#include <thread>

namespace sta::cli {

namespace {

struct BenchArgs {
  std::string preset = "demo", source = "fashion-mnist", device = "auto";
  int repeats = 10;
  std::string json;                    // figures written here as well when set
  std::vector<std::string> overrides;  // --set KEY=VALUE, as sta train takes them
};

double median_ms(int repeats, const std::function<void()>& work, bool sync_cuda) {
  std::vector<double> times;
  for (int i = 0; i < repeats + 1; ++i) {  // the first run warms up and is dropped
    auto start = std::chrono::steady_clock::now();
    work();
    if (sync_cuda) torch::cuda::synchronize();
    if (i > 0) times.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  }
  std::nth_element(times.begin(), times.begin() + times.size() / 2, times.end());
  return times[times.size() / 2];
}

// The machine's matrix-product rate at this thread count, GFLOP/s (median): fp32 as one square
// product per thread at once, on threads of its own (BLAS runs single-threaded here, OPENBLAS_NUM_THREADS=1), and bf16 as
// one product that LibTorch spreads over the threads itself (oneDNN where the CPU has bf16 units).
struct GemmRates {
  double fp32 = 0, bf16 = 0;
};

GemmRates gemm_rates(int repeats) {
  constexpr int64_t kSize = 1024;
  constexpr double kFlops = 2.0 * kSize * kSize * kSize;
  const int threads = at::get_num_threads();
  std::vector<torch::Tensor> a, b, c;
  for (int i = 0; i < threads; ++i) {
    a.push_back(torch::randn({kSize, kSize}));
    b.push_back(torch::randn({kSize, kSize}));
    c.push_back(torch::empty({kSize, kSize}));
  }
  GemmRates rates;
  rates.fp32 = threads * kFlops / (1e6 * median_ms(repeats, [&] {
    std::vector<std::thread> workers;
    for (int i = 0; i < threads; ++i) workers.emplace_back([&, i] { torch::mm_out(c[i], a[i], b[i]); });
    for (auto& worker : workers) worker.join();
  }, false));
  auto a16 = a[0].to(torch::kBFloat16), b16 = b[0].to(torch::kBFloat16);
  rates.bf16 = kFlops / (1e6 * median_ms(repeats, [&] { torch::mm(a16, b16); }, false));
  return rates;
}

nlohmann::json profile_json(const StepProfile& profile) {
  auto parts = nlohmann::json::array();
  for (const auto& part : profile.parts) {
    auto operators = nlohmann::json::array();
    for (const auto& op : part.operators)
      operators.push_back({{"name", op.name}, {"backward", op.backward}, {"calls", op.calls}, {"ms", op.ms}, {"flops", op.flops}});
    parts.push_back({{"part", part.part}, {"forward_ms", part.forward_ms}, {"backward_ms", part.backward_ms},
                     {"flops", part.flops}, {"operators", operators}});
  }
  return {{"wall_ms", profile.wall_ms}, {"flops", profile.flops}, {"parts", parts}};
}

void print_profile(const StepProfile& profile) {
  std::printf("  one profiled step (data + objective + backward + clip + Adam): %.1f ms under the profiler, "
              "%.2f GFLOP of matrix products\n", profile.wall_ms, profile.flops / 1e9);
  std::printf("    %-14s %9s %9s %9s %10s\n", "part", "forward", "backward", "GFLOP", "GFLOP/s");
  for (const auto& part : profile.parts) {
    const double ms = part.forward_ms + part.backward_ms;
    std::printf("    %-14s %6.1f ms %6.1f ms %9.3f %10.1f\n", part.part.c_str(), part.forward_ms, part.backward_ms,
                part.flops / 1e9, ms > 0 ? part.flops / (ms * 1e6) : 0.0);
    int shown = 0;
    for (const auto& op : part.operators) {
      if (shown++ == 3) break;
      std::printf("      %-44s %4d x %7.2f ms\n", (op.name + (op.backward ? " (backward)" : "")).c_str(), op.calls, op.ms);
    }
  }
}

// The step is split into data, forward, backward and optimiser, with the flow/PINN part timed on its
// own; the hot paths are a batch-8 roll-out + decode and one composed traversal.
void run_bench(const BenchArgs& a) {
  const auto json_folder = std::filesystem::path(a.json).parent_path();
  if (!a.json.empty() && !json_folder.empty() && !std::filesystem::is_directory(json_folder))
    throw std::runtime_error("--json " + a.json + ": folder '" + json_folder.string() + "' does not exist");
  const auto device = model::resolve_device(a.device);
  const bool cuda = device.is_cuda();
  data::DataSpec spec;
  spec.source = a.source;
  auto data = data::open_dataset(spec);
  const auto config = train::with_overrides(
      train::make_preset(a.preset, data->image_size(), static_cast<int>(data->transforms().size()), spec.steps), a.overrides);
  const auto& c = config.model;
  torch::manual_seed(0);
  model::StaModel m(c);
  m->to(device);
  torch::optim::Adam optimizer(m->parameters(), torch::optim::AdamOptions(config.learning_rate));
  std::printf("sta bench: preset %s, %s, batch %d, T = %d, %d px, D = %d, K = %d, device %s, %d threads, median of %d\n",
              a.preset.c_str(), a.source.c_str(), config.batch_size, c.steps, c.image_size, c.latent_dim,
              c.primitives, device.str().c_str(), at::get_num_threads(), a.repeats);

  int64_t next = 0;
  auto batch = [&] {  // the trainer's data path: rendered on the device in one call
    auto made = train::training_batch(*data, config, config.total_steps - 1, next, config.batch_size, device);
    next += config.batch_size;
    return made;
  };
  auto inputs = batch();
  // A step of stage 2 (slabs trained, after the curriculum): the most expensive kind.
  const int64_t step = config.total_steps - 1;
  m->set_slabs_trained(true);
  auto objective_of = [&] { return train::training_objective(*m, config, inputs, step); };

  const double data_ms = median_ms(a.repeats, [&] { batch(); }, cuda);
  const double forward_ms = median_ms(a.repeats, [&] { objective_of(); }, cuda);
  const double forward_backward_ms = median_ms(a.repeats, [&] {
    optimizer.zero_grad();
    objective_of().total.backward();
  }, cuda);
  auto train_step = [&] {
    auto objective = objective_of();
    optimizer.zero_grad();
    objective.total.backward();
    RECORD_USER_SCOPE(model::part::kOptimiser);
    torch::nn::utils::clip_grad_norm_(m->parameters(), config.grad_clip);
    optimizer.step();
  };
  const double step_ms = median_ms(a.repeats, train_step, cuda);
  std::optional<StepProfile> profile;  // the profiler's CPU mode sees no CUDA kernels
  if (!cuda) profile = profile_step([&] {
    inputs = batch();
    train_step();
  });
  const auto gemm = cuda ? GemmRates{} : gemm_rates(a.repeats);
  const double step_gflops_per_second = profile ? profile->flops / (step_ms * 1e6) : 0.0;
  // The flow part alone: roll-out with density change, HJ residuals and the t = 0 term.
  auto z0 = torch::randn({config.batch_size, c.latent_dim}, inputs.frames.options());
  auto g = torch::rand({config.batch_size, c.steps, c.primitives}, inputs.frames.options());
  const double flow_ms = median_ms(a.repeats, [&] {
    auto roll = m->rollout(z0, g, c.trace);
    auto hj_init = m->flow()->evaluate(z0, 0.0, model::Trace::None).curl_free.pow(2).sum();
    (roll.z.sum() + (roll.log_density.defined() ? roll.log_density.sum() : torch::zeros({})) + torch::relu(roll.hj_residual).pow(2).sum() + hj_init).backward();
  }, cuda);

  torch::NoGradGuard no_grad;
  m->eval();
  auto z8 = torch::randn({8, c.latent_dim}, inputs.frames.options());
  auto g8 = torch::rand({8, c.steps, c.primitives}, inputs.frames.options());
  const double viewer_ms = median_ms(a.repeats * 3, [&] {
    auto roll = m->rollout(z8, g8, model::Trace::None);
    m->decode(roll.z.reshape({-1, c.latent_dim}));
  }, cuda);
  auto z1 = z8.narrow(0, 0, 1);
  auto g1 = torch::ones({1, 8, c.primitives}, inputs.frames.options());
  const double compose_ms = median_ms(a.repeats * 3, [&] {
    auto roll = m->rollout(z1, g1, model::Trace::None);
    m->decode(roll.z.narrow(1, 1, 8).reshape({8, c.latent_dim}));
  }, cuda);

  std::printf("  training step (forward + backward + clip + Adam) %9.2f ms\n", step_ms);
  if (profile)
    std::printf("    matrix products %.2f GFLOP a step (from the profiled step's shapes): %.1f GFLOP/s\n"
                "    GEMM on this machine, %d threads: fp32 %.1f GFLOP/s, bf16 %.1f GFLOP/s\n",
                profile->flops / 1e9, step_gflops_per_second, at::get_num_threads(), gemm.fp32, gemm.bf16);
  std::printf("    forward (objective)                            %9.2f ms\n", forward_ms);
  std::printf("    backward                                       %9.2f ms\n", forward_backward_ms - forward_ms);
  std::printf("    optimiser (clip + Adam)                        %9.2f ms\n", step_ms - forward_backward_ms);
  std::printf("    flow roll-out + PINN terms, forward + backward %9.2f ms\n", flow_ms);
  std::printf("  data batch (%d sequences -> tensor)              %9.2f ms\n", config.batch_size, data_ms);
  std::printf("  batch-8 roll-out + decode (%d frames)            %9.2f ms\n", 8 * (c.steps + 1), viewer_ms);
  std::printf("  composed traversal (1 latent, 8 steps, decode 8) %9.2f ms\n", compose_ms);
  if (profile) print_profile(*profile);
  if (!a.json.empty()) {
    nlohmann::json figures = {
        {"preset", a.preset}, {"data", a.source}, {"device", device.str()}, {"threads", at::get_num_threads()},
        {"batch", config.batch_size}, {"repeats", a.repeats}, {"step_ms", step_ms}, {"forward_ms", forward_ms},
        {"backward_ms", forward_backward_ms - forward_ms}, {"optimiser_ms", step_ms - forward_backward_ms},
        {"flow_ms", flow_ms}, {"data_batch_ms", data_ms}, {"sequences_per_second", config.batch_size / (data_ms / 1000.0)},
        {"rollout_decode_ms", viewer_ms}, {"compose_ms", compose_ms}};
    if (profile) {
      figures["step_flops"] = profile->flops;
      figures["step_gflops_per_second"] = step_gflops_per_second;
      figures["gemm_fp32_gflops_per_second"] = gemm.fp32;
      figures["gemm_bf16_gflops_per_second"] = gemm.bf16;
      figures["profile"] = profile_json(*profile);
    }
    write_file_atomically(a.json, figures.dump(2) + "\n");
  }
}

}  // namespace

void add_bench_command(CLI::App& app) {
  auto args = std::make_shared<BenchArgs>();
  auto* cmd = app.add_subcommand("bench", "Time a training step and a decode for a preset (median milliseconds), count the step's FLOPs and profile it by model part");
  cmd->add_option("--preset", args->preset, "tiny, demo or paper")->check(CLI::IsMember({"tiny", "demo", "paper"}))
      ->capture_default_str();
  cmd->add_option("--data", args->source, "Data source that sets the frame size")->capture_default_str();
  cmd->add_option("--device", args->device, "auto, cpu or cuda")->capture_default_str();
  cmd->add_option("--repeats", args->repeats, "Timed repetitions")->capture_default_str()->check(CLI::Range(1, 1000));
  cmd->add_option("--json", args->json, "Also write the figures to this JSON file");
  cmd->add_option("--set", args->overrides, "Override a setting of the preset, e.g. --set model.decoder_head_channels=0 (repeatable)");
  cmd->callback([args] { run_bench(*args); });
}

}  // namespace sta::cli
