// Looking up dotted paths in the state JSON and comparing the value found.
#include "app/studio/scripting/script_assert.h"

#include "app/studio/scripting/script.h"

#include <cstdlib>
#include <optional>
#include <sstream>

namespace sta::studio {

namespace {

nlohmann::json lookup(const nlohmann::json& state, const std::string& path) {
  const nlohmann::json* at = &state;
  std::istringstream parts(path);
  std::string key;
  while (std::getline(parts, key, '.')) {
    if (at->is_array() && key == "size") return at->size();
    if (at->is_array() && !key.empty() && key.find_first_not_of("0123456789") == std::string::npos &&
        std::stoul(key) < at->size()) {
      at = &(*at)[std::stoul(key)];
    } else if (at->is_object() && at->contains(key)) {
      at = &(*at)[key];
    } else {
      throw ScriptError("the state has no '" + path + "' (no '" + key + "')");
    }
  }
  return *at;
}

std::string text_of(const nlohmann::json& value) { return value.is_string() ? value.get<std::string>() : value.dump(); }

std::optional<double> number_of(const std::string& text) {
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size()) return std::nullopt;
  return value;
}

bool contains(const nlohmann::json& value, const std::string& text) {
  if (value.is_array()) {
    for (const auto& item : value)
      if (contains(item, text)) return true;
    return false;
  }
  return text_of(value).find(text) != std::string::npos;
}

}  // namespace

void check_assertion(const nlohmann::json& state, const std::string& path, const std::string& op,
                     const std::string& expected) {
  const nlohmann::json value = lookup(state, path);
  const std::string found = text_of(value);
  bool ok = false;
  if (op == "contains") {
    ok = contains(value, expected);
  } else {
    const auto a = number_of(found), b = number_of(expected);
    if (op == "==") {
      ok = a && b ? *a == *b : found == expected;
    } else if (op == "!=") {
      ok = a && b ? *a != *b : found != expected;
    } else if (op == "<" || op == "<=" || op == ">" || op == ">=") {
      if (!a || !b) throw ScriptError("'" + op + "' compares numbers; found " + found + ", expected " + expected);
      ok = op == "<" ? *a < *b : op == "<=" ? *a <= *b : op == ">" ? *a > *b : *a >= *b;
    } else {
      throw ScriptError("unknown comparison '" + op + "' (use == != < <= > >= contains)");
    }
  }
  if (!ok) throw ScriptError("assertion failed: " + path + " is " + found + ", expected " + op + " " + expected);
}

}  // namespace sta::studio
