// The exception that core/field throws for bad input (mismatched dimensions, empty point
// sets, degenerate grids, a field callback returning the wrong number of values). The
// message is one line naming the culprit and the problem.
#pragma once

#include <stdexcept>

namespace sta::field {

class FieldError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

}  // namespace sta::field
