// The `assert PATH OP VALUE` script action's logic, over the state JSON.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace sta::studio {

// PATH names a value in the state JSON with dots (`cursor`, `sequence.index`,
// `panels.sequence.frame_scale`, `errors.0`; a final `.size` counts an array's items); OP is one of
// == != < <= > >= contains. Numbers compare as numbers, everything else as text; `contains` finds
// text in a string, or in any string of an array.
// Throws ScriptError saying what was expected and what was found.
void check_assertion(const nlohmann::json& state, const std::string& path, const std::string& op,
                     const std::string& expected);

}  // namespace sta::studio
