// Every window size and interface scale: no panel clipped or scrolled, picture panels fill their space,
// no text over other text (by the state JSON's panel extents and text_overlaps).
#include "studio_runner.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace sta::test;

namespace {

// Share of the panel's space the content must reach along its fuller axis, and along the other.
// The Sequence panel's frames grow in whole multiples of their size (crisp pixels), so its
// strips may stop short by less than one step.
constexpr double kFullAxis = 0.88, kOtherAxis = 0.65, kSequenceFullAxis = 0.8;

nlohmann::json screenshot_state(const TempDir& dir, const std::string& size, const std::string& extra = "") {
  const std::string png = dir.file("shot-" + size + ".png");
  const CommandResult result = run_studio("--size " + size + " " + extra + " --screenshot " + shell_quote(png));
  INFO(result.output);
  REQUIRE(result.exit_code == 0);
  return read_json(dir.file("shot-" + size + ".json"));
}

// `data_may_scroll`: where the picture panels need all the room, the Data panel's text scrolls.
void check_panels(const nlohmann::json& state, bool data_may_scroll = false) {
  for (const char* name : {"data", "sequence", "fields", "spikes", "composer"}) {
    CAPTURE(name);
    const nlohmann::json& extent = state["panels"][name]["extent"];
    CAPTURE(extent.dump());
    REQUIRE(extent.is_object());
    const bool data = std::string(name) == "data";
    if (!(data && data_may_scroll)) CHECK_FALSE(extent["clipped"].get<bool>());
    if (data) continue;  // text that is as long as it is
    const double x = extent["fill"][0].get<double>(), y = extent["fill"][1].get<double>();
    CHECK(std::max(x, y) >= (std::string(name) == "sequence" ? kSequenceFullAxis : kFullAxis));
    CHECK(std::min(x, y) >= kOtherAxis);
    CHECK(std::max(x, y) <= 1.01);
  }
}

// No glyph covers another: numbers over labels, labels over each other.
void check_text(const nlohmann::json& state) {
  const nlohmann::json& overlaps = state["text_overlaps"];
  CAPTURE(overlaps.dump());
  CHECK(overlaps["glyphs"].get<int>() > 300);  // the panels' text was seen
  CHECK(overlaps["count"].get<int>() == 0);
}

constexpr std::pair<int, int> kSizes[] = {{1024, 700}, {1280, 800}, {1920, 1080}, {2560, 1440}};

}  // namespace

TEST_CASE("at four window sizes no panel is clipped and the picture panels fill their space") {
  TempDir dir;
  for (const auto& [width, height] : kSizes) {
    const std::string size = std::to_string(width) + "x" + std::to_string(height);
    CAPTURE(size);
    const nlohmann::json state = screenshot_state(dir, size);
    CHECK(state["window"]["width"] == width);
    CHECK(state["window"]["height"] == height);
    CHECK(state["model"]["primitives"] == 3);  // the demo model, whose panels are all drawn
    check_panels(state);
    check_text(state);
  }
}

TEST_CASE("with four primitives (assets/shapes.sta) no text covers other text at four window sizes, and the frames get the room") {
  TempDir dir;
  for (const auto& [width, height] : kSizes) {
    const std::string size = std::to_string(width) + "x" + std::to_string(height);
    CAPTURE(size);
    const nlohmann::json state =
        screenshot_state(dir, size, "--model " + shell_quote(std::string(STA_SOURCE_DIR) + "/assets/shapes.sta"));
    REQUIRE(state["model"]["primitives"] == 4);
    check_panels(state, width == 1024);  // four primitive and four truth rows leave 700 px no room for more
    if (width >= 1920) {  // the room goes to the frames, not to the Data panel's few lines
      CHECK(state["panels"]["sequence"]["frame_scale"].get<double>() >= 3.0);
      CHECK(state["panels"]["data"]["extent"]["work"][2].get<double>() < 0.3 * width);
    }
    check_text(state);
  }
}

TEST_CASE("the interface scale enlarges fonts and sizes, and the panels still fit") {
  TempDir dir;
  const nlohmann::json plain = screenshot_state(dir, "1280x800");
  const nlohmann::json scaled = screenshot_state(dir, "2560x1600", "--ui-scale 2");
  CHECK(plain["window"]["ui_scale"] == 1.0);
  CHECK(scaled["window"]["ui_scale"] == 2.0);
  CHECK(scaled["window"]["font_px"].get<double>() == doctest::Approx(2.0 * plain["window"]["font_px"].get<double>()));
  check_panels(scaled);
  const CommandResult bad = run_studio("--ui-scale 9 --frames 1");
  CHECK(bad.exit_code != 0);
  CHECK(bad.output.find("--ui-scale") != std::string::npos);
}

TEST_CASE("at 1280x800 the training curves fit the Data & Training panel without a scroll") {
  TempDir dir;
  const std::string script = write_script(dir, "train.txt",
                                          "data digits\n"
                                          "train start tiny 30\n"
                                          "train wait 30\n"
                                          "frames 3\n"
                                          "state \"" + dir.file("trained.json") + "\"\n");
  const CommandResult result = run_studio("--size 1280x800 --script " + shell_quote(script));
  INFO(result.output);
  REQUIRE(result.exit_code == 0);
  const nlohmann::json state = read_json(dir.file("trained.json"));
  CHECK(state["training"]["points"].get<int>() > 0);  // the curves are drawn
  const nlohmann::json& extent = state["panels"]["data"]["extent"];
  CAPTURE(extent.dump());
  CHECK_FALSE(extent["clipped"].get<bool>());
  CHECK(extent["fill"][1].get<double>() >= kFullAxis);  // the curves take the height that is left
}
