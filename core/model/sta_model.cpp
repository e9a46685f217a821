// STA model assembly and latent roll-out (see sta_model.h).
#include "core/model/sta_model.h"

#include "core/model/sparse_coding.h"
#include "core/model/step_parts.h"

#include <stdexcept>

namespace sta::model {

StaModelImpl::StaModelImpl(const ModelConfig& config) : config_(config) {
  config_.validate();
  encoder_ = register_module("encoder", Encoder(config_));
  decoder_ = register_module("decoder", Decoder(config_));
  if (config_.inference == Inference::PairNetwork) pair_ = register_module("pair", PairNet(config_));
  flow_ = register_module("flow", FlowField(config_));
  diffusion_ = register_parameter("diffusion", torch::full({config_.steps}, -3.0));
  slabs_trained_ = register_buffer("slabs_trained", torch::zeros({1}));
}

Gaussian StaModelImpl::encode(const torch::Tensor& frames) {
  RECORD_USER_SCOPE(part::kEncoder);
  return encoder_->forward(frames);
}

torch::Tensor StaModelImpl::decode_logits(const torch::Tensor& z) {
  RECORD_USER_SCOPE(part::kDecoder);
  return decoder_->forward(z);
}

torch::Tensor StaModelImpl::decode(const torch::Tensor& z) {
  auto out = decode_logits(z);
  return config_.likelihood == Likelihood::Bernoulli ? torch::sigmoid(out) : out.clamp(0, 1);
}

SequencePosterior StaModelImpl::infer(const torch::Tensor& frames) {
  const int64_t b = frames.size(0), t = frames.size(1) - 1;
  if (!pair_) {  // sparse coding of the encoded steps, the best support taken
    auto means = encode(frames.flatten(0, 1)).mean.view({b, t + 1, -1});
    auto fit = fit_supports(*flow_, means, slabs_trained(), config_.inference_sparsity, config_.support_temperature,
                            config_.slab_ridge, config_.pruned);
    auto chosen = choose_supports(fit, fit.logits.argmax(-1));
    auto q = spike_marginals(fit).clamp(1e-6, 1 - 1e-6);
    auto speed = torch::where(chosen > 0, chosen, torch::ones_like(chosen));
    return {torch::log(q) - torch::log1p(-q), speed, torch::full_like(speed, config_.slab_prior_scale), chosen};
  }
  auto flat = [&](const torch::Tensor& x) { return x.reshape({b * t, x.size(2), x.size(3), x.size(4)}); };
  RECORD_USER_SCOPE(part::kPairNetwork);
  auto step = pair_->forward(flat(frames.narrow(1, 0, t)), flat(frames.narrow(1, 1, t)));
  auto shape = [&](const torch::Tensor& x) { return x.view({b, t, -1}); };
  return {shape(step.spike_logits), shape(step.slab_loc), shape(step.slab_scale), {}};
}

Rollout StaModelImpl::rollout(const torch::Tensor& z0, const torch::Tensor& g, Trace trace, int t0) const {
  RECORD_USER_SCOPE(part::kRollout);
  const int64_t n = g.size(1);
  std::vector<torch::Tensor> zs{z0}, density, residual;
  auto z = z0;
  for (int64_t s = 0; s < n; ++s) {
    auto field = flow_->evaluate(z, static_cast<double>(t0 + s + 1), trace);
    auto gs = g.select(1, s);                                          // [B, K]
    z = z + torch::einsum("bk,kbd->bd", {gs, field.velocity()});
    zs.push_back(z);
    if (trace != Trace::None) density.push_back(-(gs * field.laplacian.t()).sum(-1));
    residual.push_back((field.dudt + 0.5 * field.curl_free.pow(2).sum(-1)).t());
  }
  Rollout out;
  out.z = torch::stack(zs, 1);
  if (trace != Trace::None) out.log_density = torch::stack(density, 1);
  out.hj_residual = torch::stack(residual, 1);
  return out;
}

torch::Tensor StaModelImpl::prior_log_variance() const {
  auto added = torch::nn::functional::softplus(diffusion_);
  return torch::log(torch::cat({torch::ones({1}, added.options()), 1 + torch::cumsum(added, 0)}));
}

}  // namespace sta::model
