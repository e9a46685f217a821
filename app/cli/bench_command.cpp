// `sta bench`: times a training step of a preset and the viewer's hot paths, printing median milliseconds.
#include "app/cli/commands.h"

#include "core/model/device.h"
#include "core/model/objective.h"
#include "core/train/sequence_batch.h"
#include "core/train/step_objective.h"
#include "core/util/atomic_file.h"

#include <torch/csrc/autograd/profiler_legacy.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <cstdio>
#include <functional>

namespace sta::cli {

namespace {

struct BenchArgs {
  std::string preset = "demo", source = "fashion-mnist", device = "auto";
  int repeats = 10;
  std::string json;  // figures written here as well when set
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

// Share of `work`'s wall time spent inside LibTorch operators (outermost profiled ranges, on
// every thread that dispatches them); the rest is glue: our C++ between operators, the
// autograd engine's bookkeeping and the profiler's own overhead (so this is a lower bound).
double operator_share(const std::function<void()>& work) {
  namespace prof = torch::autograd::profiler;
  prof::enableProfilerLegacy(torch::profiler::impl::ProfilerConfig(torch::profiler::impl::ProfilerState::CPU));
  const auto start = std::chrono::steady_clock::now();
  work();
  const double wall_us = std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count();
  double inside_us = 0;
  for (const auto& events : prof::disableProfilerLegacy()) {
    std::vector<const prof::LegacyEvent*> open;
    for (const auto& e : events) {
      if (e.kind() == prof::EventKind::PushRange) {
        open.push_back(&e);
      } else if (e.kind() == prof::EventKind::PopRange && !open.empty()) {
        const auto* begin = open.back();
        open.pop_back();
        if (open.empty()) inside_us += begin->cpuElapsedUs(e);
      }
    }
  }
  return inside_us / wall_us;
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
  auto config = train::make_preset(a.preset, data->image_size(), static_cast<int>(data->transforms().size()), spec.steps);
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
    torch::nn::utils::clip_grad_norm_(m->parameters(), config.grad_clip);
    optimizer.step();
  };
  const double step_ms = median_ms(a.repeats, train_step, cuda);
  const double share = cuda ? 0.0 : operator_share(train_step);
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
  std::printf("    forward (objective)                            %9.2f ms\n", forward_ms);
  std::printf("    backward                                       %9.2f ms\n", forward_backward_ms - forward_ms);
  std::printf("    optimiser (clip + Adam)                        %9.2f ms\n", step_ms - forward_backward_ms);
  std::printf("    flow roll-out + PINN terms, forward + backward %9.2f ms\n", flow_ms);
  if (!cuda)
    std::printf("    inside LibTorch operators: %.1f%% of one profiled step (glue and profiler: %.1f%%)\n", 100 * share,
                100 * (1 - share));
  std::printf("  data batch (%d sequences -> tensor)              %9.2f ms\n", config.batch_size, data_ms);
  std::printf("  batch-8 roll-out + decode (%d frames)            %9.2f ms\n", 8 * (c.steps + 1), viewer_ms);
  std::printf("  composed traversal (1 latent, 8 steps, decode 8) %9.2f ms\n", compose_ms);
  if (!a.json.empty()) {
    const nlohmann::json figures = {
        {"preset", a.preset}, {"data", a.source}, {"device", device.str()}, {"threads", at::get_num_threads()},
        {"batch", config.batch_size}, {"repeats", a.repeats}, {"step_ms", step_ms}, {"forward_ms", forward_ms},
        {"backward_ms", forward_backward_ms - forward_ms}, {"optimiser_ms", step_ms - forward_backward_ms},
        {"flow_ms", flow_ms}, {"data_batch_ms", data_ms}, {"sequences_per_second", config.batch_size / (data_ms / 1000.0)},
        {"rollout_decode_ms", viewer_ms}, {"compose_ms", compose_ms}};
    write_file_atomically(a.json, figures.dump(2) + "\n");
  }
}

}  // namespace

void add_bench_command(CLI::App& app) {
  auto args = std::make_shared<BenchArgs>();
  auto* cmd = app.add_subcommand("bench", "Time a training step and a decode for a preset (median milliseconds)");
  cmd->add_option("--preset", args->preset, "tiny, demo or paper")->check(CLI::IsMember({"tiny", "demo", "paper"}))
      ->capture_default_str();
  cmd->add_option("--data", args->source, "Data source that sets the frame size")->capture_default_str();
  cmd->add_option("--device", args->device, "auto, cpu or cuda")->capture_default_str();
  cmd->add_option("--repeats", args->repeats, "Timed repetitions")->capture_default_str()->check(CLI::Range(1, 1000));
  cmd->add_option("--json", args->json, "Also write the figures to this JSON file");
  cmd->callback([args] { run_bench(*args); });
}

}  // namespace sta::cli
