// Spike alignment metric (see alignment.h).
#include "core/eval/alignment.h"

#include "core/eval/hungarian.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace sta::eval {

std::vector<int> match_primitives(const std::vector<AlignmentStep>& steps) {
  return spike_alignment(steps).primitive_of;
}

AlignmentResult spike_alignment(const std::vector<AlignmentStep>& steps, std::vector<int> match) {
  AlignmentResult r;
  if (steps.empty()) return r;
  const size_t k = steps[0].probability.size(), m = steps[0].truth.size();
  if (m > k) throw std::invalid_argument("spike alignment needs at least as many primitives as transformations");
  r.coactivation.assign(m, std::vector<double>(k, 0.0));
  r.truth_steps.assign(m, 0);
  for (const auto& s : steps) {
    if (s.probability.size() != k || s.truth.size() != m) throw std::invalid_argument("steps differ in size");
    for (size_t i = 0; i < m; ++i) {
      r.truth_steps[i] += s.truth[i];
      for (size_t j = 0; j < k; ++j) r.coactivation[i][j] += s.truth[i] * s.probability[j];
    }
  }
  if (!match.empty() && match.size() != m) throw std::invalid_argument("the match names another number of transformations");
  for (int j : match)
    if (j < 0 || static_cast<size_t>(j) >= k) throw std::invalid_argument("the match names a primitive the model has not");
  r.primitive_of = match.empty() ? max_weight_assignment(r.coactivation) : std::move(match);

  int64_t correct = 0, true_pos = 0, false_pos = 0, false_neg = 0;
  std::vector<int64_t> correct_of(m, 0), single_of(m, 0);
  r.usage.assign(k, 0.0);
  for (const auto& s : steps)
    for (size_t j = 0; j < k; ++j) r.usage[j] += s.probability[j] > 0.5f;
  for (auto& u : r.usage) u /= static_cast<double>(steps.size());
  for (size_t j = 0; j < k; ++j) {
    if (std::find(r.primitive_of.begin(), r.primitive_of.end(), static_cast<int>(j)) == r.primitive_of.end())
      r.left_over.push_back(static_cast<int>(j));
    if (r.usage[j] < kUnusedShare) r.unused.push_back(static_cast<int>(j));
  }
  for (const auto& s : steps) {
    const int active = std::accumulate(s.truth.begin(), s.truth.end(), 0);
    if (active == 1) {
      const size_t on = std::find(s.truth.begin(), s.truth.end(), 1) - s.truth.begin();
      const auto best = std::max_element(s.probability.begin(), s.probability.end()) - s.probability.begin();
      const bool hit = best == r.primitive_of[on];
      correct += hit;
      correct_of[on] += hit;
      ++single_of[on];
      ++r.single_steps;
    } else if (active >= 2) {
      for (size_t i = 0; i < m; ++i) {
        const bool predicted = s.probability[r.primitive_of[i]] > 0.5f;
        true_pos += predicted && s.truth[i];
        false_pos += predicted && !s.truth[i];
        false_neg += !predicted && s.truth[i];
      }
      ++r.multi_steps;
    }
  }
  r.single_accuracy_of.assign(m, 0.0);
  for (size_t i = 0; i < m; ++i)
    if (single_of[i]) r.single_accuracy_of[i] = static_cast<double>(correct_of[i]) / single_of[i];
  if (r.single_steps) r.single_accuracy = static_cast<double>(correct) / r.single_steps;
  if (true_pos + false_pos + false_neg) r.multi_f1 = 2.0 * true_pos / (2.0 * true_pos + false_pos + false_neg);
  return r;
}

}  // namespace sta::eval
