// Adam state <-> bytes (see adam_state.h).
#include "core/train/adam_state.h"

#include "core/train/checkpoint.h"
#include "core/util/json_numbers.h"

#include <nlohmann/json.hpp>

#include <cstring>
#include <sstream>
#include <type_traits>
#include <utility>
#include <vector>

namespace sta::train {
namespace {

// Layout: "STA-ADAM", u64 index length, the JSON index (one entry per parameter: null, or step, shape
// and the offset of its two moments in the payload), then the payload of float32 moments (exp_avg,
// then exp_avg_sq, per parameter).
constexpr char kAdamMagic[8] = {'S', 'T', 'A', '-', 'A', 'D', 'A', 'M'};

std::vector<torch::Tensor> all_parameters(const torch::optim::Adam& adam) {
  std::vector<torch::Tensor> out;
  for (const auto& group : adam.param_groups()) out.insert(out.end(), group.params().begin(), group.params().end());
  return out;
}

// The optimiser's state map is keyed by the parameter's TensorImpl: its address as text in
// LibTorch 1.x, the pointer itself in 2.x.
using StateKey = std::decay_t<decltype(std::declval<torch::optim::Adam&>().state())>::key_type;

template <class Key = StateKey>
Key key_of(const torch::Tensor& p) {
  if constexpr (std::is_same_v<Key, std::string>) {
    std::ostringstream text;
    text << p.unsafeGetTensorImpl();
    return text.str();
  } else {
    return p.unsafeGetTensorImpl();
  }
}

[[noreturn]] void damaged(const std::string& why) { throw CheckpointError("damaged optimiser state: " + why); }

}  // namespace

std::string adam_state_bytes(const torch::optim::Adam& adam) {
  nlohmann::json index = nlohmann::json::array();
  std::string payload;
  for (const torch::Tensor& p : all_parameters(adam)) {
    const auto found = adam.state().find(key_of(p));
    if (found == adam.state().end()) {
      index.push_back(nullptr);  // never stepped
      continue;
    }
    const auto& state = static_cast<const torch::optim::AdamParamState&>(*found->second);
    index.push_back({{"step", state.step()}, {"shape", p.sizes().vec()}, {"offset", payload.size()}});
    for (const torch::Tensor& moment : {state.exp_avg(), state.exp_avg_sq()}) {
      const auto t = moment.detach().to(torch::kCPU, torch::kFloat).contiguous();
      payload.append(static_cast<const char*>(t.data_ptr()), static_cast<size_t>(t.numel()) * sizeof(float));
    }
  }
  const std::string text = index.dump();
  std::string out(kAdamMagic, sizeof kAdamMagic);
  const uint64_t length = text.size();
  out.append(reinterpret_cast<const char*>(&length), sizeof length);
  return out + text + payload;
}

bool is_adam_state(const std::string& bytes) {
  return bytes.size() >= sizeof kAdamMagic && std::memcmp(bytes.data(), kAdamMagic, sizeof kAdamMagic) == 0;
}

void load_adam_state(torch::optim::Adam& adam, const std::string& bytes, const torch::Device& device) {
  if (!is_adam_state(bytes))
    throw CheckpointError("the optimiser state is not in this version's format (older checkpoints hold a LibTorch "
                          "archive, which is no longer read)");
  uint64_t length = 0;
  if (bytes.size() < sizeof kAdamMagic + sizeof length) damaged("truncated index");
  std::memcpy(&length, bytes.data() + sizeof kAdamMagic, sizeof length);
  const size_t start = sizeof kAdamMagic + sizeof length;
  if (length > bytes.size() - start) damaged("the index runs past the end");
  nlohmann::json index;
  try {
    index = nlohmann::json::parse(bytes.substr(start, length));
  } catch (const nlohmann::json::exception& e) {
    damaged(e.what());
  }
  const char* payload = bytes.data() + start + length;
  const size_t payload_size = bytes.size() - start - length;
  const std::vector<torch::Tensor> params = all_parameters(adam);
  if (!index.is_array() || index.size() != params.size())
    damaged("it holds " + std::to_string(index.is_array() ? index.size() : 0) + " parameters, the model has " +
            std::to_string(params.size()));
  torch::NoGradGuard no_grad;
  for (size_t i = 0; i < params.size(); ++i) {
    const nlohmann::json& entry = index[i];
    if (entry.is_null()) continue;
    try {
      const auto step = whole_number<int64_t>(entry.at("step"), "step");
      const auto shape = whole_numbers<int64_t>(entry.at("shape"), "shape");
      const auto offset = whole_number<size_t>(entry.at("offset"), "offset");
      if (step < 0) damaged("negative step count");
      if (shape != params[i].sizes().vec()) damaged("parameter " + std::to_string(i) + " has another shape");
      const size_t size = static_cast<size_t>(params[i].numel()) * sizeof(float);
      if (offset > payload_size || 2 * size > payload_size - offset) damaged("moments run past the end");
      auto moments = torch::empty({2, params[i].numel()});
      std::memcpy(moments.data_ptr(), payload + offset, 2 * size);
      auto state = std::make_unique<torch::optim::AdamParamState>();
      state->step(step);
      state->exp_avg(moments[0].view(shape).clone().to(device));
      state->exp_avg_sq(moments[1].view(shape).clone().to(device));
      adam.state()[key_of(params[i])] = std::move(state);
    } catch (const nlohmann::json::exception& e) {
      damaged(e.what());
    } catch (const std::invalid_argument& e) {
      damaged(e.what());
    }
  }
}

}  // namespace sta::train
