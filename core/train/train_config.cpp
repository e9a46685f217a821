// Presets, schedules and JSON for TrainConfig (see train_config.h).
#include "core/train/train_config.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <regex>
#include <stdexcept>

namespace sta::train {

int TrainConfig::stage(int64_t step) const {
  if (step < static_cast<int64_t>(warmup_fraction * total_steps)) return 0;
  return step >= static_cast<int64_t>(slab_stage_fraction * total_steps) ? 2 : 1;
}

const util::NameTable<Curriculum>& names(Curriculum) {
  static const util::NameTable<Curriculum> table{
      {Curriculum::None, "none"}, {Curriculum::BalancedSteps, "balanced-steps"}, {Curriculum::Labelled, "labelled"}};
  return table;
}

bool TrainConfig::reads_ground_truth() const { return curriculum == Curriculum::Labelled || supervised; }

bool TrainConfig::in_curriculum(int64_t step) const {
  return curriculum != Curriculum::None && step >= static_cast<int64_t>(warmup_fraction * total_steps) &&
         step < static_cast<int64_t>((warmup_fraction + curriculum_fraction) * total_steps);
}

double TrainConfig::temperature(int64_t step) const {
  const double start = warmup_fraction * total_steps, end = anneal_fraction * total_steps;
  const double progress = std::clamp((step - start) / std::max(1.0, end - start), 0.0, 1.0);
  return temperature_start * std::pow(temperature_end / temperature_start, progress);
}

double TrainConfig::spike_kl_weight(int64_t step) const {
  if (spike_kl_warmup_fraction <= 0) return spike_kl_scale;
  const double start = warmup_fraction * total_steps;
  return spike_kl_scale * std::clamp((step - start) / (spike_kl_warmup_fraction * total_steps), 0.0, 1.0);
}

double TrainConfig::learning_rate_at(int64_t step) const {
  double progress = std::min(1.0, static_cast<double>(step) / std::max<int64_t>(1, total_steps));
  double cosine = 0.5 * (1 + std::cos(M_PI * progress));
  const double ramp = lr_warmup_fraction > 0 ? std::min(1.0, (step + 1) / (lr_warmup_fraction * total_steps)) : 1.0;
  return ramp * learning_rate * (lr_final_fraction + (1 - lr_final_fraction) * cosine);
}

void TrainConfig::validate() const {
  auto require = [](bool ok, const std::string& what) {
    if (!ok) throw std::invalid_argument("invalid training config: " + what);
  };
  model.validate();
  require(batch_size >= 1, "batch_size must be >= 1");
  require(total_steps >= 1, "total_steps must be >= 1");
  require(slab_stage_fraction >= 0 && slab_stage_fraction <= 1, "slab_stage_fraction must be in [0, 1]");
  require(warmup_fraction >= 0 && warmup_fraction <= slab_stage_fraction, "warmup_fraction must be in [0, slab_stage_fraction]");
  require(autoencoder_weight >= 0 && kl_weight >= 0, "autoencoder_weight and kl_weight must be >= 0");
  require(curriculum_fraction >= 0 && warmup_fraction + curriculum_fraction <= 1,
          "curriculum_fraction must be in [0, 1 - warmup_fraction]");
  require(!supervised || model.inference == model::Inference::PairNetwork,
          "supervised (the pair network's ground-truth baseline) does nothing under sparse-coding inference");
  require(util::has_name(assignment_cost), util::must_be<model::AssignmentCost>("assignment_cost"));
  require(sinkhorn_epsilon > 0 && sinkhorn_iterations >= 1, "sinkhorn_epsilon must be > 0 and sinkhorn_iterations >= 1");
  require(latent_weight >= 0 && one_step_weight >= 0, "latent weights must be >= 0");
  require(prune_tolerance >= 0 && prune_tolerance < 1, "prune_tolerance must be in [0, 1)");
  require(learning_rate > 0 && lr_final_fraction > 0 && lr_final_fraction <= 1 && lr_warmup_fraction >= 0 &&
              lr_warmup_fraction <= 1,
          "bad learning rate schedule");
  require(grad_clip > 0, "grad_clip must be positive");
  require(temperature_start > 0 && temperature_end > 0, "temperatures must be positive");
  require(anneal_fraction > warmup_fraction && anneal_fraction <= 1, "anneal_fraction must be in (warmup_fraction, 1]");
  require(spike_kl_warmup_fraction >= 0 && spike_kl_warmup_fraction <= 1, "spike_kl_warmup_fraction must be in [0, 1]");
  require(spike_kl_scale >= 0, "spike_kl_scale must be >= 0");
  require(checkpoint_every >= 0 && validate_every >= 0 && publish_every >= 1, "bad intervals");
  require(validation_sequences >= 1, "validation_sequences must be >= 1");
}

std::vector<std::string> preset_names() { return {"tiny", "demo", "paper"}; }

TrainConfig make_preset(const std::string& name, int image_size, int primitives, int steps) {
  TrainConfig c;
  c.preset = name;
  c.model.image_size = image_size;
  c.model.primitives = primitives;
  c.model.steps = steps;
  if (name == "tiny") {
    c.model.latent_dim = 8;
    c.model.base_channels = 8;
    c.model.smallest_map = 7;
    c.model.dense = 64;
    c.model.potential_hidden = 16;
    c.batch_size = 8;
    c.total_steps = 300;
    c.learning_rate = 3e-3;
    c.checkpoint_every = 0;
    c.validate_every = 50;
    c.validation_sequences = 12;
    c.publish_every = 5;
  } else if (name == "demo") {
    // The recipe's size (spec section 6): D = 32, conv 16/32 down to 7 x 7, dense 128, batch 16.
    c.model.base_channels = 16;
    c.model.smallest_map = 7;
    c.model.dense = 128;
    // A full-size convolution before the output (the earlier recipe's decoder). On its own it moved
    // which thin-stroke seeds end with a grey autoencoder, not how many (docs/RESULTS.md, "Thin strokes").
    c.model.decoder_head_channels = 8;
    // The learning rate rises over the first 400 steps: at full rate from the first step the
    // autoencoder learns thin strokes' colour late or never (docs/RESULTS.md, "Thin strokes fixed").
    c.lr_warmup_fraction = 0.1;
    c.batch_size = 16;
    c.total_steps = 4000;
    c.learning_rate = 3e-3;
    c.validate_every = 250;
    c.validation_sequences = 96;
  } else if (name == "paper") {
    c.model.latent_dim = 324;
    c.model.base_channels = 64;
    c.model.dense = 512;
    c.model.potential_hidden = 256;
    c.batch_size = 128;
    c.total_steps = 100000;
    c.learning_rate = 5e-4;
    c.checkpoint_every = 2000;
    c.validate_every = 1000;
    c.validation_sequences = 256;
    c.publish_every = 50;
  } else {
    throw std::invalid_argument("unknown preset '" + name + "' (use tiny, demo or paper)");
  }
  // Spikes are inferred with the energy they were trained with; only the labelled curriculum,
  // which reads ground truth anyway, chooses another lambda on labelled validation sequences.
  c.model.inference_sparsity = c.model.sparsity;
  c.validate();
  return c;
}

namespace {

// Settings that only one kind of spike inference reads: setting one under the other is refused.
const std::vector<std::string>& pair_network_only() {
  static const std::vector<std::string> keys = {"supervised", "temperature_start", "temperature_end", "anneal_fraction",
                                                "model.trace"};
  return keys;
}
const std::vector<std::string>& sparse_coding_only() {
  static const std::vector<std::string> keys = {
      "curriculum", "curriculum_fraction", "balanced_assignment", "assignment_cost", "sinkhorn_epsilon",
      "sinkhorn_iterations", "latent_weight", "one_step_weight", "model.sparsity", "model.inference_sparsity",
      "model.support_temperature", "model.slab_ridge", "prune_tolerance"};
  return keys;
}

void require_read(const std::vector<std::string>& keys, const TrainConfig& c) {
  const bool sparse = c.model.inference == model::Inference::SparseCoding;
  for (const auto& key : keys) {
    const auto& other = sparse ? pair_network_only() : sparse_coding_only();
    if (std::find(other.begin(), other.end(), key) != other.end())
      throw std::invalid_argument("setting '" + key + "' does nothing under " + util::name_of(c.model.inference) +
                                  " inference (model.inference): leave it out");
  }
}

}  // namespace

TrainConfig with_overrides(const TrainConfig& config, const std::vector<std::string>& assignments) {
  nlohmann::json j = config;
  std::vector<std::string> keys;
  for (const auto& assignment : assignments) {
    const auto eq = assignment.find('=');
    if (eq == std::string::npos) throw std::invalid_argument("override '" + assignment + "' is not key=value");
    const std::string key = assignment.substr(0, eq), text = assignment.substr(eq + 1);
    keys.push_back(key);
    if (key.empty() || key.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_.") != std::string::npos)
      throw std::invalid_argument("unknown setting '" + key + "'");
    const auto pointer = nlohmann::json::json_pointer("/" + std::regex_replace(key, std::regex("\\."), "/"));
    if (!j.contains(pointer)) throw std::invalid_argument("unknown setting '" + key + "'");
    nlohmann::json value;
    try {
      value = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception&) {
      value = text;  // a bare word is a string
    }
    if (value.is_string()) {
      try {
        (void)value.dump();  // settings are JSON text, which must be UTF-8
      } catch (const nlohmann::json::type_error&) {
        throw std::invalid_argument("setting '" + key + "' is not valid UTF-8 text");
      }
    }
    if (value.type() != j[pointer].type() && !(value.is_number() && j[pointer].is_number()))
      throw std::invalid_argument("setting '" + key + "' expects a value like " + j[pointer].dump());
    j[pointer] = value;
  }
  TrainConfig result;
  try {
    result = j.get<TrainConfig>();
  } catch (const nlohmann::json::exception& e) {
    throw std::invalid_argument(std::string("bad override: ") + e.what());
  }
  require_read(keys, result);
  return result;
}

void to_json(nlohmann::json& j, const TrainConfig& c) {
  j = {{"preset", c.preset},
       {"model", c.model},
       {"batch_size", c.batch_size},
       {"total_steps", c.total_steps},
       {"warmup_fraction", c.warmup_fraction},
       {"autoencoder_weight", c.autoencoder_weight},
       {"kl_weight", c.kl_weight},
       {"curriculum", util::name_of(c.curriculum)},
       {"curriculum_fraction", c.curriculum_fraction},
       {"balanced_assignment", c.balanced_assignment},
       {"assignment_cost", util::name_of(c.assignment_cost)},
       {"sinkhorn_epsilon", c.sinkhorn_epsilon},
       {"sinkhorn_iterations", c.sinkhorn_iterations},
       {"latent_weight", c.latent_weight},
       {"one_step_weight", c.one_step_weight},
       {"supervised", c.supervised},
       {"slab_stage_fraction", c.slab_stage_fraction},
       {"prune_tolerance", c.prune_tolerance},
       {"learning_rate", c.learning_rate},
       {"lr_final_fraction", c.lr_final_fraction},
       {"lr_warmup_fraction", c.lr_warmup_fraction},
       {"grad_clip", c.grad_clip},
       {"temperature_start", c.temperature_start},
       {"temperature_end", c.temperature_end},
       {"anneal_fraction", c.anneal_fraction},
       {"spike_kl_warmup_fraction", c.spike_kl_warmup_fraction},
       {"spike_kl_scale", c.spike_kl_scale},
       {"seed", c.seed},
       {"checkpoint_every", c.checkpoint_every},
       {"validate_every", c.validate_every},
       {"validation_sequences", c.validation_sequences},
       {"publish_every", c.publish_every}};
}

namespace {

// Wherever `reference` (a default config) holds a whole number, `value` must hold one that its
// field can take: nlohmann would convert 1e22 or 2.5 into an int with undefined results, and
// narrow 2^32 + 1 to 1. The 64-bit settings (steps, intervals, seed) take 64-bit values.
void require_whole_numbers(const nlohmann::json& value, const nlohmann::json& reference, const std::string& where) {
  static const std::vector<std::string> wide = {"total_steps", "seed", "checkpoint_every", "validate_every", "publish_every"};
  if (reference.is_object() && value.is_object()) {
    for (const auto& [key, inner] : reference.items())
      if (value.contains(key)) require_whole_numbers(value.at(key), inner, where.empty() ? key : where + "." + key);
  } else if (reference.is_number_integer() && value.is_number()) {
    const bool is_wide = std::find(wide.begin(), wide.end(), where) != wide.end();
    const bool fits = value.is_number_unsigned() ? is_wide || value.get<uint64_t>() <= std::numeric_limits<int>::max()
                      : value.is_number_integer()
                          ? is_wide || (value.get<int64_t>() >= std::numeric_limits<int>::min() &&
                                        value.get<int64_t>() <= std::numeric_limits<int>::max())
                          : false;
    if (!fits) throw std::invalid_argument("setting '" + where + "' must be a whole number" + (is_wide ? "" : " in int range") +
                                           ", not " + value.dump());
  }
}

}  // namespace

void from_json(const nlohmann::json& j, TrainConfig& c) {
  static const nlohmann::json defaults = TrainConfig{};
  require_whole_numbers(j, defaults, "");
  c.preset = j.at("preset").get<std::string>();
  c.model = j.at("model").get<model::ModelConfig>();
  c.batch_size = j.at("batch_size").get<int>();
  c.total_steps = j.at("total_steps").get<int64_t>();
  c.warmup_fraction = j.at("warmup_fraction").get<double>();
  c.autoencoder_weight = j.at("autoencoder_weight").get<double>();
  // Keys added with the learning recipe; older checkpoints get the run they were trained with.
  c.kl_weight = j.value("kl_weight", 1.0);
  c.curriculum_fraction = j.value("curriculum_fraction", 0.0);
  // Before the key existed every curriculum was the labelled one.
  const std::string curriculum = j.value("curriculum", std::string("labelled"));
  c.curriculum = util::parse_or_throw<Curriculum>(
      curriculum, "invalid training config: " + util::must_be<Curriculum>("curriculum") + ", not '" + curriculum + "'");
  c.balanced_assignment = j.value("balanced_assignment", false);
  c.assignment_cost = util::parse_or_throw<model::AssignmentCost>(
      j.value("assignment_cost", std::string("energy")),
      "invalid training config: " + util::must_be<model::AssignmentCost>("assignment_cost"));
  c.sinkhorn_epsilon = j.value("sinkhorn_epsilon", 0.05);
  c.sinkhorn_iterations = j.value("sinkhorn_iterations", 50);
  c.latent_weight = j.value("latent_weight", 0.0);
  c.one_step_weight = j.value("one_step_weight", 0.0);
  c.supervised = j.at("supervised").get<bool>();
  c.slab_stage_fraction = j.at("slab_stage_fraction").get<double>();
  c.prune_tolerance = j.value("prune_tolerance", 0.0);  // runs before pruning never pruned
  c.learning_rate = j.at("learning_rate").get<double>();
  c.lr_final_fraction = j.at("lr_final_fraction").get<double>();
  c.lr_warmup_fraction = j.value("lr_warmup_fraction", 0.0);
  c.grad_clip = j.at("grad_clip").get<double>();
  c.temperature_start = j.at("temperature_start").get<double>();
  c.temperature_end = j.at("temperature_end").get<double>();
  c.anneal_fraction = j.at("anneal_fraction").get<double>();
  c.spike_kl_warmup_fraction = j.at("spike_kl_warmup_fraction").get<double>();
  c.spike_kl_scale = j.at("spike_kl_scale").get<double>();
  c.seed = j.at("seed").get<uint64_t>();
  c.checkpoint_every = j.at("checkpoint_every").get<int64_t>();
  c.validate_every = j.at("validate_every").get<int64_t>();
  c.validation_sequences = j.at("validation_sequences").get<int>();
  c.publish_every = j.at("publish_every").get<int64_t>();
  c.validate();
}

}  // namespace sta::train
