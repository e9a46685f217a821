// One training step under LibTorch's autograd profiler, sorted by model part (see step_profile.h).
#include "app/cli/step_profile.h"

#include <torch/csrc/autograd/profiler_legacy.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <tuple>
#include <unordered_map>

namespace sta::cli {

namespace {

namespace prof = torch::autograd::profiler;
using Shapes = std::vector<std::vector<int64_t>>;

constexpr char kEvaluatePrefix[] = "autograd::engine::evaluate_function: ";
constexpr char kOther[] = "other";

double product(const std::vector<int64_t>& shape, size_t from = 0) {
  double n = 1;
  for (size_t i = from; i < shape.size(); ++i) n *= static_cast<double>(shape[i]);
  return n;
}

// FLOPs (2 per multiply-add) of a matrix-product operator from its recorded input shapes; 0 for
// every other operator. Counted at one level of each call chain only: conv2d (whose output size
// LibTorch's own counter derives from the input, weight, stride and padding), mm, addmm, bmm,
// baddbmm, and convolution_backward, charged with both of its products (input and weight gradients).
double matrix_flops(const std::string& name, const Shapes& s, double torch_count) {
  auto dims = [&](size_t i, size_t rank) { return i < s.size() && s[i].size() == rank; };
  if (name == "aten::conv2d") return torch_count;
  if (name == "aten::mm" && dims(0, 2) && dims(1, 2)) return 2 * product(s[0]) * s[1][1];
  if (name == "aten::addmm" && dims(1, 2) && dims(2, 2)) return 2 * product(s[1]) * s[2][1];
  if (name == "aten::bmm" && dims(0, 3) && dims(1, 3)) return 2 * product(s[0]) * s[1][2];
  if (name == "aten::baddbmm" && dims(1, 3) && dims(2, 3)) return 2 * product(s[1]) * s[2][2];
  if (name == "aten::convolution_backward" && dims(0, 4) && dims(2, 4)) return 2 * 2 * product(s[0]) * product(s[2], 1);
  return 0;
}

struct Entry {  // one outermost operator call
  std::string name, part;
  bool backward = false;
  int64_t sequence = -1;  // of a backward node: the forward operator's autograd sequence number
  double ms = 0, flops = 0;
};

struct Frame {
  const prof::LegacyEvent* push;
  std::string part;
  int entry;           // the outermost operator this range belongs to, -1 outside every operator
  bool opened_entry;
  bool counted;        // this range or one around it counted its matrix products
};

// Walks one thread's ranges: outermost operators become entries; forward operators' sequence
// numbers are remembered with their part, so backward nodes can be charged to it afterwards.
void walk(const std::vector<prof::LegacyEvent>& events, std::vector<Entry>& entries,
          std::unordered_map<int64_t, std::string>& forward_part) {
  const auto user = static_cast<uint8_t>(at::RecordScope::USER_SCOPE);
  const auto node = static_cast<uint8_t>(at::RecordScope::BACKWARD_FUNCTION);
  std::vector<Frame> stack;
  for (const auto& e : events) {
    if (e.kind() == prof::EventKind::PopRange) {
      if (stack.empty()) continue;
      const auto frame = stack.back();
      stack.pop_back();
      if (frame.opened_entry) entries[frame.entry].ms += frame.push->cpuElapsedUs(e) / 1000.0;
      continue;
    }
    if (e.kind() != prof::EventKind::PushRange) continue;
    const Frame* parent = stack.empty() ? nullptr : &stack.back();
    Frame frame{&e, parent ? parent->part : kOther, parent ? parent->entry : -1, false, parent && parent->counted};
    const std::string name = e.name();
    auto open = [&](std::string entry_name, bool backward) {
      entries.push_back({std::move(entry_name), frame.part, backward, -1, 0, 0});
      frame.entry = static_cast<int>(entries.size()) - 1;
      frame.opened_entry = true;
    };
    if (e.scope() == user) {
      frame.part = name;
    } else if (name.rfind(kEvaluatePrefix, 0) == 0) {
      open(name.substr(sizeof(kEvaluatePrefix) - 1), true);
    } else if (e.scope() == node) {
      if (frame.entry < 0) open(name, true);
      if (entries[frame.entry].sequence < 0) entries[frame.entry].sequence = e.sequenceNr();
    } else {
      if (frame.entry < 0) open(name, false);
      if (!entries[frame.entry].backward && e.sequenceNr() >= 0) forward_part[e.sequenceNr()] = frame.part;
      // A product that calls another (autocast re-dispatching conv2d, say) is counted once.
      // LegacyEvent::flops() is not const in LibTorch 1.13.
      const double flops =
          frame.counted ? 0 : matrix_flops(name, e.shapes(), static_cast<double>(const_cast<prof::LegacyEvent&>(e).flops()));
      entries[frame.entry].flops += flops;
      frame.counted = frame.counted || flops > 0;
    }
    stack.push_back(frame);
  }
}

}  // namespace

StepProfile profile_step(const std::function<void()>& step) {
  const torch::profiler::impl::ProfilerConfig config(torch::profiler::impl::ProfilerState::CPU,
                                                      /*report_input_shapes=*/true, /*profile_memory=*/false,
                                                      /*with_stack=*/false, /*with_flops=*/true);
  prof::enableProfilerLegacy(config);
  const auto start = std::chrono::steady_clock::now();
  step();
  StepProfile profile;
  profile.wall_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  std::vector<Entry> entries;
  std::unordered_map<int64_t, std::string> forward_part;
  for (const auto& thread_events : prof::disableProfilerLegacy()) walk(thread_events, entries, forward_part);

  std::map<std::string, PartProfile> parts;
  std::map<std::tuple<std::string, std::string, bool>, OperatorProfile> operators;
  for (auto& entry : entries) {
    if (entry.backward) {
      const auto found = forward_part.find(entry.sequence);
      entry.part = found == forward_part.end() ? kOther : found->second;
    }
    auto& part = parts[entry.part];
    part.part = entry.part;
    (entry.backward ? part.backward_ms : part.forward_ms) += entry.ms;
    part.flops += entry.flops;
    profile.flops += entry.flops;
    auto& op = operators[{entry.part, entry.name, entry.backward}];
    op.name = entry.name;
    op.backward = entry.backward;
    ++op.calls;
    op.ms += entry.ms;
    op.flops += entry.flops;
  }
  for (auto& [key, op] : operators) parts[std::get<0>(key)].operators.push_back(op);
  for (auto& [name, part] : parts) {
    std::sort(part.operators.begin(), part.operators.end(), [](const auto& a, const auto& b) { return a.ms > b.ms; });
    profile.parts.push_back(std::move(part));
  }
  std::sort(profile.parts.begin(), profile.parts.end(), [](const auto& a, const auto& b) {
    return a.forward_ms + a.backward_ms > b.forward_ms + b.backward_ms;
  });
  return profile;
}

}  // namespace sta::cli
