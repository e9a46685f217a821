// ModelBackend: one trained model seen as tensors in, tensors out, with the roll-out written once over it.
#pragma once

#include "core/model/config.h"
#include "core/model/networks.h"

#include <torch/torch.h>

#include <memory>
#include <string>

namespace sta::model {

class StaModelImpl;

struct FieldParts {
  torch::Tensor curl_free;  // [K, N, D]
  torch::Tensor div_free;   // [K, N, D]
  torch::Tensor velocity() const { return curl_free + div_free; }
};

// The model's posterior over the transformation variables of T steps, [B, T, K] each.
struct StepInference {
  torch::Tensor spike_probability;
  torch::Tensor slab;  // speed where the primitive fires (1 before slabs are trained)
  torch::Tensor g;     // hard spike x slab, as the roll-out uses it
};

// Everything roll-out, prediction, evaluation, export and the studio need. Two implementations:
// NativeBackend (our StaModel, from a .sta checkpoint or a trainer) and TorchScriptBackend (a scripted
// module that meets the contract of docs/TORCHSCRIPT.md). Roll-out and prediction are written once,
// here and in prediction.h, over this interface.
class ModelBackend {
 public:
  virtual ~ModelBackend() = default;
  // The sizes (K, D, image size, channels, T) and, for our own models, every other setting.
  virtual const ModelConfig& config() const = 0;
  virtual std::string kind() const = 0;  // "checkpoint" or "torchscript"
  virtual torch::Device device() const = 0;
  virtual Gaussian encode(const torch::Tensor& x) = 0;         // [N, C, S, S] in [0, 1] -> [N, D] x2
  virtual torch::Tensor decode(const torch::Tensor& z) = 0;    // [N, D] -> [N, C, S, S] in [0, 1]
  virtual FieldParts fields(const torch::Tensor& z, double t) = 0;  // z [N, D] at time t (steps)
  virtual bool has_potentials() const = 0;
  virtual torch::Tensor potentials(const torch::Tensor& z, double t) = 0;  // [K, N]; throws without
  virtual StepInference infer(const torch::Tensor& frames) = 0;  // [B, T+1, C, S, S]
  // The sum of every parameter value: a cheap fingerprint that tells whether weights changed.
  virtual double weights_checksum() const = 0;
  // Our own model behind this backend, or nullptr (metrics that need its priors use it).
  virtual StaModelImpl* native() { return nullptr; }
};

// z_0..z_n from z0 [B, D] and g [B, n, K]: z_s = z_{s-1} + sum_k g[s][k] v_k(z_{s-1}, t0 + s),
// [B, n+1, D]. The same integrator as StaModelImpl::rollout.
torch::Tensor rollout(ModelBackend& backend, const torch::Tensor& z0, const torch::Tensor& g, int t0 = 0);

// Whether the file starts like a TorchScript archive (zip).
bool is_torchscript_file(const std::string& path);

}  // namespace sta::model
