// IDX-backed grey-image source (see idx_image_source.h). Images are loaded once, at open.
#include "core/data/idx_image_source.h"

#include "core/data/grey_image_source.h"
#include "core/data/idx_cache.h"

#include <algorithm>
#include <filesystem>

namespace fs = std::filesystem;

namespace sta::data {
namespace {

// Every 10th image of a single file (indices 9, 19, ...) belongs to the test split.
constexpr int64_t kTestEvery = 10;

struct Images {
  IdxArray array;
  int64_t count = 0;
  int size = 0;
};

Images load_images(const std::string& path) {
  Images images{read_idx_cached(path)};
  const auto& dims = images.array.dims;
  if (dims.size() != 3) {
    throw DataError("IDX file '" + path + "': expected images (count x rows x cols), got " +
                    std::to_string(dims.size()) + " dimensions");
  }
  if (dims[1] != dims[2] || dims[1] < 4) {
    throw DataError("IDX file '" + path + "': images are " + std::to_string(dims[1]) + "x" +
                    std::to_string(dims[2]) + "; only square images of at least 4x4 are supported");
  }
  if (dims[0] == 0) throw DataError("IDX file '" + path + "': holds no images");
  images.count = dims[0];
  images.size = static_cast<int>(dims[1]);
  return images;
}

class IdxImageSource final : public GreyImageSource {
 public:
  // A train/test pair of files.
  IdxImageSource(Images train, Images test) : train_(std::move(train)), test_(std::move(test)), paired_(true) {}
  // One file, split by index.
  explicit IdxImageSource(Images all) : train_(std::move(all)), paired_(false) {}

  int native_size() const override { return train_.size; }

  int64_t count(Split split) const override {
    if (paired_) return split == Split::Train ? train_.count : test_.count;
    const int64_t tests = train_.count / kTestEvery;
    return split == Split::Train ? train_.count - tests : tests;
  }

  int64_t item_id(Split split, int64_t k) const override {
    if (paired_) return split == Split::Train ? k : train_.count + k;
    if (split == Split::Test) return k * kTestEvery + kTestEvery - 1;
    return k / (kTestEvery - 1) * kTestEvery + k % (kTestEvery - 1);
  }

  std::string describe(int64_t item) const override {
    const bool in_test_file = paired_ && item >= train_.count;
    return "image " + std::to_string(in_test_file ? item - train_.count : item);
  }

  GreyImage grey(int64_t item) const override {
    const bool in_test_file = paired_ && item >= train_.count;
    const Images& images = in_test_file ? test_ : train_;
    const int64_t index = in_test_file ? item - train_.count : item;
    const uint8_t* pixels = images.array.data.data() + index * images.size * images.size;
    GreyImage out(images.size, images.size);
    std::copy(pixels, pixels + out.values.size(), out.values.begin());
    return out;
  }

 private:
  Images train_, test_;
  bool paired_;
};

std::shared_ptr<SceneSource> open_pair(const fs::path& train, const fs::path& test) {
  Images train_images = load_images(train.string());
  Images test_images = load_images(test.string());
  if (train_images.size != test_images.size) {
    throw DataError("IDX files '" + train.string() + "' and '" + test.string() + "' hold images of different sizes");
  }
  return std::make_shared<IdxImageSource>(std::move(train_images), std::move(test_images));
}

std::shared_ptr<SceneSource> open_single(const fs::path& file) {
  Images images = load_images(file.string());
  if (images.count < kTestEvery) {
    throw DataError("IDX file '" + file.string() + "': holds " + std::to_string(images.count) +
                    " images; at least 10 are needed (every 10th is a test image)");
  }
  return std::make_shared<IdxImageSource>(std::move(images));
}

bool starts_with(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

}  // namespace

std::shared_ptr<SceneSource> open_idx_source(const std::string& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) throw DataError("idx:" + path + ": no such file or folder");
  if (!fs::is_directory(path, ec)) return open_single(path);

  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(path, ec)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  if (ec) throw DataError("idx:" + path + ": cannot list the folder (" + ec.message() + ")");
  std::sort(files.begin(), files.end());
  const auto find = [&](const std::string& prefix) {
    return std::find_if(files.begin(), files.end(),
                        [&](const fs::path& f) { return starts_with(f.filename().string(), prefix); });
  };
  const auto train = find("train-images"), test = find("t10k-images");
  if (train != files.end() && test != files.end()) return open_pair(*train, *test);

  std::vector<fs::path> candidates;
  for (const auto& f : files) {
    const std::string name = f.filename().string();
    if (name.find("idx") != std::string::npos && name.find("labels") == std::string::npos) candidates.push_back(f);
  }
  if (candidates.size() == 1) return open_single(candidates.front());
  throw DataError("idx:" + path + ": folder holds " +
                  (candidates.empty() ? std::string("no IDX images file (a name containing 'idx')")
                                      : std::to_string(candidates.size()) + " IDX files; name one of them") +
                  ", or a train-images*/t10k-images* pair");
}

std::shared_ptr<SceneSource> open_fashion_mnist() {
  const fs::path folder = kFashionMnistFolder;
  const fs::path train = folder / "train-images-idx3-ubyte.gz", test = folder / "t10k-images-idx3-ubyte.gz";
  std::error_code ec;
  for (const auto& file : {train, test}) {
    if (!fs::exists(file, ec)) {
      throw DataError("fashion-mnist: " + file.string() + " not found; install it with `apt-get install dataset-fashion-mnist`");
    }
  }
  return open_pair(train, test);
}

}  // namespace sta::data
