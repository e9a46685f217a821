// The convolutional parts of the STA model: encoder q(z_0 | x_0), decoder p(x | z) and the spike/slab
// inference network on frame pairs.
#pragma once

#include "core/model/config.h"

#include <torch/torch.h>

namespace sta::model {

// Stride-2 convolutions (ModelConfig::encoder_kernel) from image_size down to <= smallest_map, then
// a dense layer.
class ConvTrunkImpl : public torch::nn::Module {
 public:
  ConvTrunkImpl(const ModelConfig& c, int in_channels);
  torch::Tensor forward(torch::Tensor x);  // [N, in, S, S] -> [N, dense]
 private:
  torch::nn::ModuleList convs_;
  torch::nn::Linear dense_{nullptr};
};
TORCH_MODULE(ConvTrunk);

struct Gaussian {
  torch::Tensor mean, log_var;  // [N, D]
};

class EncoderImpl : public torch::nn::Module {
 public:
  explicit EncoderImpl(const ModelConfig& c);
  Gaussian forward(const torch::Tensor& x);  // x [N, C, S, S] in [0, 1]
 private:
  ConvTrunk trunk_{nullptr};
  torch::nn::Linear head_{nullptr};
};
TORCH_MODULE(Encoder);

// Nearest upsampling + convolution, which is much faster than transposed convolution in this LibTorch;
// where a stage doubles the size, both run as one low-resolution convolution (upsampled_conv.h).
class DecoderImpl : public torch::nn::Module {
 public:
  explicit DecoderImpl(const ModelConfig& c);
  torch::Tensor forward(const torch::Tensor& z);  // [N, D] -> logits [N, C, S, S]
 private:
  std::vector<int> sizes_;
  torch::nn::Linear dense_{nullptr}, project_{nullptr};
  torch::nn::ModuleList convs_;
  torch::nn::Conv2d out_{nullptr};
};
TORCH_MODULE(Decoder);

// Posterior over the transformation variable of one step, from the pair (x_{t-1}, x_t).
struct StepPosterior {
  torch::Tensor spike_logits;  // [N, K]
  torch::Tensor slab_loc;      // [N, K], positive
  torch::Tensor slab_scale;    // [N, K], positive
};

class PairNetImpl : public torch::nn::Module {
 public:
  explicit PairNetImpl(const ModelConfig& c);
  StepPosterior forward(const torch::Tensor& previous, const torch::Tensor& next);
 private:
  int primitives_;
  ConvTrunk trunk_{nullptr};
  torch::nn::Linear head_{nullptr};
};
TORCH_MODULE(PairNet);

}  // namespace sta::model
