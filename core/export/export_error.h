// ExportError: the one exception type of the export layer (GIF, MP4 and PNG writers and the
// traversal builder). Its message is one line naming the culprit and the problem.
#pragma once

#include <stdexcept>

namespace sta::exporting {

class ExportError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace sta::exporting
