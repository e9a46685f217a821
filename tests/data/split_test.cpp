// Train/test splits: no item is in both, and the items behind the sequences are the ones the
// split rules name (every 10th image of a single IDX file, the t10k file of a pair).
#include "core/data/dataset.h"
#include "core/data/idx.h"
#include "support/temp_dir.h"

#include "core/data/opencv/mat_image.h"

#include <doctest/doctest.h>

#include <opencv2/core.hpp>

#include <algorithm>
#include <cmath>
#include <set>

using namespace sta::data;

namespace {

constexpr int kSide = 28;

// Image i of a test IDX file: black with a centre square of intensity 20 + 4 i (i < 50).
IdxArray encoded_images(int count, int first_code = 0) {
  IdxArray array;
  array.dims = {static_cast<uint32_t>(count), kSide, kSide};
  array.data.assign(static_cast<size_t>(count) * kSide * kSide, 0);
  for (int i = 0; i < count; ++i) {
    for (int y = 9; y < 19; ++y) {
      for (int x = 9; x < 19; ++x) array.data[(i * kSide + y) * kSide + x] = static_cast<uint8_t>(20 + 4 * (first_code + i));
    }
  }
  return array;
}

// The code of the image shown in a sequence's first (untransformed) frame.
int decode(const Sequence& s) {
  const cv::Vec3f centre = sta::data::to_mat(s.frames[0]).at<cv::Vec3f>(kSide / 2, kSide / 2);
  const double grey = 255.0 * std::max({centre[0], centre[1], centre[2]});
  return static_cast<int>(std::lround((grey - 20) / 4));
}

std::unique_ptr<Dataset> open(const std::string& source) {
  DataSpec spec;
  spec.source = source;
  spec.steps = 1;
  return open_dataset(spec);
}

}  // namespace

TEST_CASE("a single IDX file puts every 10th image in the test split, disjoint from training") {
  sta::test::TempDir dir;
  const std::string path = dir.file("all-images-idx3-ubyte");
  write_idx(path, encoded_images(50));
  const auto dataset = open("idx:" + path);
  REQUIRE(dataset->count(Split::Train) == 45);
  REQUIRE(dataset->count(Split::Test) == 5);

  std::set<int> train, test;
  for (int k = 0; k < 45; ++k) {
    const Sequence s = dataset->sequence(Split::Train, k);
    CHECK(decode(s) == s.item);  // the item id is the image that is shown
    train.insert(decode(s));
  }
  for (int k = 0; k < 5; ++k) {
    const Sequence s = dataset->sequence(Split::Test, k);
    CHECK(decode(s) == s.item);
    CHECK(decode(s) % 10 == 9);
    test.insert(decode(s));
  }
  CHECK(train.size() == 45);
  CHECK(test.size() == 5);
  for (int code : test) CHECK(train.count(code) == 0);
}

TEST_CASE("an IDX folder with a train/t10k pair splits by file") {
  sta::test::TempDir dir;
  write_idx(dir.file("train-images-idx3-ubyte.gz"), encoded_images(30, 0));
  write_idx(dir.file("t10k-images-idx3-ubyte.gz"), encoded_images(12, 30));
  write_idx(dir.file("train-labels-idx1-ubyte.gz"), IdxArray{{30}, std::vector<uint8_t>(30, 1)});
  const auto dataset = open("idx:" + dir.path().string());
  REQUIRE(dataset->count(Split::Train) == 30);
  REQUIRE(dataset->count(Split::Test) == 12);
  std::set<int64_t> train_items;
  for (int k = 0; k < 30; ++k) {
    const Sequence s = dataset->sequence(Split::Train, k);
    CHECK(decode(s) == k);
    train_items.insert(s.item);
  }
  for (int k = 0; k < 12; ++k) {
    const Sequence s = dataset->sequence(Split::Test, k);
    CHECK(decode(s) == 30 + k);  // a t10k image
    CHECK(train_items.count(s.item) == 0);
    CHECK(s.label.find("image " + std::to_string(k)) != std::string::npos);
  }
}

TEST_CASE("an IDX folder without a pair uses its one images file, or says what is wrong") {
  sta::test::TempDir dir;
  CHECK_THROWS_AS(open("idx:" + dir.path().string()), DataError);
  write_idx(dir.file("mine-idx3-ubyte"), encoded_images(20));
  CHECK(open("idx:" + dir.path().string())->count(Split::Test) == 2);
  write_idx(dir.file("other-idx3-ubyte"), encoded_images(20));
  CHECK_THROWS_AS(open("idx:" + dir.path().string()), DataError);
  write_idx(dir.file("few-idx3-ubyte"), encoded_images(5));
  CHECK_THROWS_AS(open("idx:" + dir.file("few-idx3-ubyte")), DataError);
  write_idx(dir.file("labels-idx1-ubyte"), IdxArray{{20}, std::vector<uint8_t>(20, 1)});
  CHECK_THROWS_AS(open("idx:" + dir.file("labels-idx1-ubyte")), DataError);
}

TEST_CASE("fashion-mnist: test sequences show t10k images, training sequences train images") {
  const IdxArray train = read_idx("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz");
  const IdxArray test = read_idx("/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz");
  const auto dataset = open("fashion-mnist");
  const auto shown = [](const Sequence& s) {  // frame 0 as grey bytes
    cv::Mat grey(kSide, kSide, CV_8UC1);
    for (int y = 0; y < kSide; ++y) {
      for (int x = 0; x < kSide; ++x) {
        const cv::Vec3f p = sta::data::to_mat(s.frames[0]).at<cv::Vec3f>(y, x);
        grey.at<uint8_t>(y, x) = static_cast<uint8_t>(std::lround(255.0 * std::max({p[0], p[1], p[2]})));
      }
    }
    return grey;
  };
  const auto image = [](const IdxArray& file, int64_t k) {
    return cv::Mat(kSide, kSide, CV_8UC1, const_cast<uint8_t*>(file.data.data()) + k * kSide * kSide);
  };
  for (int64_t k : {0, 1, 4567, 9999}) {
    CHECK(cv::norm(shown(dataset->sequence(Split::Test, k)), image(test, k), cv::NORM_INF) == 0);
    CHECK(cv::norm(shown(dataset->sequence(Split::Train, k)), image(train, k), cv::NORM_INF) == 0);
  }
}

TEST_CASE("procedural sources: train and test item ids never meet") {
  for (const char* source : {"digits", "shapes"}) {
    CAPTURE(source);
    const auto dataset = open(source);
    std::set<int64_t> train, test;
    const auto sample = [&](Split split, std::set<int64_t>& items) {
      const int64_t n = dataset->count(split);
      for (int64_t k = 0; k < n; k += n / 250) items.insert(dataset->sequence(split, k).item);
      items.insert(dataset->sequence(split, n - 1).item);
      return n;
    };
    const int64_t n_train = sample(Split::Train, train), n_test = sample(Split::Test, test);
    CHECK(n_train == 60000);
    CHECK(n_test == 10000);
    CHECK(train.size() == 251);  // distinct indices give distinct items
    CHECK(test.size() == 251);
    const auto [low, high] = std::minmax_element(test.begin(), test.end());
    for (int64_t item : train) CHECK((item < *low || item > *high));
  }
}
