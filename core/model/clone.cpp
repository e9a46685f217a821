// Module copies (see clone.h).
#include "core/model/clone.h"

#include <stdexcept>

namespace sta::model {

void copy_parameters(const torch::nn::Module& from, torch::nn::Module& to) {
  torch::NoGradGuard no_grad;
  auto source = from.named_parameters();
  for (auto& p : to.named_parameters()) {
    const auto* s = source.find(p.key());
    if (!s) throw std::invalid_argument("copy_parameters: source lacks '" + p.key() + "'");
    p.value().copy_(*s);
  }
  auto buffers = from.named_buffers();
  for (auto& b : to.named_buffers()) {
    const auto* s = buffers.find(b.key());
    if (!s) throw std::invalid_argument("copy_parameters: source lacks buffer '" + b.key() + "'");
    b.value().copy_(*s);
  }
}

StaModel clone_model(const StaModelImpl& model) {
  StaModel copy(model.config());
  auto params = model.parameters();
  if (!params.empty()) copy->to(params.front().device());
  copy_parameters(model, *copy);
  copy->train(model.is_training());
  return copy;
}

}  // namespace sta::model
