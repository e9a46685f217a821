// The run log of `sta train` (see run_log.h).
#include "app/cli/run_log.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <vector>

namespace sta::cli {

namespace {

constexpr int64_t kLogEvery = 50;

std::runtime_error log_error(const std::string& path, const char* what) {
  return std::runtime_error("cannot " + std::string(what) + " the run log " + path + ": " + std::strerror(errno));
}

// The lines of `path` whose step is at most `last_step` (a missing file has none).
std::vector<std::string> lines_up_to(const std::string& path, int64_t last_step) {
  std::vector<std::string> kept;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    try {
      if (nlohmann::json::parse(line).at("step").get<int64_t>() <= last_step) kept.push_back(line);
    } catch (const nlohmann::json::exception&) {
      // a line cut short by a crash mid-write: dropped
    }
  }
  return kept;
}

}  // namespace

std::string run_log_path(const std::string& checkpoint) { return checkpoint + ".log.jsonl"; }

RunLog::RunLog(const std::string& path, bool resume, int64_t resumed_step) : path_(path) {
  const auto kept = resume ? lines_up_to(path, resumed_step) : std::vector<std::string>{};
  file_ = std::fopen(path.c_str(), "w");
  if (!file_) throw log_error(path, "write");
  for (const auto& line : kept) std::fprintf(file_, "%s\n", line.c_str());
  std::fflush(file_);
}

RunLog::~RunLog() {
  if (file_) std::fclose(file_);
}

void RunLog::record(const train::StepReport& r) {
  if (r.step % kLogEvery != 0 && r.step != r.total && !r.validation_alignment) return;
  nlohmann::json line = {{"step", r.step},
                         {"stage", r.stage},
                         {"loss", r.loss},
                         {"learning_rate", r.learning_rate},
                         {"grad_norm", r.grad_norm},
                         {"steps_per_second", r.steps_per_second},
                         {"curriculum", r.curriculum}};
  for (const auto& [name, value] : r.terms) line["terms"][name] = value;
  if (!r.usage.empty()) line["usage"] = r.usage;
  if (!r.assignment.empty()) line["assignment"] = r.assignment;
  if (r.best_residual >= 0) line["best_residual"] = r.best_residual;
  if (r.step_length >= 0) line["step_length"] = r.step_length;
  if (r.validation_alignment) line["validation"]["alignment"] = *r.validation_alignment;
  if (r.validation_f1) line["validation"]["multi_f1"] = *r.validation_f1;
  if (!r.event.empty()) line["event"] = r.event;
  if (std::fprintf(file_, "%s\n", line.dump().c_str()) < 0 || std::fflush(file_) != 0) throw log_error(path_, "write to");
}

}  // namespace sta::cli
