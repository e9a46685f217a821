// Kill-safe checkpoints, tested for real: `sta train` SIGKILLed during and between saves, and a full disk.
// Not under sanitizers: crash safety of files, with dozens of trainings (ASan adds nothing there).
#include "core/model/native_backend.h"
#include "core/data/dataset.h"
#include "core/model/frames.h"
#include "core/model/prediction.h"
#include "core/train/checkpoint.h"
#include "core/util/atomic_file.h"
#include "support/child_process.h"
#include "support/sta_cli.h"
#include "support/temp_dir.h"

#include <doctest/doctest.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <random>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace sta;
using test::start_sta;
using test::wait_until;

namespace {

int temporaries_in(const std::filesystem::path& folder) {
  int count = 0;
  for (const auto& entry : std::filesystem::directory_iterator(folder))
    count += entry.path().filename().string().find(".tmp-") != std::string::npos;
  return count;
}

// Loads the checkpoint and runs the model on two test sequences of its data: finite outputs.
int64_t load_and_evaluate(const std::string& path) {
  auto checkpoint = train::load_checkpoint(path, torch::kCPU);
  const auto data = data::open_dataset(checkpoint.meta.data);
  const auto frames = model::sequences_to_tensor({data->sequence(data::Split::Test, 0), data->sequence(data::Split::Test, 1)});
  torch::NoGradGuard no_grad;
  model::NativeBackend backend(*checkpoint.model);
  const auto prediction = model::predict(backend, frames);
  CHECK(torch::isfinite(prediction.frames).all().item<bool>());
  return checkpoint.meta.step;
}

}  // namespace

// A checkpoint is saved after every step; half the kills come as soon as a save is under way (its
// temporary file exists), half after a random pause. After each kill the checkpoint loads and
// evaluates, its step never goes back, and at most the killed run's one temporary file is left (the
// next save clears those of dead runs).
TEST_CASE("sta train survives 24 SIGKILLs, during saves and between them, with a checkpoint that always loads") {
  test::TempDir dir;
  const std::string path = dir.file("run.sta");
  const std::vector<std::string> fresh = {"train", "--preset", "tiny", "--data", "digits", "--steps", "100000",
                                          "--set", "checkpoint_every=1", "--out", path};
  const std::vector<std::string> resume = {"train", "--resume", "--steps", "100000", "--out", path};
  std::mt19937 random(20261202);
  int64_t last_step = 0;
  int during_save = 0;
  for (int kill_number = 0; kill_number < 24; ++kill_number) {
    CAPTURE(kill_number);
    const pid_t child = start_sta(kill_number == 0 ? fresh : resume);
    REQUIRE(child > 0);
    const std::string temporary = path + ".tmp-" + std::to_string(child);
    if (kill_number == 0) REQUIRE(wait_until(child, [&] { return std::filesystem::exists(path); }));  // a first checkpoint
    if (kill_number % 2 == 0) {  // as soon as this run's save is under way
      REQUIRE(wait_until(child, [&] { return access(temporary.c_str(), F_OK) == 0; }));
      ++during_save;
    } else {  // once it has saved at least once, after a random pause of up to 0.3 s
      const auto before = std::filesystem::last_write_time(path);
      REQUIRE(wait_until(child, [&] { return std::filesystem::last_write_time(path) != before; }));
      std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<int>(0, 300)(random)));
    }
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    CHECK(WIFSIGNALED(status));
    const int64_t step = load_and_evaluate(path);
    CHECK(step >= last_step);
    last_step = step;
    CHECK(temporaries_in(dir.path()) <= 1);  // at most the killed run's own
  }
  CHECK(during_save == 12);
  CHECK(last_step > 12);  // every resumed run got somewhere

  // A run that ends normally clears what the killed runs left.
  const auto finish = sta::test::sta_cli("train --resume --steps " + std::to_string(last_step + 2) + " --out " + path);
  CAPTURE(finish.output);
  CHECK(finish.exit_code == 0);
  CHECK(load_and_evaluate(path) == last_step + 2);
  CHECK(temporaries_in(dir.path()) == 0);
}

// ulimit -f stands in for a full disk; training stops or goes on as --on-save-error says.
TEST_CASE("a full disk makes a save fail with a clear error, and the previous checkpoint stays intact") {
  test::TempDir dir;
  const std::string path = dir.file("run.sta");
  REQUIRE(sta::test::sta_cli("train --preset tiny --data digits --steps 2 --set checkpoint_every=2 --out " + path).exit_code == 0);
  const std::string before = read_file(path);
  REQUIRE(before.size() > 64 * 1024);  // larger than the limit below
  const auto limited = [&](const std::string& arguments) {  // files of at most 64 blocks (32 or 64 KiB)
    return sta::test::run_command("ulimit -f 64 && exec " + sta::test::shell_quote(STA_CLI_EXE) +
                                  " train --resume --steps 6 " + arguments + " --out " + path);
  };

  const auto stopped = limited("");  // the default: stop at the first failed save
  CAPTURE(stopped.output);
  CHECK(stopped.exit_code != 0);
  CHECK(stopped.output.find("sta: error: cannot write") != std::string::npos);
  CHECK(stopped.output.find("File too large") != std::string::npos);
  CHECK(stopped.output.find("step 6/6") == std::string::npos);  // it stopped early
  CHECK(read_file(path) == before);
  CHECK(temporaries_in(dir.path()) == 0);

  const auto went_on = limited("--on-save-error continue");
  CAPTURE(went_on.output);
  CHECK(went_on.output.find("checkpoint not saved, training goes on") != std::string::npos);
  CHECK(went_on.output.find("step 6/6") != std::string::npos);  // it trained to the end
  CHECK(went_on.exit_code != 0);                                 // but could not save that either, and says so
  CHECK(went_on.output.find("File too large") != std::string::npos);
  CHECK(read_file(path) == before);
  CHECK(temporaries_in(dir.path()) == 0);
  CHECK(load_and_evaluate(path) == 2);
}
