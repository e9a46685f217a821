// `sta-studio --follow FILE` starts on the followed model file and reports it in the state JSON,
// and refuses --model beside it (following without a window: studio/checkpoint_follower_test.cpp).
#include "studio_runner.h"
#include "support/sta_cli.h"

#include <doctest/doctest.h>

using namespace sta::test;

TEST_CASE("sta-studio --follow opens the followed file and reports it in the state") {
  TempDir dir;
  const std::string run = dir.file("run.sta");
  const auto trained = sta_cli("train --preset tiny --data digits --steps 2 --out " + shell_quote(run));
  INFO(trained.output);
  REQUIRE(trained.exit_code == 0);
  const std::string png = dir.file("follow.png");
  const auto result = run_studio("--follow " + shell_quote(run) + " --screenshot " + shell_quote(png) + " --frames 3");
  INFO(result.output);
  REQUIRE(result.exit_code == 0);
  const nlohmann::json state = read_json(dir.file("follow.json"));
  CHECK(state["errors"].empty());
  CHECK(state["follow"]["path"] == run);
  CHECK(state["follow"]["step"] == 2);
  CHECK(state["follow"]["loads"] == 1);
  CHECK(state["model"]["step"] == 2);
  CHECK(run_studio("--follow " + shell_quote(run) + " --model " + shell_quote(run)).exit_code != 0);
}
