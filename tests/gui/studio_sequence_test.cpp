// The studio window as a researcher sees it: --help, the Sequence panel's frames, scripted scrubbing, resize.
#include "core/data/dataset.h"
#include "studio_runner.h"

#include "core/data/opencv/mat_image.h"
#include <doctest/doctest.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

using namespace sta::test;

namespace {

// A frame as the screen shows it: 8-bit BGR, enlarged by `scale` with nearest neighbours.
cv::Mat on_screen(const cv::Mat& frame, int scale) {
  cv::Mat bgr, bytes, big;
  cv::cvtColor(frame, bgr, cv::COLOR_RGB2BGR);
  bgr.convertTo(bytes, CV_8UC3, 255.0);
  cv::resize(bytes, big, {}, scale, scale, cv::INTER_NEAREST);
  return big;
}

// Where the cursor highlight (a yellow frame, kCursorColour) lies inside `area`: the mean x
// of its pixels, or -1 when there are none.
double highlight_x(const cv::Mat& shot, const cv::Rect& area) {
  cv::Mat mask;
  cv::inRange(shot(area), cv::Scalar(20, 190, 235), cv::Scalar(80, 235, 255), mask);  // BGR
  if (cv::countNonZero(mask) < 50) return -1.0;
  return area.x + cv::moments(mask, true).m10 / cv::moments(mask, true).m00;
}

}  // namespace

TEST_CASE("sta-studio --help exits 0 and lists the options and script actions") {
  const CommandResult result = run_studio("--help");
  CAPTURE(result.output);
  CHECK(result.exit_code == 0);
  for (const char* word :
       {"--data", "--model", "--screenshot", "--frames", "--size", "--script", "screenshot FILE", "assert PATH"})
    CHECK(result.output.find(word) != std::string::npos);
}

TEST_CASE("the screenshot shows the selected sequence's frames inside the Sequence panel") {
  TempDir dir;
  const std::string png = dir.file("shot.png");
  const CommandResult result = run_studio("--data digits --screenshot " + shell_quote(png) + " --frames 30");
  CAPTURE(result.output);
  REQUIRE(result.exit_code == 0);
  const cv::Mat shot = cv::imread(png, cv::IMREAD_COLOR);
  REQUIRE(shot.cols == 1280);
  REQUIRE(shot.rows == 800);
  const nlohmann::json state = read_json(dir.file("shot.json"));  // written beside the PNG
  const cv::Rect panel = rect_of(state["panels"]["sequence"]["rect"]);
  const int scale = state["panels"]["sequence"]["frame_scale"].get<int>();
  CHECK(scale >= 2);  // readable: at least twice the native size

  // The studio opens test sequence 0 in sparse mode; make the same frames with the data API.
  CHECK(state["sequence"]["split"] == "test");
  CHECK(state["sequence"]["index"] == 0);
  sta::data::DataSpec spec;
  spec.source = "digits";
  const auto data = sta::data::open_dataset(spec);
  const sta::data::Sequence sequence = data->sequence(sta::data::Split::Test, 0);
  int previous_x = -1;
  for (size_t t = 0; t < sequence.frames.size(); ++t) {
    CAPTURE(t);
    cv::Mat score;
    cv::matchTemplate(shot, on_screen(sta::data::to_mat(sequence.frames[t]), scale), score, cv::TM_SQDIFF_NORMED);
    double best = 0.0;
    cv::Point at;
    cv::minMaxLoc(score, &best, nullptr, &at, nullptr);
    CHECK(best < 0.01);  // the frame is on screen, pixel for pixel
    const cv::Rect found(at.x, at.y, sequence.frames[t].cols * scale, sequence.frames[t].rows * scale);
    CHECK((found & panel) == found);  // inside the Sequence panel
    CHECK(at.x > previous_x);         // in time order, left to right
    previous_x = at.x;
    const cv::Rect reported = rect_of(state["panels"]["sequence"]["frames"][t]);
    CHECK(std::abs(reported.x - found.x) <= 1);
    CHECK(std::abs(reported.y - found.y) <= 1);
  }
}

TEST_CASE("scripted scrubbing moves the time cursor in the state and the highlight in the pixels") {
  TempDir dir;
  const std::string script = write_script(dir, "scrub.txt",
                                          "data digits\n"
                                          "cursor 2\n"
                                          "screenshot " +
                                              dir.file("a.png") +
                                              "\n"
                                              "state " +
                                              dir.file("a.json") +
                                              "\n"
                                              "assert cursor == 2\n"
                                              "cursor 5\n"
                                              "key right\n"
                                              "screenshot " +
                                              dir.file("b.png") +
                                              "\n"
                                              "state " +
                                              dir.file("b.json") +
                                              "\n"
                                              "assert cursor == 6\n"
                                              "cursor 99\n"
                                              "assert cursor == 8\n");
  const CommandResult result = run_studio("--script " + shell_quote(script));
  CAPTURE(result.output);
  REQUIRE(result.exit_code == 0);
  for (const auto& [name, cursor] : {std::pair<std::string, int>{"a", 2}, {"b", 6}}) {
    CAPTURE(name);
    const nlohmann::json state = read_json(dir.file(name + ".json"));
    CHECK(state["cursor"] == cursor);
    const cv::Mat shot = cv::imread(dir.file(name + ".png"), cv::IMREAD_COLOR);
    REQUIRE_FALSE(shot.empty());
    const cv::Rect frame = rect_of(state["panels"]["sequence"]["frames"][cursor]);
    const double x = highlight_x(shot, rect_of(state["panels"]["sequence"]["rect"]));
    CHECK(x > frame.x - 4);  // the highlight surrounds the frame at the cursor
    CHECK(x < frame.x + frame.width + 4);
  }
}

TEST_CASE("the panels follow a window resize and still tile the window") {
  TempDir dir;
  const std::string script = write_script(dir, "resize.txt",
                                          "window 960x640\n"
                                          "state " +
                                              dir.file("small.json") +
                                              "\n"
                                              "screenshot " +
                                              dir.file("small.png") +
                                              " sequence\n"
                                              "window 1400x900\n"
                                              "state " +
                                              dir.file("large.json") +
                                              "\n"
                                              "screenshot " +
                                              dir.file("large.png") + " sequence\n");
  const CommandResult result = run_studio("--data digits --script " + shell_quote(script));
  CAPTURE(result.output);
  REQUIRE(result.exit_code == 0);
  for (const auto& [name, w, h] : {std::tuple<std::string, int, int>{"small", 960, 640}, {"large", 1400, 900}}) {
    CAPTURE(name);
    const nlohmann::json state = read_json(dir.file(name + ".json"));
    CHECK(state["window"]["width"] == w);
    CHECK(state["window"]["height"] == h);
    long long area = 0;
    const cv::Rect window(0, 0, w, h);
    for (const char* panel : {"data", "sequence", "fields", "spikes", "composer", "status"}) {
      const cv::Rect r = rect_of(state["panels"][panel]["rect"]);
      CHECK((r & window) == r);
      CHECK(r.area() > 0);
      area += r.area();
    }
    CHECK(area == static_cast<long long>(w) * h);  // no gaps, no overlaps
    const cv::Rect panel = rect_of(state["panels"]["sequence"]["rect"]);
    const cv::Rect last_frame = rect_of(state["panels"]["sequence"]["frames"][8]);
    CHECK((last_frame & panel) == last_frame);                                   // no frame is cut off
    const cv::Mat shot = cv::imread(dir.file(name + ".png"), cv::IMREAD_COLOR);  // a picture of that panel alone
    CHECK(shot.cols == panel.width);
    CHECK(shot.rows == panel.height);
  }
}
