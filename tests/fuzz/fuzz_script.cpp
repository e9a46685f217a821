// Fuzz target: the studio's --script parser. A ScriptError naming the line is a proper refusal; anything
// else escaping, a crash or a sanitizer report is a bug.
#include "app/studio/scripting/script.h"

#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    sta::studio::Script::parse(std::string(reinterpret_cast<const char*>(data), size), "fuzz.script");
  } catch (const sta::studio::ScriptError&) {
  }
  return 0;
}
