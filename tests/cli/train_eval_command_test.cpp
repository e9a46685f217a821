// `sta train`, `sta eval` and `sta bench` end to end on a tiny run: checkpoints, run log, resume, SIGINT,
// metrics and JSON, and one-line errors for bad input.
#include "core/train/checkpoint.h"
#include "support/run_command.h"
#include "support/sta_cli.h"
#include "support/temp_dir.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <map>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace sta;
using test::check_one_line_error;
using test::shell_quote;
using test::sta_cli;

namespace {

// The run log beside a checkpoint: one JSON object per line, every line whole.
std::vector<nlohmann::json> run_log(const std::string& model) {
  std::ifstream in(model + ".log.jsonl");
  REQUIRE(in.good());
  std::vector<nlohmann::json> lines;
  std::string line;
  while (std::getline(in, line)) lines.push_back(nlohmann::json::parse(line));
  return lines;
}

std::vector<int64_t> logged_steps(const std::vector<nlohmann::json>& lines) {
  std::vector<int64_t> steps;
  for (const auto& line : lines) steps.push_back(line.at("step").get<int64_t>());
  return steps;
}

}  // namespace

TEST_CASE("train writes a checkpoint and its run log, resume continues both, eval reports every metric") {
  test::TempDir dir;
  const auto model = dir.file("tiny.sta");
  auto trained = sta_cli("train --preset tiny --data digits --steps 40 --set validate_every=10 --out " + shell_quote(model));
  CAPTURE(trained.output);
  REQUIRE(trained.exit_code == 0);
  CHECK(trained.output.find("step 40/40") != std::string::npos);
  CHECK(train::read_checkpoint_meta(model).step == 40);
  // The run log: a line per validation step, with the losses, usage, residual and validation.
  const auto first = run_log(model);
  CHECK(logged_steps(first) == std::vector<int64_t>{10, 20, 30, 40});
  for (const auto& line : first) {
    CAPTURE(line.dump());
    CHECK(line.at("loss").is_number());
    CHECK(line.at("terms").contains("recon"));
    CHECK(line.at("usage").size() == 3);
    CHECK(line.at("best_residual").get<double>() >= 0);
    CHECK(line.at("validation").at("alignment").is_number());
    CHECK(line.at("validation").at("multi_f1").is_number());
  }

  auto resumed = sta_cli("train --resume --steps 50 --out " + shell_quote(model));
  CAPTURE(resumed.output);
  REQUIRE(resumed.exit_code == 0);
  CHECK(resumed.output.find("resuming") != std::string::npos);
  CHECK(train::read_checkpoint_meta(model).step == 50);
  const auto continued = run_log(model);  // appended: the first run's lines, then the new ones
  CHECK(logged_steps(continued) == std::vector<int64_t>{10, 20, 30, 40, 50});
  REQUIRE(continued.size() == 5);
  for (size_t i = 0; i < first.size(); ++i) CHECK(continued[i] == first[i]);

  const auto json_path = dir.file("metrics.json");
  auto evaluated = sta_cli("eval " + shell_quote(model) + " --sequences 3 --samples 2 --json " + shell_quote(json_path));
  CAPTURE(evaluated.output);
  REQUIRE(evaluated.exit_code == 0);
  for (const char* text : {"Equivariance error", "rotate", "scale", "hue", "Log-likelihood bound", "Spike alignment",
                           "Field exactness", "153.54"})
    CHECK(evaluated.output.find(text) != std::string::npos);
  std::ifstream in(json_path);
  auto j = nlohmann::json::parse(in);
  CHECK(j["equivariance_error"].size() == 3);
  CHECK(j["spike_alignment"]["single_steps"].get<int>() > 0);
  CHECK(j["step"] == 50);
  CHECK(j["inference_sparsity"].get<double>() > 0);
}

TEST_CASE("train --size renders the source at that size, and the checkpoint remembers it") {
  test::TempDir dir;
  const auto model = dir.file("small.sta");
  auto trained = sta_cli("train --preset tiny --data digits --size 20 --steps 2 --out " + shell_quote(model));
  CAPTURE(trained.output);
  REQUIRE(trained.exit_code == 0);
  CHECK(trained.output.find("20 px") != std::string::npos);
  const auto meta = train::read_checkpoint_meta(model);
  CHECK(meta.data.image_size == 20);
  CHECK(meta.train.model.image_size == 20);
}

TEST_CASE("Ctrl-C during training saves a loadable checkpoint and exits cleanly") {
  test::TempDir dir;
  const auto model = dir.file("interrupted.sta");
  const auto log = dir.file("log.txt");
  pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    freopen(log.c_str(), "w", stderr);
    execl(STA_CLI_EXE, STA_CLI_EXE, "train", "--preset", "tiny", "--data", "digits", "--steps", "100000", "--out",
          model.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  // Interrupt once training is under way (its progress reaches the log).
  auto started = [&] {
    std::ifstream in(log);
    std::string text((std::istreambuf_iterator<char>(in)), {});
    return text.find("step ") != std::string::npos;
  };
  while (!started()) std::this_thread::yield();
  kill(child, SIGINT);
  int status = 0;
  waitpid(child, &status, 0);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 130);
  auto meta = train::read_checkpoint_meta(model);
  CHECK(meta.step > 0);
  CHECK(meta.step < 100000);
  CHECK_NOTHROW(train::load_checkpoint(model, torch::kCPU));
  // The run log survives the interrupt whole, and a resume appends to it.
  const auto interrupted = logged_steps(run_log(model));
  REQUIRE_FALSE(interrupted.empty());
  CHECK(interrupted.front() == 50);  // the first progress line is step 50's, logged with it
  CHECK(interrupted.back() <= meta.step);
  const auto resumed = sta_cli("train --resume --steps " + std::to_string(meta.step + 3) + " --out " + shell_quote(model));
  CAPTURE(resumed.output);
  REQUIRE(resumed.exit_code == 0);
  auto steps = logged_steps(run_log(model));
  CHECK(std::is_sorted(steps.begin(), steps.end()));
  CHECK(std::adjacent_find(steps.begin(), steps.end()) == steps.end());  // no step twice
  REQUIRE(steps.size() == interrupted.size() + 1);
  CHECK(std::equal(interrupted.begin(), interrupted.end(), steps.begin()));
  CHECK(steps.back() == meta.step + 3);
}

TEST_CASE("bench prints median timings, the step's FLOPs and its profile by model part") {
  test::TempDir dir;
  auto r = sta_cli("bench --preset tiny --data digits --repeats 2 --set model.latent_dim=6 --json " +
                   shell_quote(dir.file("bench.json")));
  CAPTURE(r.output);
  REQUIRE(r.exit_code == 0);
  CHECK(r.output.find("D = 6,") != std::string::npos);  // the preset with its override
  for (const char* text : {"training step", "forward", "backward", "flow roll-out", "batch-8 roll-out + decode",
                           "GFLOP/s", "GEMM on this machine", "decoder"})
    CHECK(r.output.find(text) != std::string::npos);
  std::ifstream in(dir.file("bench.json"));
  const auto j = nlohmann::json::parse(in);
  CHECK(j.at("gemm_fp32_gflops_per_second").get<double>() > 0);
  CHECK(j.at("step_gflops_per_second").get<double>() ==
        doctest::Approx(j.at("step_flops").get<double>() / (j.at("step_ms").get<double>() * 1e6)));
  std::map<std::string, nlohmann::json> parts;
  double flops = 0;
  for (const auto& part : j.at("profile").at("parts")) {
    parts[part.at("part")] = part;
    flops += part.at("flops").get<double>();
  }
  CHECK(flops == doctest::Approx(j.at("step_flops").get<double>()));
  for (const char* name : {"encoder", "sparse coding", "roll-out", "decoder", "losses", "optimiser", "data"}) {
    CAPTURE(name);
    REQUIRE(parts.count(name) == 1);
    CHECK(parts[name].at("operators").size() > 0);
  }
  // The networks' products are counted, and their backward work is charged to them, not to "other".
  for (const char* name : {"encoder", "decoder"}) {
    CAPTURE(name);
    CHECK(parts[name].at("flops").get<double>() > 0);
    CHECK(parts[name].at("backward_ms").get<double>() > 0);
  }
  CHECK(parts["decoder"].at("flops").get<double>() > parts["encoder"].at("flops").get<double>());  // more frames
  CHECK(parts["data"].at("flops").get<double>() == 0);
  CHECK(parts["data"].at("backward_ms").get<double>() == 0);
}

TEST_CASE("train and eval reject bad input with a one-line reason") {
  test::TempDir dir;
  check_one_line_error(sta_cli("eval " + shell_quote(dir.file("none.sta"))), "none.sta", "cannot open");
  std::ofstream(dir.file("junk.sta")) << "definitely not a checkpoint";
  check_one_line_error(sta_cli("eval " + shell_quote(dir.file("junk.sta"))), "junk.sta", "not an STA Studio checkpoint");
  check_one_line_error(sta_cli("train --preset tiny --data nosuchsource --out " + shell_quote(dir.file("m.sta"))),
                       "nosuchsource", "unknown");
  check_one_line_error(sta_cli("train --preset tiny --data digits --set nosuch=1 --out " + shell_quote(dir.file("m.sta"))),
                       "nosuch", "unknown setting");
  check_one_line_error(sta_cli("bench --preset tiny --data digits --set nosuch=1"), "nosuch", "unknown setting");
  check_one_line_error(sta_cli("train --resume --out " + shell_quote(dir.file("absent.sta"))), "absent.sta", "no checkpoint");
  check_one_line_error(sta_cli("train --preset tiny --data digits --device cuda:7 --out " + shell_quote(dir.file("m.sta"))),
                       "cuda:7", "device");
  // A count or size out of range is refused, never replaced by the preset's value.
  for (const char* option : {"--steps -5", "--steps 0", "--batch 0", "--primitives 0", "--length 0", "--size 4"}) {
    CAPTURE(option);
    check_one_line_error(sta_cli(std::string("train --preset tiny --data digits ") + option + " --out " +
                                 shell_quote(dir.file("m.sta"))),
                         std::string(option).substr(0, std::string(option).find(' ')), "not in range");
  }
  CHECK_FALSE(std::filesystem::exists(dir.file("m.sta")));
  check_one_line_error(sta_cli("eval " + shell_quote(dir.file("none.sta")) + " --inference-sparsity 0"),
                       "--inference-sparsity", "not in range");
}
