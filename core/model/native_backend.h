// NativeBackend: our own StaModel (a checkpoint or a trainer's snapshot) behind ModelBackend.
#pragma once

#include "core/model/backend.h"
#include "core/model/sta_model.h"

namespace sta::model {

class NativeBackend : public ModelBackend {
 public:
  explicit NativeBackend(std::shared_ptr<StaModelImpl> model);
  // Borrows the model: the caller keeps it alive while the backend is used.
  explicit NativeBackend(StaModelImpl& model) : NativeBackend(std::shared_ptr<StaModelImpl>(std::shared_ptr<StaModelImpl>(), &model)) {}

  const ModelConfig& config() const override;
  std::string kind() const override { return "checkpoint"; }
  torch::Device device() const override;
  Gaussian encode(const torch::Tensor& x) override;
  torch::Tensor decode(const torch::Tensor& z) override;
  FieldParts fields(const torch::Tensor& z, double t) override;
  bool has_potentials() const override { return true; }
  torch::Tensor potentials(const torch::Tensor& z, double t) override;
  StepInference infer(const torch::Tensor& frames) override;
  double weights_checksum() const override;
  StaModelImpl* native() override { return model_.get(); }

 private:
  std::shared_ptr<StaModelImpl> model_;
};

}  // namespace sta::model
