// Encoder, decoder and pair network (see networks.h).
#include "core/model/networks.h"

#include "core/model/upsampled_conv.h"

namespace sta::model {

namespace nn = torch::nn;

constexpr double kInitialSpikeLogit = 2.0;

ConvTrunkImpl::ConvTrunkImpl(const ModelConfig& c, int in_channels) {
  const auto sizes = c.stage_sizes();
  const int kernel = c.encoder_kernel;
  int channels = in_channels;
  for (size_t i = 0; i + 1 < sizes.size(); ++i) {
    convs_->push_back(nn::Conv2d(nn::Conv2dOptions(channels, c.stage_channels(i), kernel).stride(2).padding(1)));
    channels = c.stage_channels(i);
  }
  register_module("convs", convs_);
  dense_ = register_module("dense", nn::Linear(channels * sizes.back() * sizes.back(), c.dense));
}

torch::Tensor ConvTrunkImpl::forward(torch::Tensor x) {
  for (auto& conv : *convs_) x = torch::relu(conv->as<nn::Conv2d>()->forward(x));
  return torch::relu(dense_->forward(x.flatten(1)));
}

EncoderImpl::EncoderImpl(const ModelConfig& c) {
  trunk_ = register_module("trunk", ConvTrunk(c, c.channels));
  head_ = register_module("head", nn::Linear(c.dense, 2 * c.latent_dim));
}

Gaussian EncoderImpl::forward(const torch::Tensor& x) {
  auto h = head_->forward(trunk_->forward(x * 2 - 1));
  auto parts = h.chunk(2, -1);
  return {parts[0], parts[1].clamp(-10, 4)};  // log-variance kept in the recipe's range
}

DecoderImpl::DecoderImpl(const ModelConfig& c) : sizes_(c.stage_sizes()) {
  const int stages = static_cast<int>(sizes_.size()) - 1;
  const int deepest = c.stage_channels(stages - 1);
  dense_ = register_module("dense", nn::Linear(c.latent_dim, c.dense));
  project_ = register_module("project", nn::Linear(c.dense, deepest * sizes_.back() * sizes_.back()));
  int channels = deepest;
  for (int i = stages - 1; i > 0; --i) {  // upsample to sizes_[i], convolve to a narrower width
    convs_->push_back(nn::Conv2d(nn::Conv2dOptions(channels, c.stage_channels(i - 1), 3).padding(1)));
    channels = c.stage_channels(i - 1);
  }
  if (c.decoder_head_channels > 0) {  // an extra conv at full size (checkpoints before the recipe have it)
    convs_->push_back(nn::Conv2d(nn::Conv2dOptions(channels, c.decoder_head_channels, 3).padding(1)));
    channels = c.decoder_head_channels;
  }
  register_module("convs", convs_);
  out_ = register_module("out", nn::Conv2d(nn::Conv2dOptions(channels, c.channels, 3).padding(1)));
}

torch::Tensor DecoderImpl::forward(const torch::Tensor& z) {
  const int stages = static_cast<int>(sizes_.size()) - 1;
  auto h = torch::relu(project_->forward(torch::relu(dense_->forward(z))));
  h = h.view({z.size(0), -1, sizes_.back(), sizes_.back()});
  for (int s = 0; s < stages; ++s) {  // upsample, then the stage's conv (the last stage's may be out_)
    const int64_t size = sizes_[stages - 1 - s];
    const bool own_conv = s < static_cast<int>(convs_->size());
    auto& conv = own_conv ? *convs_[s]->as<nn::Conv2d>() : *out_;
    if (size == 2 * h.size(2) && size == 2 * h.size(3)) {  // every conv here is 3x3 with padding 1
      h = upsampled_conv(h, conv.weight, conv.bias);
    } else {
      namespace F = torch::nn::functional;
      h = conv.forward(F::interpolate(h, F::InterpolateFuncOptions().size(std::vector<int64_t>{size, size}).mode(torch::kNearest)));
    }
    if (!own_conv) return h;
    // The full-size map before out_ goes channels-last: its ReLU and oneDNN's convolution, forward
    // and backward, then need no layout reorders (docs/PERFORMANCE.md).
    if (s == stages - 1) h = h.contiguous(torch::MemoryFormat::ChannelsLast);
    h = torch::relu(h);
  }
  return out_->forward(h).contiguous();  // back in the usual layout
}

PairNetImpl::PairNetImpl(const ModelConfig& c) : primitives_(c.primitives) {
  trunk_ = register_module("trunk", ConvTrunk(c, 3 * c.channels));
  head_ = register_module("head", nn::Linear(c.dense, 3 * c.primitives));
  // Spikes start mostly on, so every primitive's field receives gradient from the start;
  // starting off lets the model settle in the all-off local optimum (frames = average).
  torch::NoGradGuard no_grad;
  head_->bias.narrow(0, 0, c.primitives).fill_(kInitialSpikeLogit);
}

StepPosterior PairNetImpl::forward(const torch::Tensor& previous, const torch::Tensor& next) {
  auto input = torch::cat({previous * 2 - 1, next * 2 - 1, (next - previous) * 4}, 1);
  auto parts = head_->forward(trunk_->forward(input)).chunk(3, -1);
  return {parts[0], torch::nn::functional::softplus(parts[1] + 0.5413),  // softplus(0.5413) = 1
          torch::nn::functional::softplus(parts[2] - 2.0) + 1e-3};
}

}  // namespace sta::model
