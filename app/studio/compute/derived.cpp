// Shared derived results, recomputed through Cached when their inputs change.
#include "app/studio/compute/derived.h"

#include "app/figures/field_layers.h"
#include "core/export/traversal.h"

#include <chrono>
#include <exception>
#include <utility>

namespace sta::studio {

const data::Sequence* Derived::sequence(Workspace& ws) {
  if (!ws.dataset()) return nullptr;
  const auto& value = sequence_.get({ws.data_revision(), ws.sequence()}, [&]() -> std::optional<data::Sequence> {
    try {
      return ws.dataset()->sequence(ws.sequence().split, ws.sequence().index, ws.sequence().mode);
    } catch (const std::exception& e) {
      ws.report_error(e.what());
      return std::nullopt;
    }
  });
  return value ? &*value : nullptr;
}

const model::SequencePrediction* Derived::prediction(Workspace& ws) {
  const data::Sequence* seq = sequence(ws);
  if (!seq || !ws.model()) return nullptr;
  const auto key = std::make_tuple(ws.data_revision(), ws.model_revision(), ws.sequence(), ws.enabled());
  const auto& value = prediction_.get(key, [&]() -> std::optional<model::SequencePrediction> {
    try {
      return ws.model()->engine.predict(*seq, ws.enabled());
    } catch (const std::exception& e) {
      ws.report_error(std::string("prediction failed: ") + e.what());
      return std::nullopt;
    }
  });
  return value ? &*value : nullptr;
}

const std::vector<model::Latent>* Derived::frame_latents(Workspace& ws) {
  const data::Sequence* seq = sequence(ws);
  if (!seq || !ws.model()) return nullptr;
  const auto key = std::make_tuple(ws.data_revision(), ws.model_revision(), ws.sequence());
  const auto& value = frame_latents_.get(key, [&]() -> std::optional<std::vector<model::Latent>> {
    try {
      return ws.model()->engine.encode(seq->frames);
    } catch (const std::exception& e) {
      ws.report_error(std::string("encoding failed: ") + e.what());
      return std::nullopt;
    }
  });
  return value ? &*value : nullptr;
}

const std::vector<Image>* Derived::reconstructions(Workspace& ws) {
  const std::vector<model::Latent>* latents = frame_latents(ws);
  if (!latents) return nullptr;
  const auto key = std::make_tuple(ws.data_revision(), ws.model_revision(), ws.sequence());
  const auto& value = reconstructions_.get(key, [&]() -> std::optional<std::vector<Image>> {
    try {
      return ws.model()->engine.decode(*latents);
    } catch (const std::exception& e) {
      ws.report_error(std::string("reconstruction failed: ") + e.what());
      return std::nullopt;
    }
  });
  return value ? &*value : nullptr;
}

const Composition* Derived::composition(Workspace& ws) {
  const std::vector<model::Latent>* latents = frame_latents(ws);
  if (!latents || ws.cursor() >= static_cast<int>(latents->size())) return nullptr;
  const CompositionKey key{ws.data_revision(), ws.model_revision(), ws.sequence(), ws.cursor(),   ws.speeds(),
                           ws.enabled(),        ws.composer_steps(), ws.pinned()};
  const auto& value = composition_.get(key, [&]() -> std::optional<Composition> {
    const auto start = std::chrono::steady_clock::now();
    std::vector<float> g_step(ws.speeds());
    for (size_t k = 0; k < g_step.size(); ++k)
      if (!ws.enabled()[k]) g_step[k] = 0.0f;
    try {
      Composition out;
      const model::Latent& z0 = ws.pinned() ? *ws.pinned() : (*latents)[ws.cursor()];
      exporting::Traversal traversal =
          exporting::traverse_from(ws.model()->engine, z0, g_step, ws.composer_steps(), ws.cursor());
      out.latents = std::move(traversal.latents);
      out.frames = std::move(traversal.frames);
      out.milliseconds = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
      out.revision = ++compositions_;
      return out;
    } catch (const std::exception& e) {
      ws.report_error(std::string("composer: ") + e.what());
      return std::nullopt;
    }
  });
  return value ? &*value : nullptr;
}

const eval::AlignmentResult* Derived::alignment(Workspace& ws) {
  const auto& value = alignment_.get({ws.data_revision(), ws.model_revision()}, [&]() -> std::optional<eval::AlignmentResult> {
    if (!ws.model() || !ws.dataset() || !ws.dataset()->has_ground_truth()) return std::nullopt;
    // Matching primitives to transformations needs one primitive per transformation at least.
    if (ws.model()->engine.primitives() < static_cast<int>(ws.dataset()->transforms().size())) return std::nullopt;
    try {
      // As sta eval does: the match is fitted on validation sequences and scored on test ones.
      auto steps_of = [&](data::Split split, int64_t first) {
        std::vector<eval::AlignmentStep> steps;
        for (data::SequenceMode mode : {data::SequenceMode::Single, data::SequenceMode::Sparse})
          for (int i = 0; i < kSummarySequences; ++i) {
            const data::Sequence s = ws.dataset()->sequence(split, first + i, mode);
            const model::SequenceInference inferred = ws.model()->engine.infer(s);
            for (size_t t = 0; t < inferred.spike_probability.size(); ++t)
              steps.push_back({inferred.spike_probability[t], s.truth->spikes[t]});
          }
        return steps;
      };
      return eval::spike_alignment(steps_of(data::Split::Test, 0),
                                   eval::match_primitives(steps_of(data::Split::Train, data::kValidationFirst)));
    } catch (const std::exception& e) {
      ws.report_error(std::string("spike summary: ") + e.what());
      return std::nullopt;
    }
  });
  return value ? &*value : nullptr;
}

const eval::AlignmentResult* Derived::last_alignment() const {
  const auto* value = alignment_.value();
  return value && *value ? &**value : nullptr;
}

const std::vector<float>& Derived::test_latents(Workspace& ws) {
  return test_latents_.get({ws.data_revision(), ws.model_revision()}, [&] {
    std::vector<float> rows;
    if (!ws.model() || !ws.dataset()) return rows;
    try {
      rows = figures::encoded_test_latents(ws.model()->engine, *ws.dataset(), kTestSequences);
    } catch (const std::exception& e) {
      ws.report_error(std::string("encoding test sequences failed: ") + e.what());
      rows.clear();
    }
    return rows;
  });
}

}  // namespace sta::studio
