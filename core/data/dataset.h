// The data layer's public face: a Dataset turns a source string plus a transformation set into
// deterministic, indexable sequences x_0..x_T with their ground truth where known (spec section 1).
#pragma once

#include "core/synth/frame_warp.h"
#include "core/util/enum_names.h"
#include "core/util/image.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace sta::data {

// Thrown for every bad input (missing file, corrupt IDX, unknown source, unreadable video);
// the message is one line that names the culprit and the problem.
class DataError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

enum class Split { Train, Test };
const util::NameTable<Split>& names(Split);  // "train", "test"

// Validation sequences: training-split indices from here on give training images with dynamics
// that no training step draws (steps x batch stays far below it), so that choices made on them
// never look at the test split.
constexpr int64_t kValidationFirst = 1'000'000'000;

// Sparse: Markov spike chains with |Laplace(1, 0.1)| speeds (training and browsing).
// Single: one transformation on for the whole sequence at speed 1 (evaluation protocol);
// which one is index % M, so consecutive indices cycle through the transformations.
// Curriculum: like Single (transformation index % M at every step) but with |Laplace(1, 0.1)|
// speeds: the first phase of training, so that each primitive can be given one transformation.
enum class SequenceMode { Sparse, Single, Curriculum };
// "sparse", "single": the modes a person chooses (the curriculum is the trainer's own).
const util::NameTable<SequenceMode>& names(SequenceMode);

// Ground truth of a generated sequence. Step t (1..T) maps x_{t-1} to x_t and is stored at
// row t-1 of spikes and speeds; params has a row per frame (T+1 rows).
struct GroundTruth {
  std::vector<std::string> names;            // M transformation names, in column order
  std::vector<std::vector<uint8_t>> spikes;  // [T][M] 1 where transformation m acts at step t
  std::vector<std::vector<float>> speeds;    // [T][M] speed of that step, 0 where off
  // [T+1][M] accumulated parameter of each frame: the sum of speeds so far (0 at x_0). Hue and
  // rotation change by 20 degrees per unit, scale is the factor 1.1^param.
  std::vector<std::vector<float>> params;
};

struct Sequence {
  std::vector<Image> frames;         // T+1 frames, RGB, values in [0,1]
  std::optional<GroundTruth> truth;  // absent for video and unlabelled clips
  std::string label;                 // human-readable provenance, e.g. "test #12, image 3401"
  int64_t item = 0;                  // source item id (image, scene, first video frame); the
                                     // ids of the train and test splits never meet
};

struct DataSpec {
  std::string source = "digits";        // see known_sources()
  std::vector<std::string> transforms;  // empty: the source's default set
  int steps = 8;                        // T; sequences have T+1 frames
  uint64_t seed = 0;                    // sequences are a pure function of (seed, split, index, mode)
  int image_size = 0;                   // 0: the source's native size (28 or 64); video: 64
  int video_stride = 4;                 // frames between consecutive windows of video and clips
};

// Frame f of a warped sequence: the base image rotated by `degrees` (counter-clockwise) and scaled
// by `scale` about its centre, then its colours turned by `hue_degrees` about the grey axis.
// A sequence of a source whose frames are all warps of one coloured image (IDX files, digits):
// what core/synth needs to render a whole batch on the model's device in one call.
struct WarpPlan {
  Sequence sequence;             // ground truth, label and item; frames left empty
  Image base;                    // the coloured item at the source's native size
  std::vector<synth::FrameWarp> warps;  // one per frame, T+1
};

// Sources: "fashion-mnist", "idx:PATH", "digits", "shapes", "video:PATH", "clips:PATH".
class Dataset {
 public:
  virtual ~Dataset() = default;
  virtual const DataSpec& spec() const = 0;               // with defaults filled in
  virtual std::vector<std::string> transforms() const = 0;  // empty for video, unlabelled clips
  virtual int image_size() const = 0;                     // frames are image_size^2 x 3
  virtual bool has_ground_truth() const = 0;
  // True for the generated sources, which draw each sequence's transformations (the modes apply);
  // false for recordings (video, clips), whose windows are what was filmed, in every mode.
  virtual bool draws_dynamics() const { return true; }
  // Distinct source items (images, scenes, video windows) in the split.
  virtual int64_t count(Split split) const = 0;
  // Thread-safe and deterministic. Any index >= 0 is valid: the item is index % count(split)
  // and the dynamics (spikes, speeds, colouring) are drawn from (seed, split, index, mode),
  // so indices beyond count give the same items with fresh transformations.
  virtual Sequence sequence(Split split, int64_t index, SequenceMode mode = SequenceMode::Sparse) const = 0;
  // The same sequence as a plan for batched rendering, for sources whose frames are warps of one
  // image; nullopt for the others (shapes, video). Rendering the plan at image_size() gives
  // sequence()'s frames.
  virtual std::optional<WarpPlan> warp_plan(Split split, int64_t index, SequenceMode mode = SequenceMode::Sparse) const {
    return std::nullopt;
  }
  // What training reads: sequence() and warp_plan() with the ground truth left out. A source
  // that holds frames only may override these alone.
  virtual Sequence frames_only(Split split, int64_t index, SequenceMode mode = SequenceMode::Sparse) const;
  virtual std::optional<WarpPlan> frames_only_plan(Split split, int64_t index,
                                                   SequenceMode mode = SequenceMode::Sparse) const;
};

// Opens a source; throws DataError with a clear one-line reason on any bad input.
std::unique_ptr<Dataset> open_dataset(const DataSpec& spec);

// Names shown in --help and the studio's source picker.
std::vector<std::string> known_sources();
// Transformations a source understands (e.g. rotate, scale, hue; shapes: floor-hue, ...).
std::vector<std::string> transforms_for_source(const std::string& source);

// Parses "rotate,scale,hue" into names; empty string gives an empty list.
std::vector<std::string> parse_transform_list(const std::string& text);

}  // namespace sta::data
