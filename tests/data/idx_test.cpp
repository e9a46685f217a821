// IDX reader/writer: raw and gzip round trips, and rejection of malformed files with messages
// that name the file and the problem.
#include "core/data/dataset.h"
#include "core/data/idx.h"
#include "support/error_message.h"
#include "support/temp_dir.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

using sta::data::DataError;
using sta::data::IdxArray;
using sta::test::error_message;

namespace {

IdxArray sample_array() {
  IdxArray array;
  array.dims = {5, 3, 4};
  for (int i = 0; i < 60; ++i) array.data.push_back(static_cast<uint8_t>(i * 37 + 11));
  return array;
}

std::vector<uint8_t> file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_bytes(const std::string& path, const std::vector<uint8_t>& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

std::string idx_error(const std::string& path) {
  return error_message<DataError>([&] { sta::data::read_idx(path); });
}

}  // namespace

TEST_CASE("IDX round trip, raw and gzip") {
  sta::test::TempDir dir;
  const IdxArray original = sample_array();
  for (const std::string name : {"images.idx", "images.idx.gz"}) {
    CAPTURE(name);
    const std::string path = dir.file(name);
    sta::data::write_idx(path, original);
    const IdxArray back = sta::data::read_idx(path);
    CHECK(back.dims == original.dims);
    CHECK(back.data == original.data);
  }
  // The raw file is exactly magic + 3 dimensions + data; the .gz one really is gzip.
  const auto raw = file_bytes(dir.file("images.idx"));
  CHECK(raw.size() == 4 + 3 * 4 + 60);
  CHECK(std::vector<uint8_t>(raw.begin(), raw.begin() + 8) == std::vector<uint8_t>{0, 0, 8, 3, 0, 0, 0, 5});
  const auto gz = file_bytes(dir.file("images.idx.gz"));
  REQUIRE(gz.size() > 2);
  CHECK(gz[0] == 0x1f);
  CHECK(gz[1] == 0x8b);
}

TEST_CASE("IDX reader rejects malformed files, naming the file and the problem") {
  sta::test::TempDir dir;
  const std::string good = dir.file("good.idx");
  sta::data::write_idx(good, sample_array());
  auto bytes = file_bytes(good);

  SUBCASE("missing file") {
    const std::string path = dir.file("absent.idx");
    const std::string message = idx_error(path);
    CHECK(message.find(path) != std::string::npos);
    CHECK(message.find("no such file") != std::string::npos);
  }
  SUBCASE("truncated data") {
    const std::string path = dir.file("short.idx");
    write_bytes(path, std::vector<uint8_t>(bytes.begin(), bytes.end() - 10));
    const std::string message = idx_error(path);
    CHECK(message.find(path) != std::string::npos);
    CHECK(message.find("truncated") != std::string::npos);
    CHECK(message.find("5x3x4") != std::string::npos);
  }
  SUBCASE("truncated header") {
    const std::string path = dir.file("header.idx");
    write_bytes(path, std::vector<uint8_t>(bytes.begin(), bytes.begin() + 9));
    CHECK(idx_error(path).find("truncated header") != std::string::npos);
  }
  SUBCASE("truncated gzip stream") {
    const std::string gz_path = dir.file("good.idx.gz");
    sta::data::write_idx(gz_path, sample_array());
    const auto gz = file_bytes(gz_path);
    const std::string path = dir.file("short.idx.gz");
    write_bytes(path, std::vector<uint8_t>(gz.begin(), gz.begin() + gz.size() / 2));
    const std::string message = idx_error(path);
    CHECK(message.find(path) != std::string::npos);
    CHECK(message.find("truncated") != std::string::npos);
  }
  SUBCASE("wrong magic number") {
    const std::string path = dir.file("magic.idx");
    bytes[0] = 0x12;
    write_bytes(path, bytes);
    const std::string message = idx_error(path);
    CHECK(message.find(path) != std::string::npos);
    CHECK(message.find("wrong magic number") != std::string::npos);
  }
  SUBCASE("wrong size: trailing bytes") {
    const std::string path = dir.file("long.idx");
    bytes.insert(bytes.end(), {1, 2, 3});
    write_bytes(path, bytes);
    const std::string message = idx_error(path);
    CHECK(message.find("wrong size") != std::string::npos);
    CHECK(message.find("3 trailing bytes") != std::string::npos);
  }
  SUBCASE("unsupported element type") {
    const std::string path = dir.file("float.idx");
    write_bytes(path, {0, 0, 0x0D, 1, 0, 0, 0, 1, 0, 0, 0x80, 0x3f});
    const std::string message = idx_error(path);
    CHECK(message.find("unsupported element type 0x0D") != std::string::npos);
  }
}

TEST_CASE("IDX writer refuses data that does not match the dimensions") {
  sta::test::TempDir dir;
  IdxArray array = sample_array();
  array.data.pop_back();
  const std::string message =
      error_message<DataError>([&] { sta::data::write_idx(dir.file("bad.idx"), array); });
  CHECK(message.find("do not match") != std::string::npos);
}

TEST_CASE("inputs the fuzzer found are refused cleanly (tests/data/fuzz-regressions/idx)") {
  // declares-2GiB-holds-20-bytes.idx: a header claiming 2 GiB of data in a 40-byte file. The
  // reader used to allocate what the header claims before reading (out of memory under the fuzz
  // target's 2 GiB limit); it now grows its buffer with the data that arrives.
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(STA_SOURCE_DIR "/tests/data/fuzz-regressions/idx")) {
    CAPTURE(entry.path().string());
    CHECK_THROWS_WITH_AS(sta::data::read_idx(entry.path().string()), doctest::Contains("truncated"), sta::data::DataError);
    ++files;
  }
  CHECK(files >= 1);
}
