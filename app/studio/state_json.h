// The Workspace as JSON: what the `state` script action writes (with the panels' geometry
// added by the studio) and what `assert` looks values up in. Enum values use names.h words.
#pragma once

#include "app/studio/workspace.h"

#include <nlohmann/json.hpp>

namespace sta::studio {

nlohmann::json workspace_json(const Workspace& ws);

}  // namespace sta::studio
