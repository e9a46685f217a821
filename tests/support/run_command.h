// Test helper: runs a shell command line and captures its exit code and its stdout and stderr
// together, for tests that drive the `sta` and `sta-studio` executables.
#pragma once

#include <cstdio>
#include <string>

#include <sys/wait.h>

namespace sta::test {

struct CommandResult {
  int exit_code = -1;  // the process's exit status; -1 if it did not exit normally
  std::string output;  // stdout and stderr, interleaved
};

inline CommandResult run_command(const std::string& command) {
  CommandResult result;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return result;
  char buffer[4096];
  while (size_t n = fread(buffer, 1, sizeof buffer, pipe)) result.output.append(buffer, n);
  const int status = pclose(pipe);
  if (status != -1 && WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  return result;
}

// Single-quotes text for /bin/sh.
inline std::string shell_quote(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

}  // namespace sta::test
