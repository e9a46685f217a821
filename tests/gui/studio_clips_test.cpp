// A model trained label-free on a labelled clip folder opens in the studio, whose Spikes panel shows the
// labels' factors and matches the primitives to them.
#include "studio_runner.h"
#include "support/sta_cli.h"

#include <doctest/doctest.h>
#include <opencv2/imgcodecs.hpp>

using namespace sta::test;

TEST_CASE("the studio opens a clips model on its clips, with the labels as the Spikes panel's truth rows") {
  TempDir dir;
  const std::string clips = dir.file("clips"), model = dir.file("clips.sta");
  REQUIRE(sta_cli("data clips --data digits --clips 11 --frames 17 --out " + shell_quote(clips)).exit_code == 0);
  const auto trained = sta_cli("train --preset tiny --data " + shell_quote("clips:" + clips) +
                               " --size 28 --primitives 3 --steps 20 --set curriculum=balanced-steps --out " + shell_quote(model));
  CAPTURE(trained.output);
  REQUIRE(trained.exit_code == 0);
  const nlohmann::json state = open_model(dir, model, "clips");
  CHECK(state["errors"].empty());
  CHECK(state["data"]["source"] == "clips:" + clips);
  const auto& spikes = state["panels"]["spikes"];
  CHECK(spikes["truth_rows"] == nlohmann::json({"rotate", "scale", "hue"}));
  REQUIRE(spikes["alignment"].is_object());
  CHECK(spikes["alignment"]["single_accuracy_of"].size() == 3);
  CHECK(spikes["alignment"]["primitive_of"].size() == 3);
  // The panel is drawn: not one flat colour.
  const cv::Mat shot = cv::imread(dir.file("clips.png"), cv::IMREAD_COLOR);
  REQUIRE_FALSE(shot.empty());
  cv::Scalar mean, deviation;
  cv::meanStdDev(shot(rect_of(spikes["rect"])), mean, deviation);
  CHECK(deviation[0] + deviation[1] + deviation[2] > 5.0);
}
