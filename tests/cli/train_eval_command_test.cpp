// `sta train`, `sta eval` and `sta bench` end to end: a tiny run writes a loadable checkpoint,
// --resume continues it, SIGINT saves and exits cleanly, eval prints every metric and writes
// JSON, and bad input gives a one-line reason with a non-zero exit.
#include "core/train/checkpoint.h"
#include "support/run_command.h"
#include "support/sta_cli.h"
#include "support/temp_dir.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace sta;
using test::check_one_line_error;
using test::shell_quote;
using test::sta_cli;

TEST_CASE("train writes a checkpoint, resume continues it, eval reports every metric") {
  test::TempDir dir;
  const auto model = dir.file("tiny.sta");
  auto trained = sta_cli("train --preset tiny --data digits --steps 40 --out " + shell_quote(model));
  CAPTURE(trained.output);
  REQUIRE(trained.exit_code == 0);
  CHECK(trained.output.find("step 40/40") != std::string::npos);
  CHECK(train::read_checkpoint_meta(model).step == 40);

  auto resumed = sta_cli("train --resume --steps 50 --out " + shell_quote(model));
  CAPTURE(resumed.output);
  REQUIRE(resumed.exit_code == 0);
  CHECK(resumed.output.find("resuming") != std::string::npos);
  CHECK(train::read_checkpoint_meta(model).step == 50);

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
}

TEST_CASE("bench prints median timings") {
  auto r = sta_cli("bench --preset tiny --data digits --repeats 2");
  CAPTURE(r.output);
  CHECK(r.exit_code == 0);
  for (const char* text : {"training step", "forward", "backward", "flow roll-out", "batch-8 roll-out + decode"})
    CHECK(r.output.find(text) != std::string::npos);
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
