// Bad input in the GUI: missing data and corrupt models shown as errors while the app keeps running, and
// a failing script line that stops the run.
#include "studio_runner.h"

#include <doctest/doctest.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

using namespace sta::test;

namespace {

// True when the status bar is mostly red: the error bar.
bool status_bar_red(const std::string& png, const nlohmann::json& state) {
  const cv::Mat shot = cv::imread(png, cv::IMREAD_COLOR);
  if (shot.empty()) return false;
  const cv::Scalar mean = cv::mean(shot(rect_of(state["panels"]["status"]["rect"])));
  return mean[2] > 2.0 * mean[1] && mean[2] > 60.0;  // BGR
}

bool any_error_contains(const nlohmann::json& state, const std::string& text) {
  for (const auto& e : state["errors"])
    if (e.get<std::string>().find(text) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("a missing data file is reported in the window and the studio falls back to digits") {
  TempDir dir;
  const std::string png = dir.file("shot.png");
  const CommandResult result =
      run_studio("--data idx:/nonexistent/images.idx --screenshot " + shell_quote(png) + " --frames 5");
  CAPTURE(result.output);
  CHECK(result.exit_code == 0);
  const nlohmann::json state = read_json(dir.file("shot.json"));
  CHECK(any_error_contains(state, "/nonexistent/images.idx"));
  CHECK(state["data"]["source"] == "digits");
  CHECK(status_bar_red(png, state));
}

TEST_CASE("a corrupt model file is reported in the window and the studio keeps running without a model") {
  TempDir dir;
  const std::string bad = dir.file("corrupt.sta");
  std::ofstream(bad) << "this is not a checkpoint";
  const std::string png = dir.file("shot.png");
  const CommandResult result =
      run_studio("--model " + shell_quote(bad) + " --screenshot " + shell_quote(png) + " --frames 5");
  CAPTURE(result.output);
  CHECK(result.exit_code == 0);
  const nlohmann::json state = read_json(dir.file("shot.json"));
  CHECK(any_error_contains(state, "corrupt.sta"));
  CHECK(state["model"].is_null());
  CHECK(state["data"]["source"] == "digits");
  CHECK(status_bar_red(png, state));

  // The same through a script: the failed load is an error in the UI, not a failed script.
  const std::string script = write_script(dir, "load.txt",
                                          "model " + bad +
                                              "\n"
                                              "assert errors contains corrupt.sta\n"
                                              "dismiss\n"
                                              "assert errors.size == 0\n");
  const CommandResult scripted = run_studio("--data digits --script " + shell_quote(script));
  CAPTURE(scripted.output);
  CHECK(scripted.exit_code == 0);
}

TEST_CASE("a failed assert or a malformed script line exits non-zero naming the line") {
  TempDir dir;
  const std::string failing = write_script(dir, "failing.txt", "cursor 3\nassert cursor == 4\nframes 1\n");
  const CommandResult failed = run_studio("--data digits --script " + shell_quote(failing));
  CAPTURE(failed.output);
  CHECK(failed.exit_code != 0);
  CHECK(failed.output.find("failing.txt:2") != std::string::npos);
  CHECK(failed.output.find("cursor is 3") != std::string::npos);

  const std::string malformed = write_script(dir, "malformed.txt", "frames 2\ncursr 3\n");
  const CommandResult bad = run_studio("--data digits --script " + shell_quote(malformed));
  CAPTURE(bad.output);
  CHECK(bad.exit_code != 0);
  CHECK(bad.output.find("malformed.txt:2") != std::string::npos);
  CHECK(bad.output.find("unknown action 'cursr'") != std::string::npos);
}

TEST_CASE("every numeric option of sta-studio refuses a bad value with a one-line reason") {
  for (const auto& [arguments, culprit] : std::vector<std::pair<std::string, std::string>>{
           {"--frames 0", "--frames"}, {"--size 0x0", "--size"}, {"--size wide", "--size"}, {"--threads 0", "--threads"}}) {
    CAPTURE(arguments);
    const CommandResult result = run_studio(arguments);
    CAPTURE(result.output);
    CHECK(result.exit_code != 0);
    CHECK(result.output.rfind("sta-studio: error: ", 0) == 0);
    CHECK(std::count(result.output.begin(), result.output.end(), '\n') == 1);
    CHECK(result.output.find(culprit) != std::string::npos);
  }
}
