// `sta`: the STA Studio command line (data preview, train, eval, export, bench).
#include "app/cli/commands.h"
#include "core/util/runtime.h"

#include <csignal>
#include <cstdio>
#include <exception>

int main(int argc, char** argv) {
  // A file-size limit (ulimit -f) would kill the process on the write that passes it; ignored,
  // the write fails with EFBIG instead and the save reports it like a full disk.
  std::signal(SIGXFSZ, SIG_IGN);
  try {
    sta::configure_runtime();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "sta: error: %s\n", e.what());
    return 2;
  }
  CLI::App app{"sta - Sparse Transformation Analysis: data, training, evaluation and export"};
  app.require_subcommand(1);
  sta::cli::add_data_command(app);
  sta::cli::add_train_command(app);
  sta::cli::add_eval_command(app);
  sta::cli::add_bench_command(app);
  sta::cli::add_export_command(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help
    std::fprintf(stderr, "sta: error: %s (see --help)\n", e.what());  // one line, like every other error
    return e.get_exit_code();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "sta: error: %s\n", e.what());
    return 1;
  }
  return 0;
}
