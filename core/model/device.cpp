// Device names to torch devices (see device.h).
#include "core/model/device.h"

#include <stdexcept>

namespace sta::model {

torch::Device resolve_device(const std::string& name) {
  if (name == "auto") return torch::cuda::is_available() ? torch::Device(torch::kCUDA) : torch::Device(torch::kCPU);
  torch::Device device(torch::kCPU);
  try {
    device = torch::Device(name);
  } catch (const std::exception&) {
    throw std::invalid_argument("unknown device '" + name + "' (use auto, cpu or cuda)");
  }
  if (device.is_cuda() && !torch::cuda::is_available())
    throw std::invalid_argument("device '" + name + "' requested but this LibTorch build has no usable CUDA");
  return device;
}

}  // namespace sta::model
