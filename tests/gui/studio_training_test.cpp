// Training in the studio: a run from the GUI updates every view, and pause, resume, stop, save and close work.
#include "studio_runner.h"

#include <doctest/doctest.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <filesystem>
#include <set>

using namespace sta::test;

namespace {

// Pixels of the curve colour (kCurveColour in panel_data.cpp, warm ivory: not a grey, so not
// text) inside `area`.
int curve_pixels(const cv::Mat& shot, const cv::Rect& area) {
  cv::Mat mask;
  cv::inRange(shot(area & cv::Rect(0, 0, shot.cols, shot.rows)), cv::Scalar(160, 195, 210), cv::Scalar(200, 235, 240),
              mask);  // BGR
  return cv::countNonZero(mask);
}

std::set<std::string> files_in(const TempDir& dir) {
  std::set<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) names.insert(entry.path().filename());
  return names;
}

}  // namespace

TEST_CASE("training from the GUI changes the weights the views show while frames keep coming") {
  TempDir dir;
  const std::string script = write_script(dir, "train.txt",
                                          "state before.json\n"
                                          "train start tiny 40\n"
                                          "train wait 20\n"
                                          "state during.json\n"
                                          "screenshot shot.png\n");
  const CommandResult result = run_studio("--data digits --script train.txt", dir.path().string());
  CAPTURE(result.output);
  REQUIRE(result.exit_code == 0);  // the script ends while the trainer still runs: a clean close

  const nlohmann::json before = read_json(dir.file("before.json"));
  const nlohmann::json during = read_json(dir.file("during.json"));
  CAPTURE(during["training"].dump());
  CHECK(before["training"]["phase"] == "idle");
  CHECK(before["model"].is_null());
  CHECK(during["training"]["step"].get<int>() >= 20);
  CHECK(during["training"]["adopted_step"].get<int>() >= 20);
  CHECK(during["training"]["snapshots_adopted"].get<int>() >= 2);
  CHECK(during["training"]["terms"].contains("recon"));
  CHECK(during["model"]["live"] == true);
  CHECK(during["model"]["checksum"].get<double>() != during["training"]["first_checksum"].get<double>());
  CHECK(during["errors"].empty());
  // The UI kept drawing while the trainer ran.
  CHECK(during["frames"].get<int>() - before["frames"].get<int>() >= 20);

  // The Data & Training panel (its Training tab, selected by the start) shows the curves.
  const cv::Mat shot = cv::imread(dir.file("shot.png"), cv::IMREAD_COLOR);
  REQUIRE(!shot.empty());
  const cv::Rect data = rect_of(during["panels"]["data"]["rect"]);
  CHECK(curve_pixels(shot, data) >= 40);
}

TEST_CASE("training is paused and resumed and saved and stopped by a script and closing during training writes nothing") {
  TempDir dir;
  write_script(dir, "control.txt",
               "train start tiny 100000\n"
               "train wait 5\n"
               "assert panels.data.training_settings.steps == 100000\n"  // the run's, not the tab's 300
               "train pause\n"
               "frames 5\n"
               "assert training.phase == paused\n"
               "train save saved.sta\n"
               "assert training.last_save contains saved.sta\n"
               "train resume\n"
               "assert training.phase == running\n"
               "train wait 10\n"
               "train stop\n"
               "assert training.phase == stopped\n"
               "model saved.sta\n"
               "assert model.live == false\n"
               "assert model.step >= 5\n"
               "assert errors.size == 0\n");
  const CommandResult controlled = run_studio("--data digits --script control.txt", dir.path().string());
  CAPTURE(controlled.output);
  CHECK(controlled.exit_code == 0);
  CHECK(files_in(dir) == std::set<std::string>{"control.txt", "saved.sta"});  // no temporary left over

  // Closing the window (the script ends) while training runs, or stopping first: exit 0 and
  // nothing written but the script.
  for (const char* ending : {"", "train stop\nframes 3\n"}) {
    CAPTURE(ending);
    TempDir quiet;
    write_script(quiet, "close.txt", std::string("train start tiny 100000\ntrain wait 5\n") + ending);
    const CommandResult closed = run_studio("--data digits --script close.txt", quiet.path().string());
    CAPTURE(closed.output);
    CHECK(closed.exit_code == 0);
    CHECK(files_in(quiet) == std::set<std::string>{"close.txt"});
  }
}

TEST_CASE("a bad preset or a training wait that cannot be met is reported and never hangs") {
  TempDir dir;
  write_script(dir, "bad.txt",
               "train start huge\n"
               "assert errors contains huge\n"
               "train wait 5\n");
  const CommandResult result = run_studio("--data digits --script bad.txt", dir.path().string());
  CAPTURE(result.output);
  CHECK(result.exit_code != 0);  // waiting with no training fails at once
  CHECK(result.output.find("training idle") != std::string::npos);
}
