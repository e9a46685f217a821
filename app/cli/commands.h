// Registration of the `sta` subcommands; each lives in its own file (<name>_command.cpp)
// and throws std::exception with a one-line reason on bad input.
#pragma once

#include <CLI/CLI.hpp>

namespace sta::cli {

void add_data_command(CLI::App& app);  // sta data preview

}  // namespace sta::cli
