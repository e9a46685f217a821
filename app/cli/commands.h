// Registration of the `sta` subcommands; each lives in its own file (<name>_command.cpp)
// and throws std::exception with a one-line reason on bad input.
#pragma once

#include <CLI/CLI.hpp>

namespace sta::cli {

void add_data_command(CLI::App& app);   // sta data preview | clips
void add_data_clips_command(CLI::App& data);  // sta data clips (registered by add_data_command)
void add_train_command(CLI::App& app);  // sta train
void add_eval_command(CLI::App& app);   // sta eval
void add_bench_command(CLI::App& app);  // sta bench
void add_export_command(CLI::App& app); // sta export traversal | torchscript | fields | spikes
void add_export_torchscript_command(CLI::App& export_command);  // (registered by add_export_command)
void add_export_figure_commands(CLI::App& export_command);      // sta export fields | spikes (the same)

}  // namespace sta::cli
