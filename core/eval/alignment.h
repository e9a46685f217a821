// Spike alignment (spec section 4, our measure of unsupervised disentanglement). Plain C++.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace sta::eval {

// One transition step: the model's spike probabilities and the ground truth.
struct AlignmentStep {
  std::vector<float> probability;  // [K]
  std::vector<uint8_t> truth;      // [M], M <= K
};

struct AlignmentResult {
  std::vector<std::vector<double>> coactivation;  // [M][K]: sum over steps of truth_m * p_k
  std::vector<int64_t> truth_steps;               // [M]: steps where transformation m acts
  std::vector<int> primitive_of;                  // matched primitive per transformation
  double single_accuracy = 0;  // matched argmax == the one active transformation
  std::vector<double> single_accuracy_of;  // [M]: the same, on the steps of transformation m only
  std::vector<double> usage;               // [K]: share of all steps with p_k > 0.5
  std::vector<int> left_over;              // primitives matched to no transformation
  std::vector<int> unused;                 // primitives whose share of steps is below kUnusedShare
  double multi_f1 = 0;         // micro F1 of p > 0.5 against truth, over matched pairs
  int64_t single_steps = 0, multi_steps = 0;
};

// A primitive on at fewer than this share of the steps explains (almost) none: reported unused.
constexpr double kUnusedShare = 0.02;

// Primitives are matched to ground-truth transformations by the Hungarian method on their
// co-activation (with K > M, M of them; the rest are left over); then the accuracy of the matched
// argmax on single-transformation steps and the F1 of thresholded spikes on multi-transformation
// steps. The match can be fitted on other steps (validation) than those it scores.
// The match primitive_of[m] by co-activation of `steps` (Hungarian).
std::vector<int> match_primitives(const std::vector<AlignmentStep>& steps);
// Scores `steps` with `match` (from match_primitives; empty: fitted on `steps` themselves).
AlignmentResult spike_alignment(const std::vector<AlignmentStep>& steps, std::vector<int> match = {});

}  // namespace sta::eval
