// The exception that core/field throws for bad input.
#pragma once

#include <stdexcept>

namespace sta::field {

// Mismatched dimensions, empty point sets, degenerate grids, a field callback returning the wrong
// number of values. The message is one line naming the culprit and the problem.
class FieldError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

}  // namespace sta::field
