// scripts/seeds.sh end to end on the tiny preset: every seed trained and evaluated, curves from the run logs.
// Not under sanitizers: a script around the CLI, whose commands the other suites run there.
#include "support/run_command.h"
#include "support/temp_dir.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

using sta::test::run_command;
using sta::test::shell_quote;

TEST_CASE("scripts/seeds.sh summarises seeds from their evaluations and their run logs") {
  sta::test::TempDir dir;
  const auto build = std::filesystem::path(STA_CLI_EXE).parent_path().parent_path();  // build/app/sta
  const auto result = run_command("STA_BUILD_DIR=" + shell_quote(build.string()) + " STA_SEEDS_DIR=" +
                                  shell_quote(dir.file("runs")) + " " + shell_quote(STA_SOURCE_DIR "/scripts/seeds.sh") +
                                  " tiny digits 2 --steps 20 --set validate_every=10");
  CAPTURE(result.output);
  REQUIRE(result.exit_code == 0);
  std::ifstream in(dir.file("runs/summary.json"));
  REQUIRE(in.good());
  const auto summary = nlohmann::json::parse(in);
  for (const char* key : {"alignment", "multi_f1", "validation.best", "validation.final", "live_primitives"}) {
    CAPTURE(key);
    REQUIRE(summary.contains(key));
    const auto& metric = summary[key];
    REQUIRE(metric["values"].size() == 2);
    CHECK(metric["min"].get<double>() <= metric["mean"].get<double>());
    CHECK(metric["mean"].get<double>() <= metric["max"].get<double>());
  }
  // Best and final validation are those of the run log's validation lines.
  for (int seed = 0; seed < 2; ++seed) {
    std::ifstream log(dir.file("runs/seed-" + std::to_string(seed) + ".sta.log.jsonl"));
    double best = -1, last = -1;
    std::string line;
    while (std::getline(log, line)) {
      const auto j = nlohmann::json::parse(line);
      if (!j.contains("validation")) continue;
      last = j["validation"]["alignment"].get<double>();
      best = std::max(best, last);
    }
    CHECK(summary["validation.best"]["values"][seed].get<double>() == doctest::Approx(best));
    CHECK(summary["validation.final"]["values"][seed].get<double>() == doctest::Approx(last));
  }
  CHECK(result.output.find("validation.final") != std::string::npos);  // the printed table
}
