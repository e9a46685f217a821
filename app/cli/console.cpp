// Console helpers (see console.h).
#include "app/cli/console.h"

#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdio>

namespace sta::cli {

namespace {
std::atomic<bool> interrupted{false};
void on_signal(int) { interrupted = true; }
}  // namespace

std::string format_duration(double seconds) {
  if (!(seconds >= 0) || seconds > 1e7) return "--:--";
  long s = static_cast<long>(seconds + 0.5);
  char text[32];
  if (s >= 3600) std::snprintf(text, sizeof text, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  else std::snprintf(text, sizeof text, "%ld:%02ld", s / 60, s % 60);
  return text;
}

bool stderr_is_terminal() { return isatty(STDERR_FILENO) != 0; }

void install_interrupt_handler() {
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

bool interrupt_requested() { return interrupted; }

}  // namespace sta::cli
