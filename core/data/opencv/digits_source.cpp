// Procedural digits (see digits_source.h): drawn anti-aliased at 4x and area-downsampled.
#include "core/data/opencv/digits_source.h"

#include "core/data/grey_image_source.h"
#include "core/data/opencv/mat_image.h"
#include "core/data/procedural_ids.h"

#include <opencv2/imgproc.hpp>

namespace sta::data {
namespace {

constexpr int kSize = 28;
constexpr int kOversample = 4;
constexpr uint64_t kDigitsSalt = 0xD161'75ull;

const int kFaces[] = {
    cv::FONT_HERSHEY_SIMPLEX, cv::FONT_HERSHEY_DUPLEX,        cv::FONT_HERSHEY_COMPLEX,
    cv::FONT_HERSHEY_TRIPLEX, cv::FONT_HERSHEY_SCRIPT_SIMPLEX, cv::FONT_HERSHEY_SCRIPT_COMPLEX,
    cv::FONT_HERSHEY_SIMPLEX | cv::FONT_ITALIC, cv::FONT_HERSHEY_COMPLEX | cv::FONT_ITALIC,
};
constexpr int kFaceCount = sizeof kFaces / sizeof kFaces[0];

class DigitsSource final : public GreyImageSource {
 public:
  int native_size() const override { return kSize; }
  int64_t count(Split split) const override { return procedural_count(split); }
  int64_t item_id(Split split, int64_t k) const override { return procedural_item_id(split, k); }
  std::string describe(int64_t item) const override {
    return "digit " + std::to_string(item % 10) + " (item " + std::to_string(item) + ")";
  }

  GreyImage grey(int64_t item) const override {
    Random rng(hash_seed({kDigitsSalt, static_cast<uint64_t>(item)}));
    const std::string text = std::to_string(item % 10);
    const int face = kFaces[rng.below(kFaceCount)];
    const int thickness = static_cast<int>(kOversample * rng.uniform(1.0, 2.6));  // 1 to 2.5 px
    const double height = kOversample * rng.uniform(15.0, 21.0);                  // digit height, px

    int baseline = 0;
    const cv::Size unit = cv::getTextSize(text, face, 1.0, thickness, &baseline);
    const double font_scale = height / unit.height;
    const cv::Size box = cv::getTextSize(text, face, font_scale, thickness, &baseline);
    const int canvas = kSize * kOversample;
    const cv::Point origin((canvas - box.width) / 2 + static_cast<int>(kOversample * rng.uniform(-2.0, 2.0)),
                           (canvas + box.height) / 2 + static_cast<int>(kOversample * rng.uniform(-2.0, 2.0)));

    cv::Mat large(canvas, canvas, CV_8UC1, cv::Scalar(0));
    cv::putText(large, text, origin, face, font_scale, cv::Scalar(255), thickness, cv::LINE_AA);
    cv::Mat small;
    cv::resize(large, small, cv::Size(kSize, kSize), 0, 0, cv::INTER_AREA);
    return data::to_grey(small);
  }
};

}  // namespace

std::shared_ptr<SceneSource> make_digits_source() { return std::make_shared<DigitsSource>(); }

}  // namespace sta::data
