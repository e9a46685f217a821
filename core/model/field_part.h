// Which part of a primitive's field: the whole field, its curl-free part (the gradient of the
// potential) or its divergence-free part. A light header for code that never sees the Engine.
#pragma once

namespace sta::model {

enum class FieldPart { Whole, CurlFree, DivergenceFree };

}  // namespace sta::model
