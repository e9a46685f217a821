// Our model as a TorchScript module (see torchscript_export.h).
#include "core/model/torchscript_export.h"

#include "core/model/sparse_coding.h"

#include <sstream>
#include <stdexcept>

namespace sta::model {

namespace {

std::string attribute_name(const std::string& parameter) {
  std::string name = parameter;
  for (char& c : name)
    if (c == '.') c = '_';
  return name;
}

std::string number(double value) {
  std::ostringstream out;
  out.precision(17);
  out << value;
  const std::string text = out.str();
  return text.find_first_of(".eE") == std::string::npos ? text + ".0" : text;
}

// encode: stride-2 convolutions, a dense layer, the head; log-variance clamped as in EncoderImpl.
std::string encode_source(const ModelConfig& c) {
  std::ostringstream s;
  s << "def encode(self, x: Tensor) -> Tuple[Tensor, Tensor]:\n"
    << "    h = x * 2.0 - 1.0\n";
  const int convs = static_cast<int>(c.stage_sizes().size()) - 1;
  for (int i = 0; i < convs; ++i)
    s << "    h = torch.relu(torch.conv2d(h, self.encoder_trunk_convs_" << i << "_weight, self.encoder_trunk_convs_" << i
      << "_bias, [2, 2], [1, 1]))\n";
  s << "    h = torch.relu(torch.linear(h.flatten(1), self.encoder_trunk_dense_weight, self.encoder_trunk_dense_bias))\n"
    << "    h = torch.linear(h, self.encoder_head_weight, self.encoder_head_bias)\n"
    << "    parts = torch.chunk(h, 2, -1)\n"
    << "    return parts[0], torch.clamp(parts[1], -10.0, 4.0)\n";
  return s.str();
}

// decode: dense, projection, nearest upsampling + convolutions, the output convolution.
std::string decode_source(const ModelConfig& c, int decoder_convs) {
  const auto sizes = c.stage_sizes();
  const int stages = static_cast<int>(sizes.size()) - 1;
  std::ostringstream s;
  s << "def decode(self, z: Tensor) -> Tensor:\n"
    << "    h = torch.relu(torch.linear(z, self.decoder_dense_weight, self.decoder_dense_bias))\n"
    << "    h = torch.relu(torch.linear(h, self.decoder_project_weight, self.decoder_project_bias))\n"
    << "    h = h.view([z.size(0), -1, " << sizes.back() << ", " << sizes.back() << "])\n";
  for (int i = 0; i < stages; ++i) {
    const int size = sizes[stages - 1 - i];
    s << "    h = torch.upsample_nearest2d(h, [" << size << ", " << size << "], None, None)\n";
    if (i < decoder_convs)
      s << "    h = torch.relu(torch.conv2d(h, self.decoder_convs_" << i << "_weight, self.decoder_convs_" << i
        << "_bias, [1, 1], [1, 1]))\n";
  }
  s << "    h = torch.conv2d(h, self.decoder_out_weight, self.decoder_out_bias, [1, 1], [1, 1])\n"
    << (c.likelihood == Likelihood::Bernoulli ? "    return torch.sigmoid(h)\n" : "    return torch.clamp(h, 0.0, 1.0)\n");
  return s.str();
}

// fields and potential of the linear base: grad u = P z + b, r = S z (P, S^T stored precomputed).
const char* const kFieldSource = R"(
def fields(self, z: Tensor, t: float) -> Tuple[Tensor, Tensor]:
    zk = z.unsqueeze(0).expand([self.primitives, z.size(0), self.latent_dim])
    curl_free = self.field_drift.unsqueeze(1) + torch.bmm(zk, self.field_symmetric)
    div_free = torch.bmm(zk, self.field_skew_transposed)
    return curl_free, div_free

def potential(self, z: Tensor, t: float) -> Tensor:
    zk = z.unsqueeze(0).expand([self.primitives, z.size(0), self.latent_dim])
    energy = 0.5 * self.field_drift.pow(2).sum(-1, True)
    u = torch.mm(self.field_drift, z.t()) - energy * t
    return u + 0.5 * (torch.bmm(zk, self.field_symmetric) * zk).sum(-1)
)";

// infer: sparse coding of the encoded steps (sparse_coding.cpp), the best support's speeds.
std::string infer_source(const ModelConfig& c, bool slabs) {
  std::ostringstream s;
  s << R"(
def infer(self, frames: Tensor) -> Tuple[Tensor, Tensor]:
    b = frames.size(0)
    t = frames.size(1) - 1
    mu = self.encode(frames.flatten(0, 1))[0].view([b, t + 1, -1])
    previous = mu.narrow(1, 0, t)
    step = mu.narrow(1, 1, t) - previous
    parts = self.fields(previous.reshape([b * t, -1]), 1.0)
    velocity = (parts[0] + parts[1]).view([self.primitives, b, t, -1]).permute([1, 2, 0, 3])
    supports = self.supports
)";
  if (slabs) {
    s << R"(    gram = torch.matmul(velocity, velocity.transpose(-1, -2))
    correlation = torch.matmul(velocity, step.unsqueeze(-1)).squeeze(-1)
    on = supports.unsqueeze(-1) * supports.unsqueeze(-2)
    system = on * gram.unsqueeze(2) + torch.diag_embed(1 - supports) + )"
      << number(c.slab_ridge) << R"( * torch.diag_embed(supports)
    rhs = supports * (correlation.unsqueeze(2) + )"
      << number(c.slab_ridge) << R"()
    g = torch.linalg_solve(system, rhs.unsqueeze(-1)).squeeze(-1).clamp_min(0.0) * supports
)";
  } else {
    s << "    g = supports.expand([b, t, supports.size(0), supports.size(1)])\n";
  }
  s << R"(    predicted = torch.matmul(g, velocity)
    length = step.pow(2).sum(-1, True) + 1e-6
    residual = (step.unsqueeze(2) - predicted).pow(2).sum(-1) / length
    logits = -(residual + )"
    << number(c.inference_sparsity) << R"( * supports.sum(-1) + )" << number(kPrunedEnergy) << R"( * self.pruned_supports) / )"
    << number(c.support_temperature) << R"(
    best = logits.argmax(-1)
    index = best.unsqueeze(-1).unsqueeze(-1).expand([b, t, 1, self.primitives])
    chosen = torch.gather(g, 2, index).squeeze(2)
    probability = torch.matmul(logits.softmax(-1), supports)
    speed = torch.where(chosen > 0, chosen, torch.ones_like(chosen))
    return probability, speed
)";
  return s.str();
}

}  // namespace

torch::jit::Module torchscript_module(StaModelImpl& model, const std::string& metadata) {
  const ModelConfig& c = model.config();
  if (c.inference != Inference::SparseCoding)
    throw std::invalid_argument(std::string("export to TorchScript supports sparse-coding spike inference, not '") +
                                util::name_of(c.inference) + "'");
  if (!c.linear_fields || c.mlp_fields)
    throw std::invalid_argument("export to TorchScript supports the recipe's linear fields without MLP parts");
  torch::NoGradGuard no_grad;
  torch::jit::Module module("StaStudioModel");
  int decoder_convs = 0;
  for (const auto& item : model.named_parameters()) {
    if (item.key().rfind("encoder.", 0) != 0 && item.key().rfind("decoder.", 0) != 0) continue;
    if (item.key().rfind("decoder.convs.", 0) == 0 && item.key().find(".weight") != std::string::npos) ++decoder_convs;
    module.register_parameter(attribute_name(item.key()), item.value().detach().to(torch::kCPU, torch::kFloat).clone(),
                              false);
  }
  const auto& flow = *model.flow();
  auto cpu = [](const torch::Tensor& t) { return t.detach().to(torch::kCPU, torch::kFloat).contiguous().clone(); };
  module.register_parameter("field_drift", cpu(model.named_parameters()["flow.drift"]), false);
  module.register_parameter("field_symmetric", cpu(flow.symmetric()), false);
  module.register_parameter("field_skew_transposed", cpu(flow.skew().transpose(1, 2)), false);
  module.register_buffer("supports", support_table(c.primitives, torch::kFloat));
  module.register_buffer("pruned_supports", pruned_supports(support_table(c.primitives, torch::kFloat), c.pruned));
  const std::pair<const char*, int> sizes[] = {{"primitives", c.primitives},
                                               {"latent_dim", c.latent_dim},
                                               {"image_size", c.image_size},
                                               {"channels", c.channels},
                                               {"steps", c.steps}};
  for (const auto& [name, value] : sizes) module.register_attribute(name, c10::IntType::get(), int64_t{value});
  module.register_attribute("metadata", c10::StringType::get(), metadata);
  module.define(encode_source(c) + "\n" + decode_source(c, decoder_convs) + kFieldSource +
                infer_source(c, model.slabs_trained()));
  module.eval();
  return module;
}

}  // namespace sta::model
