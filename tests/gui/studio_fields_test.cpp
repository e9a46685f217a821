// The Latent fields panel with a freshly trained tiny model and with an analytic TorchScript module.
#include "app/figures/palette.h"
#include "core/model/engine.h"
#include "core/train/model_file.h"
#include "studio_runner.h"
#include "support/analytic_module.h"
#include "support/text_file.h"

#include <doctest/doctest.h>
#include <opencv2/imgcodecs.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>
#include <numeric>
#include <sstream>

using namespace sta::test;

namespace {

// Pixels in `area` drawn in `colour` at any brightness: the line shader scales a primitive's
// colour by speed and a moving pulse, so the hue ratios (channel / brightest channel) are
// compared. Dim pixels (background, anti-aliased rims) are skipped.
int pixels_in_tone(const cv::Mat& shot, const cv::Rect& area, sta::render::Rgba colour) {
  const float top = std::max({colour.r, colour.g, colour.b});
  const std::array<float, 3> want{colour.b / top, colour.g / top, colour.r / top};  // BGR
  int count = 0;
  for (int y = area.y; y < area.y + area.height; ++y)
    for (int x = area.x; x < area.x + area.width; ++x) {
      const cv::Vec3b p = shot.at<cv::Vec3b>(y, x);
      const float bright = std::max({p[0], p[1], p[2]});
      if (bright < 90.0f) continue;
      bool match = true;
      for (int c = 0; c < 3; ++c) match = match && std::abs(p[c] / bright - want[c]) < 0.06f;
      count += match ? 1 : 0;
    }
  return count;
}

}  // namespace

TEST_CASE("the field view draws each primitive's divergence-free and curl-free parts in its palette tones") {
  TempDir dir;
  const std::string model = dir.file("tiny.sta");
  const CommandResult trained = run_command(
      shell_quote(STA_CLI_EXE) + " train --preset tiny --data digits --steps 60 --out " + shell_quote(model));
  CAPTURE(trained.output);
  REQUIRE(trained.exit_code == 0);

  const std::string script = write_script(dir, "fields.txt",
                                          "model " + model +
                                              "\n"
                                              "assert model.primitives == 3\n"
                                              "view enabled\n"
                                              "part divergence-free\n"
                                              "screenshot " +
                                              dir.file("div.png") +
                                              "\n"
                                              "state " +
                                              dir.file("div.json") +
                                              "\n"
                                              "part curl-free\n"
                                              "screenshot " +
                                              dir.file("curl.png") +
                                              "\n"
                                              "state " +
                                              dir.file("curl.json") +
                                              "\n"
                                              "assert errors.size == 0\n");
  const CommandResult result = run_studio("--script " + shell_quote(script));
  CAPTURE(result.output);
  REQUIRE(result.exit_code == 0);

  struct Case {
    const char* name;
    sta::model::FieldPart shown, hidden;
  };
  for (const Case& c : {Case{"div", sta::model::FieldPart::DivergenceFree, sta::model::FieldPart::CurlFree},
                        Case{"curl", sta::model::FieldPart::CurlFree, sta::model::FieldPart::DivergenceFree}}) {
    CAPTURE(c.name);
    const cv::Mat shot = cv::imread(dir.file(std::string(c.name) + ".png"), cv::IMREAD_COLOR);
    REQUIRE_FALSE(shot.empty());
    const nlohmann::json state = read_json(dir.file(std::string(c.name) + ".json"));
    const nlohmann::json& fields = state["panels"]["fields"];
    REQUIRE(fields["minis"].size() == 3);
    // Only the views count: the legend beside them is drawn in the same tones.
    std::vector<cv::Rect> views{rect_of(fields["view"])};
    for (const auto& mini : fields["minis"]) views.push_back(rect_of(mini));
    for (int k = 0; k < 3; ++k) {
      CAPTURE(k);
      int shown = 0, hidden = 0;
      for (const cv::Rect& view : views) {
        shown += pixels_in_tone(shot, view, sta::figures::primitive_colour(k, c.shown));
        hidden += pixels_in_tone(shot, view, sta::figures::primitive_colour(k, c.hidden));
      }
      CHECK(shown > 300);
      CHECK(hidden < shown / 10);
    }
    // With a model, the Sequence panel shows its prediction of every frame.
    CHECK(state["panels"]["sequence"]["predicted"].size() == 9);
  }
}

TEST_CASE("the studio opens a TorchScript module and draws its analytic fields") {
  TempDir dir;
  const std::string module = dir.file("analytic.pt");
  analytic_module().save(module);
  const std::string script = write_script(dir, "torchscript.txt",
                                          "model " + module + "\nassert model.primitives == 2\nview enabled\n"
                                          "part divergence-free\nscreenshot " + dir.file("div.png") + "\nstate " +
                                          dir.file("div.json") + "\nsave-fields " + dir.file("f.svg") +
                                          "\nsave-spikes " + dir.file("s.svg") + "\nprobe 0.5 0.25\nstate " + dir.file("probe.json") +
                                          "\npin on\nframes 2\nstate " + dir.file("pinned.json") +
                                          "\nassert errors.size == 0\n");
  const CommandResult result = run_studio("--script " + shell_quote(script));
  CAPTURE(result.output);
  REQUIRE(result.exit_code == 0);
  const nlohmann::json state = read_json(dir.file("div.json"));
  CHECK(state["model"]["kind"] == "torchscript");
  CHECK(state["model"]["latent_dim"] == 4);
  CHECK(state["data"]["image_size"] == 28);  // the module does not name its data: the open data fits
  const nlohmann::json& fields = state["panels"]["fields"];
  REQUIRE(fields["minis"].size() == 2);
  const cv::Mat shot = cv::imread(dir.file("div.png"), cv::IMREAD_COLOR);
  REQUIRE_FALSE(shot.empty());
  std::vector<cv::Rect> views{rect_of(fields["view"])};
  for (const auto& mini : fields["minis"]) views.push_back(rect_of(mini));
  int rotation = 0, source = 0;
  for (const cv::Rect& view : views) {
    rotation += pixels_in_tone(shot, view, sta::figures::primitive_colour(1, sta::model::FieldPart::DivergenceFree));
    source += pixels_in_tone(shot, view, sta::figures::primitive_colour(0, sta::model::FieldPart::DivergenceFree));
  }
  CHECK(rotation > 300);  // primitive 1 turns; primitive 0 has no divergence-free part to draw
  CHECK(source < rotation / 10);
  CHECK(state["panels"]["sequence"]["predicted"].size() == 9);

  // The panels' SVG figures: one group per primitive, dashed divergence-free streamlines (the
  // rotation's), one cell per step and primitive in the spike timeline.
  const std::string figure = read_text(dir.file("f.svg"));
  CHECK(count_of(figure, "<g id=\"primitive-") == 2);
  CHECK(count_of(figure, "<path ") > 10);
  CHECK(count_of(figure, "stroke-dasharray") == count_of(figure, "<path "));
  CHECK(count_of(read_text(dir.file("s.svg")), "class=\"spike\"") == 8 * 2);

  // The probe: the latent at its slice point, decoded as the engine decodes it; a pin keeps it.
  const nlohmann::json probe = read_json(dir.file("probe.json"))["panels"]["fields"]["probe"];
  REQUIRE(probe.is_object());
  CHECK(probe["at"][0] == doctest::Approx(0.5));
  const std::vector<float> latent = probe["latent"].get<std::vector<float>>();
  REQUIRE(latent.size() == 4);
  const sta::model::Engine engine = sta::train::load_engine(module);
  const std::vector<float> decoded = engine.decode({latent}).front().values;
  const double mean = std::accumulate(decoded.begin(), decoded.end(), 0.0) / decoded.size();
  CHECK(probe["decoded_mean"].get<double>() == doctest::Approx(mean).epsilon(1e-6));
  REQUIRE(probe["speeds"].size() == 2);
  CHECK(probe["speeds"][1].get<double>() == doctest::Approx(std::hypot(latent[0], latent[1])).epsilon(1e-4));
  CHECK(read_json(dir.file("pinned.json"))["pinned"].get<std::vector<float>>() == latent);
}
