// The decoded-IDX cache: hits, stale or damaged entries decoded again, and the files and folders it bypasses.
#include "core/data/idx.h"
#include "core/data/idx_cache.h"
#include "support/temp_dir.h"

#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace fs = std::filesystem;
using sta::data::IdxArray;

namespace {

// 1100 images of 32 x 32: just above the size the cache starts at.
IdxArray images(uint8_t salt) {
  IdxArray array;
  array.dims = {1100, 32, 32};
  for (int i = 0; i < 1100 * 32 * 32; ++i) array.data.push_back(static_cast<uint8_t>(i * 31 + salt + i / 977));
  REQUIRE(array.data.size() >= sta::data::kIdxCacheMinBytes);
  return array;
}

std::string file_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_bytes(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// Sets XDG_CACHE_HOME for the test's lifetime.
struct CacheHome {
  explicit CacheHome(const std::string& path) {
    if (const char* old = std::getenv("XDG_CACHE_HOME")) previous = old;
    setenv("XDG_CACHE_HOME", path.c_str(), 1);
  }
  ~CacheHome() {
    if (previous.empty()) {
      unsetenv("XDG_CACHE_HOME");
    } else {
      setenv("XDG_CACHE_HOME", previous.c_str(), 1);
    }
  }
  std::string previous;
};

std::vector<fs::path> entries(const std::string& folder) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(folder, ec)) out.push_back(e.path());
  return out;
}

}  // namespace

TEST_CASE("decoded IDX cache: used while the source is unchanged, renewed when it or the entry changes") {
  sta::test::TempDir dir;
  const CacheHome home(dir.file("cache"));
  const std::string folder = sta::data::idx_cache_folder();
  CHECK(folder == dir.file("cache") + "/sta-studio");

  const std::string source = dir.file("images-idx3-ubyte.gz");
  sta::data::write_idx(source, images(1));
  CHECK(sta::data::read_idx_cached(source).data == images(1).data);
  REQUIRE(entries(folder).size() == 1);
  const fs::path entry = entries(folder).front();
  const std::string made = file_bytes(entry);

  // Garbage of the same size and time in place of the source: the cache answers (decoding the
  // garbage would throw), so it was used.
  const auto time = fs::last_write_time(source);
  write_bytes(source, std::string(file_bytes(source).size(), 'x'));
  fs::last_write_time(source, time);
  const IdxArray cached = sta::data::read_idx_cached(source);
  CHECK(cached.dims == images(1).dims);
  CHECK(cached.data == images(1).data);

  // A source with a new modification time is decoded again and the entry replaced.
  sta::data::write_idx(source, images(2));
  fs::last_write_time(source, time + std::chrono::seconds(5));
  CHECK(sta::data::read_idx_cached(source).data == images(2).data);
  CHECK(entries(folder).size() == 1);  // replaced, not added beside
  const std::string renewed = file_bytes(entry);
  CHECK(renewed != made);

  // A damaged payload byte fails the checksum: decoded again, entry rewritten intact.
  std::string damaged = renewed;
  damaged[damaged.size() - 7] = static_cast<char>(damaged[damaged.size() - 7] ^ 0x5a);
  write_bytes(entry, damaged);
  CHECK(sta::data::read_idx_cached(source).data == images(2).data);
  CHECK(file_bytes(entry) == renewed);

  // So does a truncated entry.
  write_bytes(entry, renewed.substr(0, renewed.size() / 2));
  CHECK(sta::data::read_idx_cached(source).data == images(2).data);
  CHECK(file_bytes(entry) == renewed);
}

TEST_CASE("decoded IDX cache: raw files and an unwritable cache folder read the source directly") {
  sta::test::TempDir dir;
  const std::string raw = dir.file("images-idx3-ubyte");
  sta::data::write_idx(raw, images(3));
  {
    const CacheHome home(dir.file("cache"));
    CHECK(sta::data::read_idx_cached(raw).data == images(3).data);
    CHECK_FALSE(fs::exists(dir.file("cache")));  // nothing to gain from caching a raw file
  }
  // Small files are decoded every time: nothing is cached for them.
  {
    const CacheHome home(dir.file("cache"));
    IdxArray small;
    small.dims = {10, 8, 8};
    small.data.assign(640, 7);
    sta::data::write_idx(dir.file("small.gz"), small);
    CHECK(sta::data::read_idx_cached(dir.file("small.gz")).data == small.data);
    CHECK_FALSE(fs::exists(dir.file("cache")));
  }
  // A cache "folder" that is a file cannot hold entries: the data still loads.
  write_bytes(dir.file("blocked"), "not a folder");
  const CacheHome home(dir.file("blocked"));
  const std::string gz = dir.file("images.gz");
  sta::data::write_idx(gz, images(4));
  CHECK(sta::data::read_idx_cached(gz).data == images(4).data);
  CHECK(sta::data::read_idx_cached(gz).data == images(4).data);
}
