// Following a model file as another process replaces it (CheckpointFollower, no window): loads,
// skips unchanged and corrupt files, keeps the primitive flags.
#include "app/studio/compute/checkpoint_follower.h"
#include "support/run_command.h"
#include "support/temp_dir.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

using namespace sta;

namespace {

std::string train_model(const test::TempDir& dir, const std::string& name, int steps) {
  const std::string path = dir.file(name);
  const auto trained = test::run_command(test::shell_quote(STA_CLI_EXE) + " train --preset tiny --data digits --steps " +
                                         std::to_string(steps) + " --out " + test::shell_quote(path));
  INFO(trained.output);
  REQUIRE(trained.exit_code == 0);
  return path;
}

void replace(const std::string& source, const std::string& target) {
  std::filesystem::copy_file(source, target + ".part", std::filesystem::copy_options::overwrite_existing);
  std::filesystem::rename(target + ".part", target);
}

}  // namespace

TEST_CASE("the studio follows a model file as it is replaced, skipping a corrupt version") {
  test::TempDir dir;
  const std::string early = train_model(dir, "early.sta", 2), later = train_model(dir, "later.sta", 4);
  const std::string followed = dir.file("run.sta");
  studio::Workspace ws;
  REQUIRE(ws.open_data("fashion-mnist", ""));
  studio::CheckpointFollower follower;
  ws.set_follow(followed);
  CHECK_FALSE(follower.poll(ws));  // no file yet: nothing happens
  CHECK(ws.model() == nullptr);

  replace(early, followed);
  CHECK(follower.poll(ws));
  REQUIRE(ws.model() != nullptr);
  CHECK(ws.model()->summary.step == 2);
  CHECK(ws.data_source() == "digits");  // the first version opens the data it was trained on
  CHECK(ws.follow()->loads == 1);
  CHECK_FALSE(follower.poll(ws));  // unchanged: not loaded again
  ws.set_enabled(1, false);

  std::ofstream(dir.file("junk.sta"), std::ios::binary) << "STA half a file";
  replace(dir.file("junk.sta"), followed);
  const int revision = ws.model_revision();
  CHECK_FALSE(follower.poll(ws));
  CHECK(ws.model_revision() == revision);  // the current model stays
  CHECK(ws.model()->summary.step == 2);
  CHECK(ws.follow()->skipped == 1);
  REQUIRE_FALSE(ws.errors().empty());
  CHECK(ws.errors().back().find("follow: skipped") != std::string::npos);
  CHECK(ws.errors().back().find("keeping the current model") != std::string::npos);

  replace(later, followed);
  CHECK(follower.poll(ws));
  CHECK(ws.model()->summary.step == 4);
  CHECK(ws.follow()->step == 4);
  CHECK(ws.follow()->loads == 2);
  CHECK_FALSE(ws.enabled()[1]);  // the views move with the run: flags kept

  ws.set_follow(std::nullopt);
  replace(early, followed);
  CHECK_FALSE(follower.poll(ws));  // no longer following
  CHECK(ws.model()->summary.step == 4);
}
