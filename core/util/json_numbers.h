// Whole numbers read from untrusted JSON (checkpoint headers and indexes), range-checked.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

namespace sta {

// nlohmann converts 1e88 or 2.5 into an integer type with undefined results, so a number is taken only
// when it is an integer that the target type can hold (fuzzing found each case).
// `value` as a T; throws std::invalid_argument naming `what` when it is not a whole number in
// T's range.
template <class T>
T whole_number(const nlohmann::json& value, const std::string& what) {
  using Limits = std::numeric_limits<T>;
  bool fits = false;
  if (value.is_number_unsigned()) {
    fits = value.get<uint64_t>() <= static_cast<uint64_t>(Limits::max());
  } else if (value.is_number_integer()) {
    const int64_t x = value.get<int64_t>();
    fits = x >= 0 ? static_cast<uint64_t>(x) <= static_cast<uint64_t>(Limits::max())
                  : Limits::is_signed && x >= static_cast<int64_t>(Limits::min());
  }
  if (!fits) throw std::invalid_argument("'" + what + "' must be a whole number in range, not " + value.dump());
  return value.get<T>();
}

// An array of whole numbers (a tensor shape, say), each checked as above.
template <class T>
std::vector<T> whole_numbers(const nlohmann::json& value, const std::string& what) {
  if (!value.is_array()) throw std::invalid_argument("'" + what + "' must be an array, not " + value.dump());
  std::vector<T> out;
  for (const nlohmann::json& x : value) out.push_back(whole_number<T>(x, what));
  return out;
}

}  // namespace sta
