// Fuzz target: `sta train --set key=value` overrides, one assignment per input line, on the tiny preset.
#include "core/train/train_config.h"

#include <nlohmann/json.hpp>

#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

// A std::invalid_argument (or CLI-level refusal) is a proper answer; anything else escaping, a crash
// or a sanitizer report is a bug. An accepted config must pass its own validation and survive a JSON
// round trip.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::vector<std::string> assignments;
  std::istringstream lines(std::string(reinterpret_cast<const char*>(data), size));
  for (std::string line; std::getline(lines, line) && assignments.size() < 16;) assignments.push_back(line);
  static const auto preset = sta::train::make_preset("tiny", 28, 3, 8);
  try {
    const auto config = sta::train::with_overrides(preset, assignments);
    config.validate();
    const nlohmann::json saved = config;
    if (nlohmann::json(saved.get<sta::train::TrainConfig>()) != saved) __builtin_trap();
  } catch (const std::invalid_argument&) {
  }
  return 0;
}
