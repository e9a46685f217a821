// `clips:` end to end: label-free training on an example folder, `sta eval --json` with and without labels.
// Not under sanitizers: a training and a script around the CLI; the clip source runs there in data:.
#include "support/sta_cli.h"
#include "support/temp_dir.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

using namespace sta::test;
namespace fs = std::filesystem;

namespace {

nlohmann::json read_json(const std::string& path) {
  std::ifstream in(path);
  REQUIRE(in.good());
  return nlohmann::json::parse(in);
}

void check_rollouts(const nlohmann::json& j) {
  for (const char* key : {"equivariance_error", "autoencoder_floor", "no_motion", "transport_efficiency"}) {
    CAPTURE(key);
    REQUIRE(j[key].size() == 1);
    CHECK(j[key]["all"].is_number());
  }
  CHECK(j["autoencoder_floor"]["all"].get<double>() > 0);
  CHECK(j["primitives"]["count"] == 3);
}

}  // namespace

TEST_CASE("a clip folder trains a model without labels, and its labels judge the model") {
  TempDir dir;
  const std::string clips = dir.file("clips"), model = shell_quote(dir.file("clips.sta"));
  const auto build = std::filesystem::path(STA_CLI_EXE).parent_path().parent_path();  // build/app/sta
  const auto made = run_command("STA_BUILD_DIR=" + shell_quote(build.string()) + " " +
                                shell_quote(STA_SOURCE_DIR "/scripts/example_clips.sh") + " " + shell_quote(clips) +
                                " digits 11 17");
  CAPTURE(made.output);
  REQUIRE(made.exit_code == 0);
  REQUIRE(fs::exists(clips + "/labels.csv"));
  CHECK(fs::exists(clips + "/clip-010/frame-016.png"));
  fs::rename(clips + "/labels.csv", dir.file("labels.csv"));  // unlabelled, as a user's clips are

  const std::string source = " --data " + shell_quote("clips:" + clips) + " --size 28";
  // The labelled curriculum needs labels this folder has not.
  check_one_line_error(sta_cli("train --preset tiny" + source + " --steps 2 --out " + model), "curriculum=labelled",
                       "reads ground truth");
  const auto trained = sta_cli("train --preset tiny" + source +
                               " --primitives 3 --steps 30 --stride 2 --set curriculum=balanced-steps --out " + model);
  CAPTURE(trained.output);
  REQUIRE(trained.exit_code == 0);
  const auto unlabelled = sta_cli("eval " + model + " --sequences 4 --samples 1 --json " + shell_quote(dir.file("a.json")));
  CAPTURE(unlabelled.output);
  REQUIRE(unlabelled.exit_code == 0);
  CHECK(unlabelled.output.find("Spike alignment: not available") != std::string::npos);
  const auto plain = read_json(dir.file("a.json"));
  check_rollouts(plain);
  CHECK(plain["spike_alignment"].is_null());
  CHECK(plain["data"]["video_stride"] == 2);

  fs::rename(dir.file("labels.csv"), clips + "/labels.csv");
  const auto labelled = sta_cli("eval " + model + " --sequences 4 --samples 1 --json " + shell_quote(dir.file("b.json")));
  CAPTURE(labelled.output);
  REQUIRE(labelled.exit_code == 0);
  const auto judged = read_json(dir.file("b.json"));
  check_rollouts(judged);
  const auto& spikes = judged["spike_alignment"];
  REQUIRE(spikes.is_object());
  for (const char* factor : {"rotate", "scale", "hue"}) CHECK(spikes["single_accuracy_of"][factor].is_number());
  CHECK(spikes["single_steps"].get<int>() > 0);
  CHECK(spikes["multi_f1"].is_number());
  CHECK(spikes["matched_on"] == "training windows");
  // With labels, still no curriculum: they judge, the clips cannot be asked for one factor at a time.
  check_one_line_error(sta_cli("train --preset tiny" + source + " --steps 2 --out " + model), "curriculum=labelled",
                       "one known transformation at a time");
}

TEST_CASE("bad clip folders and labels get one clear line and a non-zero exit") {
  TempDir dir;
  const std::string clips = dir.file("clips");
  REQUIRE(sta_cli("data clips --data digits --clips 3 --frames 12 --out " + shell_quote(clips)).exit_code == 0);
  const auto preview = [&] {
    return sta_cli("data preview --data " + shell_quote("clips:" + clips) + " --out " + shell_quote(dir.file("p.png")));
  };
  REQUIRE(preview().exit_code == 0);
  const auto labels = [&](const std::string& text) { std::ofstream(clips + "/labels.csv") << text; };
  labels("clip,step,rotate\nclip-009,1,1\n");
  check_one_line_error(preview(), "clip-009", "unknown clip");
  labels("clip,step,rotate\nclip-001,12,1\n");
  check_one_line_error(preview(), "step '12'", "out of range");
  labels("clip,step,rotate,hue\nclip-001,2,1\n");
  check_one_line_error(preview(), "line 2", "3 columns where the header has 4");
  fs::remove(clips + "/labels.csv");
  fs::create_directories(clips + "/clip-empty");
  check_one_line_error(preview(), "clip-empty", "no image files");
  fs::remove(clips + "/clip-empty");
  for (int f = 3; f < 12; ++f) fs::remove(clips + "/clip-002/frame-0" + (f < 10 ? "0" : "") + std::to_string(f) + ".png");
  check_one_line_error(preview(), "clip-002", "fewer than one window");
  check_one_line_error(sta_cli("data clips --data " + shell_quote("clips:" + clips) + " --out " + shell_quote(dir.file("x"))),
                       "--data", "generated source");
  check_one_line_error(sta_cli("data clips --out " + shell_quote(clips)), clips, "not empty");
}
