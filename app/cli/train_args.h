// The options of `sta train`, shared by the command (train_command.cpp) and the local launcher
// that starts one worker process per rank (train_launcher.cpp).
#pragma once

#include "core/util/enum_names.h"

#include <cstdint>
#include <string>
#include <vector>

namespace sta::cli {

// What training does when a periodic checkpoint cannot be written: "stop", "continue".
enum class OnSaveError { Stop, Continue };
const util::NameTable<OnSaveError>& names(OnSaveError);

struct TrainArgs {
  std::string preset = "demo", source = "fashion-mnist", transforms, device = "auto", out;
  int64_t steps = 0;
  uint64_t seed = 0;
  int batch = 0, primitives = 0, length = 8, size = 0, stride = 4;  // stride: video and clip windows
  std::vector<std::string> overrides;
  bool resume = false;
  OnSaveError on_save_error = OnSaveError::Stop;
  // Data-parallel: this process is rank `rank` of `world_size` meeting at `rendezvous`
  // (HOST:PORT, hosted by rank 0); or, with nproc > 0, the launcher of nproc local workers.
  int world_size = 1, rank = 0, nproc = 0, timeout = 300;
  std::string rendezvous;
};

// The command line of worker `rank` of `nproc` meeting at 127.0.0.1:`port` (without argv[0]).
std::vector<std::string> worker_arguments(const TrainArgs& args, int rank, int port);
// Starts args.nproc workers of this executable on 127.0.0.1, forwards Ctrl-C to them and waits;
// when one fails the others are stopped. Returns the exit status for the launcher.
int launch_local_workers(const TrainArgs& args);

}  // namespace sta::cli
