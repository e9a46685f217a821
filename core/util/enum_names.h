// Names of closed sets of choices (settings, options, studio modes), read and written at the edges
// (JSON, command lines, scripts, printing) from one {value, name} table per enum.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace sta::util {

// Each enum E has one such table, returned by an overload `names(E)` declared beside E and found by
// argument-dependent lookup.
template <class E>
using NameTable = std::vector<std::pair<E, const char*>>;

template <class E>
const char* name_of(E value) {
  for (const auto& [v, n] : names(E{}))
    if (v == value) return n;
  return "?";
}

template <class E>
std::optional<E> parse_name(const std::string& text) {
  for (const auto& [v, n] : names(E{}))
    if (text == n) return v;
  return std::nullopt;
}

// Whether `value` is one of the table's (an enum may hold values that no setting names).
template <class E>
bool has_name(E value) {
  return parse_name<E>(name_of(value)) == value;
}

// The value named `text`; else throws std::invalid_argument(message).
template <class E>
E parse_or_throw(const std::string& text, const std::string& message) {
  if (const auto value = parse_name<E>(text)) return *value;
  throw std::invalid_argument(message);
}

// The accepted words in table order, e.g. for CLI11's IsMember.
template <class E>
std::vector<std::string> name_list() {
  std::vector<std::string> out;
  for (const auto& [v, n] : names(E{})) out.emplace_back(n);
  return out;
}

// "a|b|c": the accepted words, for the studio's script language.
template <class E>
std::string choices() {
  std::string out;
  for (const auto& n : name_list<E>()) out += (out.empty() ? "" : "|") + n;
  return out;
}

// "a, b or c": the accepted words, for error messages.
template <class E>
std::string one_of() {
  const auto words = name_list<E>();
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) out += (i == 0 ? "" : i + 1 == words.size() ? " or " : ", ") + words[i];
  return out;
}

// "likelihood must be bernoulli or gaussian": what a value outside the set is told.
template <class E>
std::string must_be(const std::string& key) {
  return key + " must be " + one_of<E>();
}

}  // namespace sta::util
