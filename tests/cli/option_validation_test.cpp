// Every numeric and enum option of every `sta` subcommand refuses a bad value; one row per option.
// Not under sanitizers: dozens of process starts; the same parsing runs there in train: and cli:.
#include "support/sta_cli.h"
#include "support/temp_dir.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

using namespace sta::test;

namespace {

struct BadOption {
  std::string arguments;  // the command line after `sta`, with the bad value in it
  std::string culprit;    // what the error line must name
};

}  // namespace

// A bad value gives a one-line reason and a non-zero exit: no option is silently replaced by a
// default, and 0 never means "the default".
TEST_CASE("every numeric and enum option refuses a bad value with a one-line reason") {
  TempDir dir;
  const std::string demo = shell_quote(std::string(STA_SOURCE_DIR) + "/assets/demo.sta");
  const std::string out = " --out " + shell_quote(dir.file("out.png"));
  const std::string model = " --out " + shell_quote(dir.file("model.sta"));
  const std::string gif = " --out " + shell_quote(dir.file("out.gif"));
  const std::vector<BadOption> table = {
      {"data preview --data digits --count 0" + out, "--count"},
      {"data preview --data digits --split validation" + out, "--split"},
      {"data preview --data digits --mode random" + out, "--mode"},
      {"data preview --data digits --seed -1" + out, "--seed"},
      {"data preview --data digits --steps 0" + out, "--steps"},
      {"data preview --data digits --stride 0" + out, "--stride"},
      {"data clips --data digits --clips 1 --out " + shell_quote(dir.file("clips")), "--clips"},
      {"data clips --data digits --frames x --out " + shell_quote(dir.file("clips")), "--frames"},
      {"train --preset huge --data digits" + model, "--preset"},
      {"train --preset tiny --data digits --device tpu" + model, "tpu"},
      {"train --preset tiny --data digits --steps 0" + model, "--steps"},
      {"train --preset tiny --data digits --seed -1" + model, "--seed"},
      {"train --preset tiny --data digits --batch 0" + model, "--batch"},
      {"train --preset tiny --data digits --primitives 0" + model, "--primitives"},
      {"train --preset tiny --data digits --length 0" + model, "--length"},
      {"train --preset tiny --data digits --size 0" + model, "--size"},
      {"train --preset tiny --data digits --stride abc" + model, "--stride"},
      {"train --preset tiny --data digits --set batch_size=0" + model, "batch_size"},
      {"train --preset tiny --data digits --set curriculum=labels" + model, "curriculum"},
      {"train --preset tiny --data digits --on-save-error ignore" + model, "--on-save-error"},
      {"bench --preset tiny --json /nonexistent-folder/b.json --repeats 1", "/nonexistent-folder/b.json"},
      {"eval " + demo + " --sequences 0", "--sequences"},
      {"eval " + demo + " --samples 0", "--samples"},
      {"eval " + demo + " --inference-sparsity 0", "--inference-sparsity"},
      {"eval " + demo + " --device tpu", "tpu"},
      {"bench --preset huge", "--preset"},
      {"bench --preset tiny --repeats 0", "--repeats"},
      {"bench --preset tiny --device tpu", "tpu"},
      {"export traversal " + demo + " --sequence -1" + gif, "--sequence"},
      {"export traversal " + demo + " --split validation" + gif, "--split"},
      {"export traversal " + demo + " --primitive 7" + gif, "primitive 7"},
      {"export traversal " + demo + " --speed nan" + gif, "not a finite number"},
      {"export traversal " + demo + " --slabs 1,x,1" + gif, "--slabs"},
      {"export traversal " + demo + " --steps 0" + gif, "--steps"},
      {"export traversal " + demo + " --scale 0" + gif, "--scale"},
      {"export traversal " + demo + " --fps 0" + gif, "--fps"},
      {"export traversal " + demo + " --device tpu" + gif, "tpu"},
      {"eval " + demo + " --sequences 1 --samples 1 --json /dev/null", "STA_NUM_THREADS"},  // with the variable below
  };
  for (const BadOption& row : table) {
    CAPTURE(row.arguments);
    const bool bad_threads = row.culprit == "STA_NUM_THREADS";
    const CommandResult result =
        bad_threads ? run_command("STA_NUM_THREADS=abc " + shell_quote(STA_CLI_EXE) + " " + row.arguments) : sta_cli(row.arguments);
    CAPTURE(result.output);
    CHECK(result.exit_code != 0);
    CHECK(result.output.rfind("sta: error: ", 0) == 0);
    CHECK(std::count(result.output.begin(), result.output.end(), '\n') == 1);
    CHECK(result.output.find(row.culprit) != std::string::npos);
  }
  CHECK(std::filesystem::is_empty(dir.path()));  // nothing was written by a refused command
}
