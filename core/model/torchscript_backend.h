// TorchScriptBackend: a scripted module (torch::jit) behind ModelBackend, checked against
// docs/TORCHSCRIPT.md when it is opened.
#pragma once

#include "core/model/backend.h"

#include <torch/script.h>

#include <stdexcept>

namespace sta::model {

// A module that breaks the contract; what() names the member and what is wrong with it.
struct ContractError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The module must have methods encode, decode, fields, infer (potential is optional) and int
// attributes primitives, latent_dim, image_size, channels, steps; this is checked when it is opened,
// by name and by calling every method once on a probe batch.
class TorchScriptBackend : public ModelBackend {
 public:
  // Checks the contract (throws ContractError); `label` names the module in messages.
  TorchScriptBackend(torch::jit::Module module, const torch::Device& device, const std::string& label = "module");
  static std::shared_ptr<TorchScriptBackend> load(const std::string& path, const torch::Device& device);
  // The file's optional string attribute `metadata` (JSON written by `sta export torchscript`;
  // empty without one), read without checking the contract or calling any method.
  static std::string read_metadata(const std::string& path);

  const ModelConfig& config() const override { return config_; }
  std::string kind() const override { return "torchscript"; }
  torch::Device device() const override { return device_; }
  Gaussian encode(const torch::Tensor& x) override;
  torch::Tensor decode(const torch::Tensor& z) override;
  FieldParts fields(const torch::Tensor& z, double t) override;
  bool has_potentials() const override { return has_potential_; }
  torch::Tensor potentials(const torch::Tensor& z, double t) override;
  StepInference infer(const torch::Tensor& frames) override;
  double weights_checksum() const override;

 private:
  void check_contract(const std::string& label);
  torch::jit::Module module_;
  torch::Device device_;
  ModelConfig config_;
  bool has_potential_ = false;
};

}  // namespace sta::model
