// Derived: the model and data results that several panels share, each computed once per change of its inputs.
#pragma once

#include "app/studio/compute/cached.h"
#include "app/studio/compute/workspace.h"
#include "core/eval/alignment.h"

#include <optional>
#include <tuple>
#include <vector>

namespace sta::studio {

// The composer's roll-out from the cursor frame's latent: every enabled primitive at its
// slider speed for the workspace's composer steps, z_s = z_{s-1} + sum_k g_k v_k(z_{s-1}, t),
// decoded, with the time the roll-out and decode took.
struct Composition {
  std::vector<model::Latent> latents;  // z_0 (the cursor frame) .. z_n
  std::vector<Image> frames;         // decoded
  double milliseconds = 0;
  int revision = 0;  // counts the compositions computed, so viewers know when to re-upload
};

// The selected sequence, the model's prediction of it, encoded latents. Failures are reported to the
// Workspace once and give null / empty results.
class Derived {
 public:
  static constexpr int kTestSequences = 32;  // encoded for PCA slices, the mean anchor and extents

  // The selected sequence; null without data or when it cannot be made.
  const data::Sequence* sequence(Workspace& ws);
  // The model's roll-out of it with the enabled primitives; null without a model.
  const model::SequencePrediction* prediction(Workspace& ws);
  // Posterior means of the selected sequence's frames (T+1 latents); null without a model.
  const std::vector<model::Latent>* frame_latents(Workspace& ws);
  // The decoded posterior means: the autoencoder's reconstruction of every frame.
  const std::vector<Image>* reconstructions(Workspace& ws);
  // The composer's traversal; null without a model or a cursor latent.
  const Composition* composition(Workspace& ws);
  // Spike alignment of the model on the first kSummarySequences test sequences of each mode
  // (single and sparse): co-activation, matching and scores. Null without ground truth.
  const eval::AlignmentResult* alignment(Workspace& ws);
  // The last alignment computed, whatever model it was for (null before the first).
  const eval::AlignmentResult* last_alignment() const;
  static constexpr int kSummarySequences = 16;
  // Posterior means of every frame of the first kTestSequences test sequences, n x D
  // row-major; empty without a model.
  const std::vector<float>& test_latents(Workspace& ws);

 private:
  using SequenceKey = std::tuple<int, SequenceChoice>;
  using ModelKey = std::tuple<int, int, SequenceChoice>;
  Cached<SequenceKey, std::optional<data::Sequence>> sequence_;
  Cached<std::tuple<int, int, SequenceChoice, std::vector<bool>>, std::optional<model::SequencePrediction>> prediction_;
  Cached<ModelKey, std::optional<std::vector<model::Latent>>> frame_latents_;
  Cached<ModelKey, std::optional<std::vector<Image>>> reconstructions_;
  using CompositionKey = std::tuple<int, int, SequenceChoice, int, std::vector<float>, std::vector<bool>, int,
                                    std::optional<model::Latent>>;
  Cached<CompositionKey, std::optional<Composition>> composition_;
  int compositions_ = 0;
  Cached<std::tuple<int, int>, std::vector<float>> test_latents_;
  Cached<std::tuple<int, int>, std::optional<eval::AlignmentResult>> alignment_;
};

}  // namespace sta::studio
