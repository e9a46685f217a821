// Engine: torch-free facade over a model back end (see engine.h).
#include "core/model/engine.h"

#include "core/model/frames.h"
#include "core/model/native_backend.h"
#include "core/model/prediction.h"

#include <stdexcept>

namespace sta::model {

namespace {

std::vector<std::vector<float>> rows_of(const torch::Tensor& t2d) {
  auto t = t2d.to(torch::kCPU, torch::kFloat).contiguous();
  std::vector<std::vector<float>> out(t.size(0));
  for (int64_t i = 0; i < t.size(0); ++i) out[i].assign(t[i].data_ptr<float>(), t[i].data_ptr<float>() + t.size(1));
  return out;
}

torch::Tensor tensor_of(const std::vector<std::vector<float>>& rows, int64_t width, const torch::Device& device) {
  auto t = torch::empty({static_cast<int64_t>(rows.size()), width});
  for (size_t i = 0; i < rows.size(); ++i) {
    if (static_cast<int64_t>(rows[i].size()) != width) throw std::invalid_argument("row has the wrong length");
    std::copy(rows[i].begin(), rows[i].end(), t[i].data_ptr<float>());
  }
  return t.to(device);
}

torch::Tensor points_tensor(const std::vector<float>& points, int64_t dim, const torch::Device& device) {
  if (points.size() % dim != 0) throw std::invalid_argument("points are not a multiple of the latent size");
  return torch::from_blob(const_cast<float*>(points.data()), {static_cast<int64_t>(points.size()) / dim, dim})
      .clone()
      .to(device);
}

void copy_rows(const torch::Tensor& per_primitive, std::vector<std::vector<float>>& out) {
  auto t = per_primitive.to(torch::kCPU, torch::kFloat).contiguous();
  out.resize(t.size(0));
  for (int64_t k = 0; k < t.size(0); ++k) out[k].assign(t[k].data_ptr<float>(), t[k].data_ptr<float>() + t[k].numel());
}

}  // namespace

Engine::Engine(std::shared_ptr<StaModelImpl> model)
    : backend_(std::make_shared<NativeBackend>(std::move(model))) {}

Engine::Engine(std::shared_ptr<ModelBackend> backend) : backend_(std::move(backend)) {
  if (!backend_) throw std::invalid_argument("Engine needs a model");
}

const ModelConfig& Engine::config() const { return backend_->config(); }

std::string Engine::kind() const { return backend_->kind(); }

double Engine::weights_checksum() const { return backend_->weights_checksum(); }

std::vector<Latent> Engine::encode(const std::vector<Image>& frames) const {
  torch::NoGradGuard no_grad;
  return rows_of(backend_->encode(images_to_tensor(frames).to(backend_->device())).mean);
}

std::vector<Image> Engine::decode(const std::vector<Latent>& latents) const {
  torch::NoGradGuard no_grad;
  if (latents.empty()) return {};
  auto images = backend_->decode(tensor_of(latents, latent_dim(), backend_->device()));
  std::vector<Image> out;
  for (int64_t i = 0; i < images.size(0); ++i) out.push_back(tensor_to_image(images[i]));
  return out;
}

SequencePrediction Engine::predict(const data::Sequence& sequence, const std::vector<bool>& enabled) const {
  auto frames = sequences_to_tensor({sequence}).to(backend_->device());
  torch::Tensor mask;
  if (!enabled.empty()) {
    if (static_cast<int>(enabled.size()) != primitives()) throw std::invalid_argument("one flag per primitive expected");
    std::vector<float> values(enabled.begin(), enabled.end());
    mask = torch::tensor(values);
  }
  auto p = model::predict(*backend_, frames, mask);
  SequencePrediction out;
  out.inference.spike_probability = rows_of(p.spike_probability[0]);
  out.inference.slab = rows_of(p.slab[0]);
  out.inference.g = rows_of(p.g[0]);
  out.latents = rows_of(p.z[0]);
  for (int64_t t = 0; t < p.frames.size(1); ++t) out.frames.push_back(tensor_to_image(p.frames[0][t]));
  return out;
}

SequenceInference Engine::infer(const data::Sequence& sequence) const { return predict(sequence).inference; }

std::vector<Latent> Engine::rollout(const Latent& z0, const std::vector<std::vector<float>>& g, int t0) const {
  torch::NoGradGuard no_grad;
  const auto device = backend_->device();
  auto z = tensor_of({z0}, latent_dim(), device);
  if (g.empty()) return {z0};
  auto gs = tensor_of(g, primitives(), device).unsqueeze(0);
  return rows_of(model::rollout(*backend_, z, gs, t0)[0]);
}

void Engine::fields(FieldPart part, double t, const std::vector<float>& points,
                    std::vector<std::vector<float>>& out) const {
  torch::NoGradGuard no_grad;
  auto parts = backend_->fields(points_tensor(points, latent_dim(), backend_->device()), t);
  auto chosen = part == FieldPart::CurlFree ? parts.curl_free
                : part == FieldPart::DivergenceFree ? parts.div_free
                                                    : parts.velocity();
  copy_rows(chosen, out);
}

void Engine::field_parts(double t, const std::vector<float>& points, std::vector<std::vector<float>>& curl_free,
                         std::vector<std::vector<float>>& div_free) const {
  torch::NoGradGuard no_grad;
  auto parts = backend_->fields(points_tensor(points, latent_dim(), backend_->device()), t);
  copy_rows(parts.curl_free, curl_free);
  copy_rows(parts.div_free, div_free);
}

bool Engine::has_potentials() const { return backend_->has_potentials(); }

void Engine::potentials(double t, const std::vector<float>& points, std::vector<std::vector<float>>& out) const {
  torch::NoGradGuard no_grad;
  copy_rows(backend_->potentials(points_tensor(points, latent_dim(), backend_->device()), t), out);
}

}  // namespace sta::model
