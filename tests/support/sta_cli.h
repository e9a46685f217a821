// Test helper: runs the `sta` executable and checks the one-line error contract of failures.
#pragma once

#include "support/run_command.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

namespace sta::test {

inline CommandResult sta_cli(const std::string& arguments) {
  return run_command(shell_quote(STA_CLI_EXE) + " " + arguments);
}

// A failed run must say why in exactly one line, starting "sta: error:", naming `culprit`.
inline void check_one_line_error(const CommandResult& result, const std::string& culprit, const std::string& problem) {
  CAPTURE(result.output);
  CHECK(result.exit_code != 0);
  CHECK(result.output.rfind("sta: error: ", 0) == 0);
  CHECK(std::count(result.output.begin(), result.output.end(), '\n') == 1);
  CHECK(result.output.find(culprit) != std::string::npos);
  CHECK(result.output.find(problem) != std::string::npos);
}

}  // namespace sta::test
