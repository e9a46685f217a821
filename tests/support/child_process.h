// Test helper: `sta ARGS...` as a child process the test can watch, signal and kill, its output
// discarded or written to a file.
#pragma once

#include <chrono>
#include <csignal>
#include <cstdio>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace sta::test {

inline pid_t start_sta(const std::vector<std::string>& arguments, const std::string& output = "/dev/null") {
  std::fflush(stdout);  // or the child would write our buffered output again
  std::fflush(stderr);
  const pid_t child = fork();
  if (child == 0) {
    const int fd = open(output.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(fd, STDOUT_FILENO);
    dup2(fd, STDERR_FILENO);
    std::vector<char*> argv{const_cast<char*>(STA_CLI_EXE)};
    for (const auto& a : arguments) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(STA_CLI_EXE, argv.data());
    _exit(127);
  }
  return child;
}

// Polls (yielding) until `ready` holds or the child exits; false when it exited first or
// `limit` passed.
template <class Ready>
bool wait_until(pid_t child, Ready ready, std::chrono::seconds limit = std::chrono::minutes(2)) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (!ready()) {
    int status = 0;
    if (waitpid(child, &status, WNOHANG) == child || std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::yield();
  }
  return true;
}

inline int exit_status(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status); }

// Waits for the child to end: its exit status (128 + signal when killed).
inline int wait_for_exit(pid_t child) {
  int status = 0;
  while (waitpid(child, &status, 0) < 0) {
  }
  return exit_status(status);
}

// The child's exit status if it ends within `limit`; else it is killed and nothing is returned.
inline std::optional<int> exit_within(pid_t child, std::chrono::seconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  int status = 0;
  while (waitpid(child, &status, WNOHANG) != child) {
    if (std::chrono::steady_clock::now() > deadline) {
      kill(child, SIGKILL);
      wait_for_exit(child);
      return std::nullopt;
    }
    std::this_thread::yield();
  }
  return exit_status(status);
}

}  // namespace sta::test
