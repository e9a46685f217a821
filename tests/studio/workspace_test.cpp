// The Workspace's edit functions keep the state consistent and turn bad input into error messages.
#include "app/studio/compute/workspace.h"
#include "support/run_command.h"
#include "support/temp_dir.h"

#include <doctest/doctest.h>

#include <fstream>

using figures::FieldSettings;
using sta::studio::Workspace;

namespace {

bool last_error_contains(const Workspace& ws, const std::string& text) {
  return !ws.errors().empty() && ws.errors().back().find(text) != std::string::npos;
}

}  // namespace

TEST_CASE("data that cannot be opened is an error and the previous data stays") {
  Workspace ws;
  REQUIRE(ws.open_data("digits", ""));
  const int revision = ws.data_revision();
  CHECK_FALSE(ws.open_data("idx:/nonexistent/images.idx", ""));
  CHECK(last_error_contains(ws, "/nonexistent/images.idx"));
  CHECK_FALSE(ws.open_data("digits", "rotate,bogus"));
  CHECK(last_error_contains(ws, "bogus"));
  CHECK(ws.data_source() == "digits");
  CHECK(ws.data_revision() == revision);
  ws.dismiss_errors();
  CHECK(ws.errors().empty());
}

TEST_CASE("cursor, sequence index and field settings are kept within range") {
  Workspace ws;
  REQUIRE(ws.open_data("digits", ""));
  ws.set_cursor(99);
  CHECK(ws.cursor() == ws.steps());
  ws.set_cursor(-3);
  CHECK(ws.cursor() == 0);
  const int64_t count = ws.dataset()->count(ws.sequence().split);
  ws.choose_index(-1);
  CHECK(ws.sequence().index == count - 1);  // previous from the first wraps to the last
  ws.choose_index(count);
  CHECK(ws.sequence().index == 0);
  figures::FieldSettings s;
  s.density = 100.0f;
  s.axis_i = s.axis_j = 5;
  ws.set_field_settings(s);
  CHECK(ws.fields().density == Workspace::kDensityMax);
  CHECK(ws.fields().axis_i != ws.fields().axis_j);
  ws.set_enabled(0, false);  // no model: no primitives
  CHECK(last_error_contains(ws, "no primitive 0"));
}

TEST_CASE("models: corrupt files are errors, a model follows its data and leaves when data does not fit") {
  sta::test::TempDir dir;
  const std::string bad = dir.file("corrupt.sta");
  std::ofstream(bad) << "not a checkpoint";
  Workspace ws;
  REQUIRE(ws.open_data("digits", ""));
  CHECK_FALSE(ws.load_model(bad));
  CHECK(last_error_contains(ws, "corrupt.sta"));
  CHECK(ws.model() == nullptr);

  const std::string model = dir.file("tiny.sta");
  const auto trained =
      sta::test::run_command(sta::test::shell_quote(STA_CLI_EXE) +
                             " train --preset tiny --data digits --steps 3 --out " + sta::test::shell_quote(model));
  CAPTURE(trained.output);
  REQUIRE(trained.exit_code == 0);
  REQUIRE(ws.load_model(model));
  CHECK(ws.primitives() == 3);
  CHECK(ws.enabled() == std::vector<bool>(3, true));
  ws.set_enabled(1, false);
  CHECK_FALSE(ws.enabled()[1]);
  ws.set_speed(2, 10.0f);
  CHECK(ws.speeds()[2] == Workspace::kSpeedLimit);
  CHECK_FALSE(ws.load_model(bad));  // a failed load keeps the loaded model
  CHECK(ws.model() != nullptr);

  REQUIRE(ws.open_data("shapes", ""));  // 64 px frames: the 28 px model cannot read them
  CHECK(ws.model() == nullptr);
  CHECK(last_error_contains(ws, "unloaded"));
  CHECK(ws.primitives() == 0);
  REQUIRE(ws.load_model(model));  // loading it again brings back the data it was trained on
  CHECK(ws.data_source() == "digits");
}
