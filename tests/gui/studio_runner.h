// Test helper for the GUI suite: runs sta-studio (under xvfb-run when there is no display),
// writes scripts, and reads back the screenshots and state JSON it writes.
#pragma once

#include "support/run_command.h"
#include "support/temp_dir.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>

#include <cstdlib>
#include <fstream>
#include <string>

namespace sta::test {

// Runs the studio executable `exe` with `arguments`, in `directory` when one is given.
inline CommandResult run_studio_exe(const std::string& exe, const std::string& arguments,
                                    const std::string& directory) {
  const char* display = std::getenv("DISPLAY");
  std::string prefix = display && *display ? "" : "xvfb-run -a -s '-screen 0 1280x800x24' ";
  if (!directory.empty()) prefix = "cd " + shell_quote(directory) + " && " + prefix;
  return run_command(prefix + shell_quote(exe) + " " + arguments);
}

// Runs the build's sta-studio with `arguments`, in `directory` when one is given.
inline CommandResult run_studio(const std::string& arguments, const std::string& directory = "") {
  return run_studio_exe(STA_STUDIO_EXE, arguments, directory);
}

// Writes `text` to a script file in `dir` and returns its path.
inline std::string write_script(const TempDir& dir, const std::string& name, const std::string& text) {
  const std::string path = dir.file(name);
  std::ofstream(path) << text;
  return path;
}

inline nlohmann::json read_json(const std::string& path) {
  std::ifstream in(path);
  return nlohmann::json::parse(in);
}

// Opens `model` in the studio, draws 5 frames, screenshots them to DIR/NAME.png and returns the
// state JSON written beside it; the test fails when the studio does.
inline nlohmann::json open_model(const TempDir& dir, const std::string& model, const std::string& name) {
  const CommandResult result =
      run_studio("--model " + shell_quote(model) + " --screenshot " + shell_quote(dir.file(name + ".png")) + " --frames 5");
  CAPTURE(result.output);
  REQUIRE(result.exit_code == 0);
  return read_json(dir.file(name + ".json"));
}

// A rectangle written by the studio as [x, y, w, h].
inline cv::Rect rect_of(const nlohmann::json& r) {
  return {r.at(0).get<int>(), r.at(1).get<int>(), r.at(2).get<int>(), r.at(3).get<int>()};
}

}  // namespace sta::test
