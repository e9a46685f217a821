// Deterministic prediction of a sequence (see prediction.h).
#include "core/model/prediction.h"

namespace sta::model {

torch::Tensor slab_speeds(const StaModelImpl& model, const SequencePosterior& posterior) {
  return model.slabs_trained() ? posterior.slab_loc : torch::ones_like(posterior.slab_loc);
}

Prediction predict(StaModelImpl& model, const torch::Tensor& frames, const torch::Tensor& primitive_mask) {
  torch::NoGradGuard no_grad;
  const auto& c = model.config();
  const int64_t b = frames.size(0), t = frames.size(1) - 1;
  Prediction p;
  auto posterior = model.infer(frames);
  p.spike_probability = posterior.spike_probability();
  p.slab = slab_speeds(model, posterior);
  p.g = posterior.chosen_g.defined() ? posterior.chosen_g : (posterior.spike_logits > 0).to(frames.dtype()) * p.slab;
  if (primitive_mask.defined()) p.g = p.g * primitive_mask.to(p.g.options()).view({1, 1, -1});
  p.z = model.rollout(model.encode(frames.select(1, 0)).mean, p.g, Trace::None).z;
  p.frames = model.decode(p.z.reshape({b * (t + 1), c.latent_dim})).view(frames.sizes());
  return p;
}

}  // namespace sta::model
