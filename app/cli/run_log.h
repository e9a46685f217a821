// The run log of `sta train`: OUT.log.jsonl beside the checkpoint, one JSON object per logged
// step (losses, usage, residual, validation metrics), for plotting seeds with any tool.
#pragma once

#include "core/train/trainer.h"

#include <cstdio>
#include <string>

namespace sta::cli {

// The log's path for a checkpoint path: "model.sta" -> "model.sta.log.jsonl".
std::string run_log_path(const std::string& checkpoint);

class RunLog {
 public:
  // A fresh run starts the file anew; a resumed one keeps the lines up to `resumed_step` (a run
  // killed after its last checkpoint logged steps that the resume repeats) and appends.
  RunLog(const std::string& path, bool resume, int64_t resumed_step);
  ~RunLog();
  RunLog(const RunLog&) = delete;
  RunLog& operator=(const RunLog&) = delete;

  // Writes the report's line when it is a logged step (every 50th, a validation step or the
  // last), flushed so that a Ctrl-C or a crash keeps it.
  void record(const train::StepReport& report);

 private:
  std::string path_;
  std::FILE* file_ = nullptr;
};

}  // namespace sta::cli
