// `sta data preview`: a grid PNG of the documented size, and one-line errors with a non-zero exit for bad input.
#include "support/run_command.h"
#include "support/sta_cli.h"
#include "support/temp_dir.h"

#include <doctest/doctest.h>

#include <opencv2/imgcodecs.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

using sta::test::CommandResult;
using sta::test::run_command;
using sta::test::shell_quote;

using sta::test::check_one_line_error;
using sta::test::sta_cli;

TEST_CASE("data preview writes a grid: one row per sequence, T+1 frames of at least 84 px") {
  sta::test::TempDir dir;
  const std::string out = dir.file("grid.png");
  // Documented layout: frames enlarged by a whole factor to >= 84 px, 2 px gaps between and
  // around them. digits: 28 px x 3 = 84; shapes: 64 px x 2 = 128.
  struct Case {
    const char* arguments;
    int width, height;
  };
  for (const Case& c : {Case{"--data digits --count 3 --steps 4", 5 * 84 + 6 * 2, 3 * 84 + 4 * 2},
                        Case{"--data shapes --count 2 --steps 2 --mode single --split test", 3 * 128 + 4 * 2,
                             2 * 128 + 3 * 2},
                        Case{"--data fashion-mnist --count 1 --transforms hue --seed 5", 9 * 84 + 10 * 2, 84 + 2 * 2}}) {
    CAPTURE(c.arguments);
    const CommandResult result = sta_cli(std::string("data preview ") + c.arguments + " --out " + shell_quote(out));
    CAPTURE(result.output);
    REQUIRE(result.exit_code == 0);
    const cv::Mat grid = cv::imread(out, cv::IMREAD_UNCHANGED);
    REQUIRE_FALSE(grid.empty());
    CHECK(grid.cols == c.width);
    CHECK(grid.rows == c.height);
    CHECK(grid.channels() == 3);
    // The first frame is a picture, not a blank cell.
    double low = 0, high = 0;
    cv::minMaxLoc(grid(cv::Rect(2, 2, 84, 84)).reshape(1), &low, &high);
    CHECK(high - low > 100);
    std::filesystem::remove(out);
  }
}

TEST_CASE("data preview refuses bad input with a one-line reason and a non-zero exit") {
  sta::test::TempDir dir;
  const std::string out = " --out " + shell_quote(dir.file("grid.png"));

  SUBCASE("missing IDX file") {
    check_one_line_error(sta_cli("data preview --data idx:/nonexistent" + out), "/nonexistent", "no such file");
  }
  SUBCASE("corrupt IDX file") {
    const std::string corrupt = dir.file("corrupt-idx3-ubyte");
    std::ofstream(corrupt, std::ios::binary) << "definitely not an IDX header";
    check_one_line_error(sta_cli("data preview --data " + shell_quote("idx:" + corrupt) + out), corrupt,
                         "wrong magic number");
  }
  SUBCASE("unknown source") {
    check_one_line_error(sta_cli("data preview --data cifar" + out), "'cifar'", "known: fashion-mnist");
  }
  SUBCASE("video that cannot be opened") {
    const std::string video = dir.file("broken.mp4");
    std::ofstream(video) << "no frames here";
    check_one_line_error(sta_cli("data preview --data " + shell_quote("video:" + video) + out), video,
                         "cannot open or decode");
  }
  SUBCASE("unknown transformation") {
    check_one_line_error(sta_cli("data preview --data digits --transforms rotate,shear" + out), "'shear'",
                         "valid: rotate, scale, hue");
  }
  SUBCASE("output that is not a PNG") {
    check_one_line_error(sta_cli("data preview --data digits --out " + shell_quote(dir.file("grid.jpg"))), "grid.jpg",
                         ".png");
  }
  SUBCASE("unwritable output") {
    check_one_line_error(sta_cli("data preview --data digits --out /nonexistent-folder/grid.png"),
                         "/nonexistent-folder/grid.png", "cannot write");
  }
  SUBCASE("bad option value") {
    const CommandResult result = sta_cli("data preview --data digits --split validation" + out);
    CHECK(result.exit_code != 0);
    CHECK(result.output.find("validation") != std::string::npos);
  }
  CHECK_FALSE(std::filesystem::exists(dir.file("grid.png")));
}

TEST_CASE("data and data preview explain themselves with --help") {
  const CommandResult data = sta_cli("data --help");
  CHECK(data.exit_code == 0);
  CHECK(data.output.find("preview") != std::string::npos);
  const CommandResult preview = sta_cli("data preview --help");
  CHECK(preview.exit_code == 0);
  for (const char* option : {"--data", "--transforms", "--count", "--split", "--mode", "--seed", "--steps", "--out"}) {
    CHECK(preview.output.find(option) != std::string::npos);
  }
  CHECK(preview.output.find("video:PATH") != std::string::npos);
}
