// ModelConfig helpers: stage geometry, validation and JSON round trip.
#include "core/model/config.h"

#include <algorithm>
#include <stdexcept>

namespace sta::model {

const util::NameTable<Inference>& names(Inference) {
  static const util::NameTable<Inference> table{{Inference::SparseCoding, "sparse-coding"},
                                                {Inference::PairNetwork, "pair-network"}};
  return table;
}

const util::NameTable<Likelihood>& names(Likelihood) {
  static const util::NameTable<Likelihood> table{{Likelihood::Bernoulli, "bernoulli"}, {Likelihood::Gaussian, "gaussian"}};
  return table;
}

const util::NameTable<Trace>& names(Trace) {
  static const util::NameTable<Trace> table{{Trace::Hutchinson, "hutchinson"}, {Trace::Exact, "exact"}};
  return table;
}

const util::NameTable<AssignmentCost>& names(AssignmentCost) {
  static const util::NameTable<AssignmentCost> table{{AssignmentCost::Direction, "direction"},
                                                     {AssignmentCost::Energy, "energy"}};
  return table;
}

namespace {

template <class E>
E parse_setting(const std::string& text, const char* key) {
  return util::parse_or_throw<E>(text, "invalid model config: " + util::must_be<E>(key));
}

}  // namespace

std::vector<int> ModelConfig::stage_sizes() const {
  std::vector<int> sizes{image_size};
  while (sizes.back() > smallest_map) sizes.push_back((sizes.back() + 2 - encoder_kernel) / 2 + 1);  // stride 2, padding 1
  return sizes;
}

int ModelConfig::stage_channels(int i) const { return base_channels << std::min(i, 2); }

void ModelConfig::validate() const {
  auto require = [](bool ok, const std::string& what) {
    if (!ok) throw std::invalid_argument("invalid model config: " + what);
  };
  require(image_size >= 8 && image_size <= 256, "image_size must be in [8, 256]");
  require(channels == 1 || channels == 3, "channels must be 1 or 3");
  require(steps >= 1 && steps <= 64, "steps must be in [1, 64]");
  require(latent_dim >= 2 && latent_dim <= 1024, "latent_dim must be in [2, 1024]");
  require(primitives >= 1 && primitives <= 32, "primitives must be in [1, 32]");
  require(encoder_kernel == 3 || encoder_kernel == 4, "encoder_kernel must be 3 or 4");
  require(decoder_head_channels >= 0, "decoder_head_channels must be >= 0");
  require(smallest_map >= 1 && smallest_map < image_size, "smallest_map must be in [1, image_size)");
  require(linear_fields || mlp_fields, "at least one of linear_fields and mlp_fields must be on");
  require(util::has_name(inference), util::must_be<Inference>("inference"));
  require(inference != Inference::SparseCoding || primitives <= 10, "sparse-coding inference enumerates 2^K supports: K must be <= 10");
  require(sparsity >= 0 && inference_sparsity >= 0, "sparsity must be >= 0");
  require(support_temperature > 0, "support_temperature must be positive");
  require(slab_ridge > 0, "slab_ridge must be positive");
  require(static_cast<int>(pruned.size()) < primitives && std::is_sorted(pruned.begin(), pruned.end()) &&
              std::adjacent_find(pruned.begin(), pruned.end()) == pruned.end() &&
              std::all_of(pruned.begin(), pruned.end(), [&](int k) { return k >= 0 && k < primitives; }),
          "pruned must list distinct primitives in increasing order, at least one left");
  require(base_channels >= 1 && dense >= 1 && potential_hidden >= 1, "widths must be positive");
  require(time_embedding >= 2 && time_embedding % 2 == 0, "time_embedding must be even and >= 2");
  require(util::has_name(likelihood), util::must_be<Likelihood>("likelihood"));
  require(util::has_name(trace), util::must_be<Trace>("trace"));  // Trace::None is no setting
  auto prob = [](double p) { return p > 0 && p < 1; };
  require(prob(spike_initial) && prob(spike_on_on) && prob(spike_off_on), "spike probabilities must be in (0, 1)");
  require(slab_prior_scale > 0, "slab_prior_scale must be positive");
  require(hj_weight >= 0, "hj_weight must be >= 0");
  require(base_channels <= 1024 && dense <= 65536 && potential_hidden <= 65536 && time_embedding <= 1024 &&
              decoder_head_channels <= 1024,
          "widths must be at most 1024 (channels, time_embedding) and 65536 (dense, potential_hidden)");
  // A rough count of the largest parts (dense layers behind the convolutions, flow matrices,
  // potential MLPs, convolutions), so that a damaged or hostile config is refused before any
  // memory is taken for it.
  const double widest = stage_channels(2), flat = double(smallest_map) * smallest_map * widest;
  const double parameters = 2.0 * flat * dense + 3.0 * primitives * double(latent_dim) * latent_dim +
                            4.0 * primitives * double(latent_dim + time_embedding) * potential_hidden +
                            12.0 * widest * widest * 16 + 2.0 * decoder_head_channels * widest * 9;
  require(parameters <= 4e8, "the model would have more than 400 million parameters");
}

void to_json(nlohmann::json& j, const ModelConfig& c) {
  j = {{"image_size", c.image_size},       {"channels", c.channels},
       {"steps", c.steps},                 {"latent_dim", c.latent_dim},
       {"primitives", c.primitives},       {"base_channels", c.base_channels},
       {"dense", c.dense},                 {"potential_hidden", c.potential_hidden},
       {"time_embedding", c.time_embedding}, {"likelihood", util::name_of(c.likelihood)},
       {"trace", util::name_of(c.trace)}, {"spike_initial", c.spike_initial},
       {"spike_on_on", c.spike_on_on},     {"spike_off_on", c.spike_off_on},
       {"slab_prior_loc", c.slab_prior_loc}, {"slab_prior_scale", c.slab_prior_scale},
       {"hj_weight", c.hj_weight},         {"smallest_map", c.smallest_map},
       {"encoder_kernel", c.encoder_kernel}, {"decoder_head_channels", c.decoder_head_channels},
       {"linear_fields", c.linear_fields}, {"mlp_fields", c.mlp_fields},
       {"inference", util::name_of(c.inference)}, {"sparsity", c.sparsity},
       {"inference_sparsity", c.inference_sparsity}, {"support_temperature", c.support_temperature},
       {"slab_ridge", c.slab_ridge},       {"pruned", c.pruned}};
}

void from_json(const nlohmann::json& j, ModelConfig& c) {
  j.at("image_size").get_to(c.image_size);
  j.at("channels").get_to(c.channels);
  j.at("steps").get_to(c.steps);
  j.at("latent_dim").get_to(c.latent_dim);
  j.at("primitives").get_to(c.primitives);
  j.at("base_channels").get_to(c.base_channels);
  j.at("dense").get_to(c.dense);
  j.at("potential_hidden").get_to(c.potential_hidden);
  j.at("time_embedding").get_to(c.time_embedding);
  c.likelihood = parse_setting<Likelihood>(j.at("likelihood").get<std::string>(), "likelihood");
  c.trace = parse_setting<Trace>(j.at("trace").get<std::string>(), "trace");
  j.at("spike_initial").get_to(c.spike_initial);
  j.at("spike_on_on").get_to(c.spike_on_on);
  j.at("spike_off_on").get_to(c.spike_off_on);
  j.at("slab_prior_loc").get_to(c.slab_prior_loc);
  j.at("slab_prior_scale").get_to(c.slab_prior_scale);
  j.at("hj_weight").get_to(c.hj_weight);
  // Keys added with the learning recipe; older checkpoints get the model they were trained as.
  c.smallest_map = j.value("smallest_map", 4);
  c.encoder_kernel = j.value("encoder_kernel", 3);
  c.decoder_head_channels = j.value("decoder_head_channels", std::max(8, c.base_channels / 2));
  c.linear_fields = j.value("linear_fields", false);
  c.mlp_fields = j.value("mlp_fields", true);
  c.inference = parse_setting<Inference>(j.value("inference", std::string("pair-network")), "inference");
  c.sparsity = j.value("sparsity", 0.05);
  c.inference_sparsity = j.value("inference_sparsity", c.sparsity);
  c.support_temperature = j.value("support_temperature", 0.05);
  c.slab_ridge = j.value("slab_ridge", 1.0);
  c.pruned.clear();
  if (j.contains("pruned")) {  // whole numbers below 32 only: a float such as 1e30 must not reach an int
    const auto& list = j.at("pruned");
    if (!list.is_array()) throw std::invalid_argument("invalid model config: pruned must be a list of primitives");
    for (const auto& k : list) {
      if (!k.is_number_integer() || k.get<int64_t>() < 0 || k.get<int64_t>() >= 32)
        throw std::invalid_argument("invalid model config: pruned must list primitives 0..31, not " + k.dump());
      c.pruned.push_back(static_cast<int>(k.get<int64_t>()));
    }
  }
  c.validate();
}

}  // namespace sta::model
