// Small console helpers shared by the `sta` subcommands: durations, progress lines and
// Ctrl-C handling.
#pragma once

#include <string>

namespace sta::cli {

std::string format_duration(double seconds);  // "1:05:09", "12:04", "0:07"
bool stderr_is_terminal();
// Installs a SIGINT/SIGTERM handler that only records the request; returns the flag's reader.
void install_interrupt_handler();
bool interrupt_requested();

}  // namespace sta::cli
