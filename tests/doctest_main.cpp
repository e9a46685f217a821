// Shared doctest entry point for every test executable: the process runtime of `sta` and the
// studio (core/util/runtime.h) first, so that tests run LibTorch as the programs do.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include "core/util/runtime.h"

int main(int argc, char** argv) {
  sta::configure_runtime();
  return doctest::Context(argc, argv).run();
}
