// How the line renderer strokes a line: solid or dashed.
#pragma once

namespace sta::render {

enum class LinePattern { Solid, Dashed };

}  // namespace sta::render
