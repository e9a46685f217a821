// Data-parallel `sta train` over c10d on loopback: equivalence with one rank, resume, failures, Ctrl-C.
// Not under sanitizers: process launches and trainings; the collectives run there in train: and dist: (ranks as threads).
#include "core/train/checkpoint.h"
#include "support/child_process.h"
#include "support/free_port.h"
#include "support/sta_cli.h"
#include "support/temp_dir.h"
#include "support/text_file.h"

#include <doctest/doctest.h>

#include <chrono>
#include <csignal>

using namespace sta;
using test::shell_quote;
using test::count_of;
using test::read_text;
using test::sta_cli;

namespace {

// The largest |a - b| over every weight, relative to the largest |b| of the same tensor.
double weight_gap(const std::string& a_path, const std::string& b_path) {
  auto a = train::load_checkpoint(a_path, torch::kCPU), b = train::load_checkpoint(b_path, torch::kCPU);
  auto theirs = b.model->named_parameters();
  double gap = 0;
  for (const auto& p : a.model->named_parameters()) {
    const auto& q = theirs[p.key()];
    gap = std::max(gap, ((p.value() - q).abs().max() / (q.abs().max() + 1e-12)).item<double>());
  }
  return gap;
}

}  // namespace

TEST_CASE("2 ranks x batch B/2 train the weights of 1 rank x batch B, bit-identical on both ranks") {
  test::TempDir dir;
  // At the preset's learning rate 20 steps amplify rounding chaotically (Adam's normalised steps
  // on near-zero gradients, then sampled supports): changing only the thread count moves the
  // weights by ~20%. At 1e-4 rounding stays at ~1e-4 of the weights, and any real difference in
  // data, noise or gradients shows.
  const std::string run = "train --preset tiny --data digits --steps 20 --set learning_rate=1e-4 --out ";
  const auto two = dir.file("two.sta"), one = dir.file("one.sta"), half = dir.file("half.sta");
  auto parallel = sta_cli(run + shell_quote(two) + " --batch 8 --nproc 2");
  CAPTURE(parallel.output);
  REQUIRE(parallel.exit_code == 0);
  CHECK(parallel.output.find("4 sequences per rank") != std::string::npos);
  CHECK(parallel.output.find("replicas: all 2 ranks hold bit-identical weights") != std::string::npos);
  CHECK(parallel.output.find("gradients all-reduced per step in 1 bucket(s)") != std::string::npos);
  REQUIRE(sta_cli(run + shell_quote(one) + " --batch 8").exit_code == 0);
  REQUIRE(sta_cli(run + shell_quote(half) + " --batch 4").exit_code == 0);

  CHECK(train::read_checkpoint_meta(two).world_size == 2);
  CHECK(train::read_checkpoint_meta(one).world_size == 1);
  CHECK(weight_gap(two, one) < 1e-3);
  CHECK(weight_gap(half, one) > 1e-2);  // one rank's half of the batch alone is far off
}

TEST_CASE("a checkpoint of 2 ranks resumes on 1 rank and back on 2") {
  test::TempDir dir;
  const auto model = dir.file("run.sta");
  auto first = sta_cli("train --preset tiny --data digits --steps 10 --nproc 2 --out " + shell_quote(model));
  CAPTURE(first.output);
  REQUIRE(first.exit_code == 0);
  CHECK(train::read_checkpoint_meta(model).world_size == 2);
  auto single = sta_cli("train --resume --steps 16 --out " + shell_quote(model));
  CAPTURE(single.output);
  REQUIRE(single.exit_code == 0);
  CHECK(single.output.find("resuming") != std::string::npos);
  CHECK(single.output.find("trained so far by 2 processes") != std::string::npos);
  CHECK(train::read_checkpoint_meta(model).step == 16);
  CHECK(train::read_checkpoint_meta(model).world_size == 1);
  auto again = sta_cli("train --resume --steps 20 --nproc 2 --out " + shell_quote(model));
  CAPTURE(again.output);
  REQUIRE(again.exit_code == 0);
  CHECK(train::read_checkpoint_meta(model).step == 20);
  CHECK(train::read_checkpoint_meta(model).world_size == 2);
}

TEST_CASE("killing one rank makes the other exit non-zero within the timeout, with a message") {
  test::TempDir dir;
  const int timeout = 20;
  const std::string rendezvous = "127.0.0.1:" + std::to_string(test::free_port());
  const auto rank = [&](int r) {
    return test::start_sta({"train", "--preset", "tiny", "--data", "digits", "--steps", "100000", "--out",
                            dir.file("run.sta"), "--world-size", "2", "--rank", std::to_string(r), "--rendezvous",
                            rendezvous, "--timeout", std::to_string(timeout)},
                           dir.file("rank" + std::to_string(r) + ".log"));
  };
  const pid_t zero = rank(0), one = rank(1);
  // Training is under way once rank 0 has printed its 50th step.
  REQUIRE(test::wait_until(zero, [&] { return read_text(dir.file("rank0.log")).find("step 50/") != std::string::npos; }));
  kill(one, SIGKILL);
  const auto killed = std::chrono::steady_clock::now();
  test::wait_for_exit(one);
  const auto status = test::exit_within(zero, std::chrono::seconds(timeout + 30));
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - killed).count();
  const auto log = read_text(dir.file("rank0.log"));
  CAPTURE(log);
  REQUIRE(status);  // else it hung and was killed
  CHECK(*status == 1);
  CHECK(seconds < timeout + 10);
  CHECK(log.find("sta: error: rank 0 of 2: ") != std::string::npos);
  CHECK(log.find("another worker died") != std::string::npos);
}

TEST_CASE("Ctrl-C on the launcher stops every worker at the same step and saves once") {
  test::TempDir dir;
  const auto model = dir.file("run.sta"), log = dir.file("launcher.log");
  const pid_t launcher = test::start_sta(
      {"train", "--preset", "tiny", "--data", "digits", "--steps", "100000", "--nproc", "2", "--out", model}, log);
  REQUIRE(test::wait_until(launcher, [&] { return read_text(log).find("step 50/") != std::string::npos; }));
  kill(launcher, SIGINT);
  const int status = test::wait_for_exit(launcher);
  const auto text = read_text(log);
  CAPTURE(text);
  CHECK(status == 130);
  CHECK(count_of(text, "interrupted at step") == 1);
  CHECK(count_of(text, "exited with status") == 0);  // no worker failed
  const auto meta = train::read_checkpoint_meta(model);
  CHECK(meta.world_size == 2);
  CHECK(text.find("interrupted at step " + std::to_string(meta.step) + ":") != std::string::npos);
}

TEST_CASE("bad data-parallel options are refused with the reason") {
  test::TempDir dir;
  const std::string run = "train --preset tiny --data digits --steps 2 --out " + shell_quote(dir.file("m.sta"));
  test::check_one_line_error(sta_cli(run + " --world-size 2"), "--world-size 2", "--rendezvous HOST:PORT");
  test::check_one_line_error(sta_cli(run + " --world-size 2 --rank 2 --rendezvous 127.0.0.1:1"), "--rank 2",
                             "not below --world-size 2");
  test::check_one_line_error(sta_cli(run + " --nproc 2 --rank 1"), "--nproc", "leave out --world-size");
  test::check_one_line_error(sta_cli(run + " --world-size 2 --rendezvous nowhere"), "nowhere", "HOST:PORT");
  test::check_one_line_error(sta_cli(run + " --world-size 2 --rendezvous 127.0.0.1:99999"), "99999", "1..65535");
  // Ranks started with different settings: each says so, naming the setting where it can.
  const std::string rendezvous = "127.0.0.1:" + std::to_string(test::free_port());
  test::TempDir logs;
  const auto rank = [&](int r, const std::string& seed) {
    return test::start_sta({"train", "--preset", "tiny", "--data", "digits", "--steps", "2", "--seed", seed, "--out",
                            dir.file("m.sta"), "--world-size", "2", "--rank", std::to_string(r), "--rendezvous",
                            rendezvous, "--timeout", "60"},
                           logs.file(std::to_string(r) + ".log"));
  };
  const pid_t zero = rank(0, "0"), one = rank(1, "5");
  CHECK(test::exit_within(zero, std::chrono::seconds(90)) == 1);
  CHECK(test::exit_within(one, std::chrono::seconds(90)) == 1);
  CHECK(read_text(logs.file("0.log")).find("the ranks were started with different training settings") !=
        std::string::npos);
  CHECK(read_text(logs.file("1.log")).find("rank 1 differs from rank 0 at '/data/seed'") != std::string::npos);
  // The batch of 8 does not split over 3 ranks: every worker says why, the launcher fails.
  auto uneven = sta_cli(run + " --nproc 3");
  CAPTURE(uneven.output);
  CHECK(uneven.exit_code == 1);
  CHECK(uneven.output.find("the batch of 8 sequences does not split over 3 processes") != std::string::npos);
}
