// Test helper: the message of the exception of type Error that a callable throws, or a marker
// string when it throws nothing, so tests can check what the message names.
#pragma once

#include <string>

namespace sta::test {

constexpr const char* kNothingThrown = "<nothing thrown>";  // what error_message returns when nothing was thrown

template <class Error, class Callable>
std::string error_message(Callable&& callable) {
  try {
    callable();
  } catch (const Error& error) {
    return error.what();
  }
  return kNothingThrown;
}

}  // namespace sta::test
