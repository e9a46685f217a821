// The headless build (-DSTA_OPENCV=OFF): `sta` without OpenCV, GLFW or GL trains and evaluates, and refuses
// what needs OpenCV. Compiled into every build; its cases exist only in the headless one.
#include "support/sta_cli.h"
#include "support/temp_dir.h"

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#if !STA_WITH_OPENCV

using sta::test::check_one_line_error;
using sta::test::sta_cli;

// Debian's libtorch_cpu itself needs OpenCV (its Caffe2 video operators), so `ldd sta` lists
// OpenCV there however sta is built; a PyTorch wheel's LibTorch does not (scripts/gpu/check.sh
// runs ldd there). Here: sta's own dependencies hold none of them, and every OpenCV or GL library
// in its ldd listing is one that libtorch_cpu brings.
TEST_CASE("headless: sta links no OpenCV, GLFW or GL library of its own") {
  const auto needed = sta::test::run_command("readelf -d " + sta::test::shell_quote(STA_CLI_EXE));
  REQUIRE(needed.exit_code == 0);
  CAPTURE(needed.output);
  CHECK(needed.output.find("libtorch") != std::string::npos);  // the listing is real
  const auto offending = [](const std::string& listing) {
    std::vector<std::string> found;
    std::istringstream lines(listing);
    for (std::string line; std::getline(lines, line);) {
      const std::string name = line.substr(0, line.find(" =>"));
      for (const char* library : {"libopencv", "libglfw", "libGL", "libEGL", "libepoxy"})
        if (name.find(library) != std::string::npos) found.push_back(name.substr(name.find_first_not_of(" \t")));
    }
    return found;
  };
  CHECK(offending(needed.output).empty());

  const auto ldd = sta::test::run_command("ldd " + sta::test::shell_quote(STA_CLI_EXE));
  REQUIRE(ldd.exit_code == 0);
  const size_t at = ldd.output.find("libtorch_cpu.so");
  REQUIRE(at != std::string::npos);
  const size_t path = ldd.output.find("=> ", at) + 3;
  const std::string torch_cpu = ldd.output.substr(path, ldd.output.find(' ', path) - path);
  const auto torch_ldd = sta::test::run_command("ldd " + sta::test::shell_quote(torch_cpu));
  for (const std::string& library : offending(ldd.output)) {
    CAPTURE(library);
    CHECK(torch_ldd.output.find(library) != std::string::npos);
  }
}

TEST_CASE("headless: sta trains tiny on fashion-mnist and evaluates the checkpoint") {
  sta::test::TempDir dir;
  const auto train = sta_cli("train --preset tiny --data fashion-mnist --steps 30 --out " + dir.file("m.sta"));
  CAPTURE(train.output);
  REQUIRE(train.exit_code == 0);
  const auto eval = sta_cli("eval " + dir.file("m.sta") + " --sequences 4 --samples 1 --json " + dir.file("m.json"));
  CAPTURE(eval.output);
  CHECK(eval.exit_code == 0);
  CHECK(eval.output.find("alignment") != std::string::npos);
}

TEST_CASE("headless: what needs OpenCV is refused with a reason naming -DSTA_OPENCV=OFF") {
  sta::test::TempDir dir;
  for (const char* source : {"digits", "shapes", "video:" STA_SOURCE_DIR "/README.md"}) {
    CAPTURE(source);
    check_one_line_error(sta_cli(std::string("train --preset tiny --data ") + source + " --out " + dir.file("x.sta")),
                         source, "-DSTA_OPENCV=OFF");
  }
  check_one_line_error(sta_cli("data preview --data fashion-mnist --out " + dir.file("p.png")), "PNG", "-DSTA_OPENCV=OFF");
  REQUIRE(sta_cli("train --preset tiny --data fashion-mnist --steps 2 --out " + dir.file("m.sta")).exit_code == 0);
  check_one_line_error(sta_cli("export traversal " + dir.file("m.sta") + " --out " + dir.file("t.mp4")), "MP4",
                       "-DSTA_OPENCV=OFF");
  CHECK(sta_cli("export traversal " + dir.file("m.sta") + " --out " + dir.file("t.gif")).exit_code == 0);
}

#endif
