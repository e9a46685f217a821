// `sta export traversal` on a tiny model trained inside the test: GIF, MP4 and PNG strip, and bad input.
// Not under sanitizers: a training per case; the writers run there in the export: suite.
#include "core/data/dataset.h"
#include "support/gif_reader.h"
#include "support/run_command.h"
#include "support/sta_cli.h"
#include "support/temp_dir.h"

#include "core/data/opencv/mat_image.h"
#include <doctest/doctest.h>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <algorithm>
#include <filesystem>

using sta::test::CommandResult;
using sta::test::run_command;
using sta::test::shell_quote;
using sta::test::sta_cli;

namespace {

// A 30-step tiny model on digits (3 primitives, T = 8), trained once per test process.
const std::string& tiny_model() {
  static sta::test::TempDir dir;
  static const std::string path = [] {
    const std::string out = dir.file("tiny.sta");
    const CommandResult trained = sta_cli("train --preset tiny --data digits --steps 30 --out " + shell_quote(out));
    INFO(trained.output);
    REQUIRE(trained.exit_code == 0);
    return out;
  }();
  return path;
}

CommandResult export_traversal(const std::string& arguments, const std::string& out) {
  return sta_cli("export traversal " + shell_quote(tiny_model()) + " " + arguments + " --out " + shell_quote(out));
}

void check_one_line_error(const CommandResult& result, const std::string& expected) {
  CAPTURE(result.output);
  CHECK(result.exit_code != 0);
  CHECK(result.output == "sta: error: " + expected + "\n");
}

}  // namespace

TEST_CASE("export traversal writes a GIF and an MP4 of N+1 frames of the enlarged size") {
  sta::test::TempDir dir;
  const CommandResult gif = export_traversal("--primitive 1 --speed 1.5 --steps 5 --scale 2 --fps 10", dir.file("t.gif"));
  CAPTURE(gif.output);
  REQUIRE(gif.exit_code == 0);
  const auto frames = sta::test::read_gif(dir.file("t.gif"));
  CHECK(frames.frames.size() == 6);
  CHECK(frames.width == 56);
  CHECK(frames.height == 56);
  CHECK(frames.delays.front() == 10);
  CHECK(frames.loops == 0);

  const CommandResult mp4 = export_traversal("--slabs 0.5,0,-1 --steps 7 --scale 3", dir.file("t.mp4"));
  CAPTURE(mp4.output);
  REQUIRE(mp4.exit_code == 0);
  cv::VideoCapture video(dir.file("t.mp4"), cv::CAP_FFMPEG);
  int count = 0;
  for (cv::Mat frame; video.read(frame); ++count) CHECK(frame.size() == cv::Size(84, 84));
  CHECK(count == 8);

  // Without --steps: the model's T = 8 steps, 9 frames; default scale enlarges to >= 128 px.
  REQUIRE(export_traversal("", dir.file("default.gif")).exit_code == 0);
  const auto defaults = sta::test::read_gif(dir.file("default.gif"));
  CHECK(defaults.frames.size() == 9);
  CHECK(defaults.width == 28 * 5);
}

TEST_CASE("export traversal to PNG: the input frame of the chosen sequence, then the decoded traversal") {
  sta::test::TempDir dir;
  const CommandResult result = export_traversal("--sequence 3 --steps 4 --scale 1", dir.file("strip.png"));
  CAPTURE(result.output);
  REQUIRE(result.exit_code == 0);
  const cv::Mat strip = cv::imread(dir.file("strip.png"));
  REQUIRE_FALSE(strip.empty());
  CHECK(strip.cols == 2 + 6 * (28 + 2));  // input + 5 decoded frames, 2 px gaps
  CHECK(strip.rows == 2 + 28 + 2);

  // The first cell is frame 0 of test sequence 3 of the data the model was trained on.
  sta::data::DataSpec spec;
  spec.source = "digits";
  const cv::Mat input = sta::data::to_mat(sta::data::open_dataset(spec)->sequence(sta::data::Split::Test, 3).frames.front());
  cv::Mat expected;
  input.convertTo(expected, CV_8UC3, 255.0);
  cv::cvtColor(expected, expected, cv::COLOR_RGB2BGR);
  CHECK(cv::norm(strip(cv::Rect(2, 2, 28, 28)), expected, cv::NORM_INF) == 0);
}

TEST_CASE("the exported traversal depends on the primitive and its speed") {
  sta::test::TempDir dir;
  const auto last_frame = [&](const std::string& arguments, const std::string& name) {
    const CommandResult result = export_traversal(arguments + " --steps 4", dir.file(name));
    CAPTURE(result.output);
    REQUIRE(result.exit_code == 0);
    return sta::test::read_gif(dir.file(name)).frames.back();
  };
  const cv::Mat reference = last_frame("--primitive 0 --speed 1", "a.gif");
  // The export is deterministic: the same settings give the same frames...
  CHECK(cv::norm(reference, last_frame("--slabs 1,0,0", "same.gif"), cv::NORM_INF) == 0);
  // ...so any difference below comes from the slabs.
  CHECK(cv::norm(reference, last_frame("--primitive 1 --speed 1", "b.gif"), cv::NORM_INF) > 0);
  CHECK(cv::norm(reference, last_frame("--primitive 0 --speed -1", "c.gif"), cv::NORM_INF) > 0);
  CHECK(cv::norm(reference, last_frame("--primitive 0 --speed 2", "d.gif"), cv::NORM_INF) > 0);
}

TEST_CASE("export traversal refuses bad input with a one-line reason and a non-zero exit") {
  sta::test::TempDir dir;
  const std::string gif = dir.file("t.gif");
  check_one_line_error(sta_cli("export traversal " + shell_quote(dir.file("missing.sta")) + " --out " + shell_quote(gif)),
                       "cannot open '" + dir.file("missing.sta") + "': No such file or directory");
  check_one_line_error(export_traversal("--primitive 3", gif),
                       "primitive 3 is out of range: the model has 3 primitives (0..2)");
  check_one_line_error(export_traversal("", dir.file("t.xyz")),
                       "unsupported output format '.xyz' (use .gif, .mp4, .png or .svg)");
  check_one_line_error(export_traversal("--slabs 1,2", gif), "--slabs '1,2' has 2 values but the model has 3 primitives");
  check_one_line_error(export_traversal("--slabs 1,x,0", gif), "--slabs: 'x' is not a number");
  check_one_line_error(export_traversal("", "/nonexistent-folder/t.gif"),
                       "cannot write '/nonexistent-folder/t.gif': folder '/nonexistent-folder' does not exist");
  const CommandResult both = export_traversal("--primitive 1 --slabs 1,0,0", gif);
  CHECK(both.exit_code != 0);
  CHECK(both.output.find("excludes") != std::string::npos);
  CHECK(std::distance(std::filesystem::directory_iterator(dir.path()), {}) == 0);
}

TEST_CASE("export and export traversal explain themselves with --help") {
  const CommandResult help = sta_cli("export --help");
  CHECK(help.exit_code == 0);
  CHECK(help.output.find("traversal") != std::string::npos);
  const CommandResult traversal = sta_cli("export traversal --help");
  CHECK(traversal.exit_code == 0);
  for (const char* option : {"--data", "--sequence", "--split", "--primitive", "--speed", "--slabs", "--steps", "--scale",
                             "--fps", "--device", "--out", ".gif", ".mp4", ".png"}) {
    CAPTURE(option);
    CHECK(traversal.output.find(option) != std::string::npos);
  }
}
