// Engine: the model as the studio sees it, with no torch types in its interface, so GUI code compiles
// fast and never learns the training code.
#pragma once

#include "core/data/dataset.h"
#include "core/model/config.h"
#include "core/model/field_part.h"

#include <memory>
#include <string>
#include <vector>

namespace sta::model {

class StaModelImpl;
class ModelBackend;

using Latent = std::vector<float>;  // D values

// The model's inference for one sequence; [t][k] for t in 0..T-1 (step t+1), k in 0..K-1.
struct SequenceInference {
  std::vector<std::vector<float>> spike_probability;
  std::vector<std::vector<float>> slab;       // posterior speed (1 before slabs are trained)
  std::vector<std::vector<float>> g;          // hard spike x slab, as used by the roll-out
};

// encode x_0, infer, roll out (with disabled primitives removed) and decode.
struct SequencePrediction {
  SequenceInference inference;
  std::vector<Latent> latents;  // z_0..z_T
  std::vector<Image> frames;    // decoded, RGB [0, 1]
};

// Wraps one model back end (backend.h): a loaded model file (core/train/model_file.h), a trainer's
// published snapshot or a TorchScript module. Calls run without gradients on the model's device.
// Not thread-safe: use one Engine per thread (they may share a model).
class Engine {
 public:
  explicit Engine(std::shared_ptr<StaModelImpl> model);
  explicit Engine(std::shared_ptr<ModelBackend> backend);

  // Sizes for a TorchScript module; every setting for our own models.
  const ModelConfig& config() const;
  int latent_dim() const { return config().latent_dim; }
  int primitives() const { return config().primitives; }
  std::string kind() const;  // "checkpoint" or "torchscript"
  const std::shared_ptr<ModelBackend>& backend() const { return backend_; }
  // The sum of every parameter value: a cheap fingerprint that tells whether weights changed.
  double weights_checksum() const;

  std::vector<Latent> encode(const std::vector<Image>& frames) const;  // posterior means
  std::vector<Image> decode(const std::vector<Latent>& latents) const;
  SequenceInference infer(const data::Sequence& sequence) const;
  // enabled[k] == false removes primitive k from the roll-out (empty: all enabled).
  SequencePrediction predict(const data::Sequence& sequence, const std::vector<bool>& enabled = {}) const;
  // z_0..z_n from z0 with transformation variables g[s][k]; step s+1 uses time t0 + s + 1.
  std::vector<Latent> rollout(const Latent& z0, const std::vector<std::vector<float>>& g, int t0 = 0) const;

  // Velocities of every primitive at n points (row-major n x D) in one batched call:
  // out[k] holds n x D values of part `part` of primitive k at time t.
  void fields(FieldPart part, double t, const std::vector<float>& points, std::vector<std::vector<float>>& out) const;
  // Both Helmholtz parts from one evaluation (half the cost of two fields() calls).
  void field_parts(double t, const std::vector<float>& points, std::vector<std::vector<float>>& curl_free,
                   std::vector<std::vector<float>>& div_free) const;
  // Potentials u_k(z, t): out[k] holds n values. Only when has_potentials().
  bool has_potentials() const;
  void potentials(double t, const std::vector<float>& points, std::vector<std::vector<float>>& out) const;

 private:
  std::shared_ptr<ModelBackend> backend_;
};

}  // namespace sta::model
