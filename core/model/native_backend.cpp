// Our own StaModel behind ModelBackend (see native_backend.h).
#include "core/model/native_backend.h"

#include "core/model/prediction.h"

#include <stdexcept>

namespace sta::model {

NativeBackend::NativeBackend(std::shared_ptr<StaModelImpl> model) : model_(std::move(model)) {
  if (!model_) throw std::invalid_argument("NativeBackend needs a model");
}

const ModelConfig& NativeBackend::config() const { return model_->config(); }

torch::Device NativeBackend::device() const { return model_->parameters().front().device(); }

Gaussian NativeBackend::encode(const torch::Tensor& x) { return model_->encode(x); }

torch::Tensor NativeBackend::decode(const torch::Tensor& z) { return model_->decode(z); }

FieldParts NativeBackend::fields(const torch::Tensor& z, double t) {
  auto sample = model_->flow()->evaluate(z, t, Trace::None);
  return {sample.curl_free, sample.div_free};
}

torch::Tensor NativeBackend::potentials(const torch::Tensor& z, double t) { return model_->flow()->potential(z, t); }

StepInference NativeBackend::infer(const torch::Tensor& frames) {
  auto posterior = model_->infer(frames);
  StepInference out;
  out.spike_probability = posterior.spike_probability();
  out.slab = slab_speeds(*model_, posterior);
  out.g = posterior.chosen_g.defined() ? posterior.chosen_g
                                       : (posterior.spike_logits > 0).to(frames.dtype()) * out.slab;
  return out;
}

double NativeBackend::weights_checksum() const {
  torch::NoGradGuard no_grad;
  double sum = 0.0;
  for (const auto& p : model_->parameters()) sum += p.sum(torch::kDouble).item<double>();
  return sum;
}

}  // namespace sta::model
