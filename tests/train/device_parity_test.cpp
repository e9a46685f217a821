// CPU/CUDA parity and device-free checkpoints, on the test device STA_TEST_DEVICE (cpu when unset).
#include "core/model/device.h"
#include "core/model/sta_model.h"
#include "core/train/checkpoint.h"
#include "core/train/trainer.h"
#include "support/model_fixture.h"
#include "support/temp_dir.h"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdlib>

using namespace sta;

namespace {

// In the normal suite both sides run on the CPU, which checks that a seed fixes the first step exactly
// and that checkpoints round-trip; scripts/gpu/check.sh sets STA_TEST_DEVICE=cuda, and the same tests
// then compare the CPU with the GPU.
torch::Device test_device() {
  const char* name = std::getenv("STA_TEST_DEVICE");
  return model::resolve_device(name ? name : "cpu");
}

double relative(double a, double b) { return std::fabs(a - b) / std::max(1e-12, std::max(std::fabs(a), std::fabs(b))); }

}  // namespace

TEST_CASE("the same seed and batch give the same first-step losses on the CPU and on the test device") {
  const auto data = test::digits_data();
  auto config = train::make_preset("demo", 28, 3, 8);
  config.total_steps = 10;
  config.validation_sequences = 2;
  const auto first_step = [&](torch::Device device) {  // the trainer seeds torch when it starts
    train::Trainer trainer(config, data, device);
    return trainer.step();
  };
  const auto cpu = first_step(torch::kCPU), device = first_step(test_device());
  INFO("device " << test_device().str());
  CHECK(relative(cpu.loss, device.loss) < 1e-3);
  REQUIRE(cpu.terms.size() == device.terms.size());
  for (size_t i = 0; i < cpu.terms.size(); ++i) {
    CAPTURE(cpu.terms[i].first);
    CHECK(std::fabs(cpu.terms[i].second - device.terms[i].second) <= 1e-3 * std::max(1.0, std::fabs(cpu.terms[i].second)));
  }
}

TEST_CASE("a checkpoint written on the test device loads on the CPU and resumes, and goes back") {
  test::TempDir dir;
  const auto data = test::digits_data();
  auto config = test::tiny_config(6);
  const std::string written = dir.file("device.sta"), again = dir.file("cpu.sta");
  {
    train::Trainer trainer(config, data, test_device());
    trainer.step();
    trainer.step();
    trainer.save(written);
  }
  const auto on_cpu = train::load_checkpoint(written, torch::kCPU);
  CHECK(on_cpu.meta.step == 2);
  CHECK(on_cpu.model->parameters().front().device().is_cpu());
  train::Trainer resumed(on_cpu, data, torch::kCPU);
  const auto report = resumed.step();  // the optimiser state moved along
  CHECK(report.step == 3);
  CHECK(std::isfinite(report.loss));
  resumed.save(again);

  auto back = train::load_checkpoint(again, test_device());
  CHECK(back.model->parameters().front().device() == test_device());
  // The same weights on both devices decode the same latent to the same picture.
  torch::NoGradGuard no_grad;
  auto cpu_model = train::load_checkpoint(again, torch::kCPU).model;
  const auto z = torch::randn({2, config.model.latent_dim});
  const auto here = cpu_model->decode(z), there = back.model->decode(z.to(test_device())).to(torch::kCPU);
  CHECK((here - there).abs().max().item<float>() < 1e-4f);
}
