// The parts of a training step, marked as profiler scopes (RECORD_USER_SCOPE) so that a profile of
// a step (`sta bench`) can group its operators by part; the marks cost nothing while no profiler runs.
#pragma once

namespace sta::model::part {

inline constexpr char kEncoder[] = "encoder";
inline constexpr char kSparseCoding[] = "sparse coding";
inline constexpr char kPairNetwork[] = "pair network";
inline constexpr char kRollout[] = "roll-out";
inline constexpr char kDecoder[] = "decoder";
inline constexpr char kLosses[] = "losses";
inline constexpr char kOptimiser[] = "optimiser";
inline constexpr char kData[] = "data";

}  // namespace sta::model::part
