// The decoded-IDX cache (see idx_cache.h): reading, validating and writing its entries.
#include "core/data/idx_cache.h"

#include "core/util/atomic_file.h"

#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace sta::data {
namespace {

// An entry is a header, then the payload: "STAIDXC1", u64 source size, i64 source modification time,
// u32 dimension count, u32 dimensions..., u64 payload size, u32 CRC-32 of the payload, in the
// machine's byte order (a cache never leaves the machine that wrote it).
constexpr char kMagic[8] = {'S', 'T', 'A', 'I', 'D', 'X', 'C', '1'};
constexpr uint32_t kMaxDims = 8;
constexpr uint64_t kMaxPayload = uint64_t{1} << 36;  // far above any image set

struct Source {
  uint64_t size = 0;
  int64_t modified = 0;
};

uint32_t checksum(const uint8_t* bytes, size_t size) {
  uLong crc = crc32(0L, Z_NULL, 0);
  constexpr size_t kChunk = 1u << 30;  // zlib takes 32-bit lengths
  for (size_t done = 0; done < size; done += kChunk)
    crc = crc32(crc, bytes + done, static_cast<uInt>(std::min(kChunk, size - done)));
  return static_cast<uint32_t>(crc);
}

bool is_gzip(const std::string& path) { return path.size() > 3 && path.compare(path.size() - 3, 3, ".gz") == 0; }

// The entry's path: the folder, a hash of the source's absolute path, and its file name.
fs::path entry_path(const std::string& folder, const std::string& source) {
  std::error_code ec;
  const std::string absolute = fs::absolute(source, ec).lexically_normal().string();
  const uint32_t hash = checksum(reinterpret_cast<const uint8_t*>(absolute.data()), absolute.size());
  char prefix[16];
  std::snprintf(prefix, sizeof prefix, "%08x-", hash);
  return fs::path(folder) / (prefix + fs::path(source).filename().string() + ".decoded");
}

template <class T>
bool read_value(std::ifstream& in, T& value) {
  return static_cast<bool>(in.read(reinterpret_cast<char*>(&value), sizeof value));
}

template <class T>
void append_value(std::string& out, const T& value) {
  out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

// The cached array, when the entry exists, was made from this source and is intact.
bool read_entry(const fs::path& path, const Source& source, IdxArray& out) {
  std::ifstream in(path, std::ios::binary);
  char magic[sizeof kMagic];
  Source made;
  uint32_t count = 0, crc = 0;
  uint64_t payload = 0;
  if (!in.read(magic, sizeof magic) || std::memcmp(magic, kMagic, sizeof kMagic) != 0) return false;
  if (!read_value(in, made.size) || !read_value(in, made.modified) || !read_value(in, count)) return false;
  if (made.size != source.size || made.modified != source.modified || count == 0 || count > kMaxDims) return false;
  IdxArray array;
  array.dims.resize(count);
  uint64_t elements = 1;
  for (uint32_t& d : array.dims) {
    if (!read_value(in, d) || (d != 0 && elements > kMaxPayload / d)) return false;
    elements *= d;
  }
  if (!read_value(in, payload) || !read_value(in, crc) || payload != elements) return false;
  std::error_code ec;
  const uint64_t file_size = fs::file_size(path, ec);
  if (ec || file_size != static_cast<uint64_t>(in.tellg()) + payload) return false;
  array.data.resize(payload);
  if (!in.read(reinterpret_cast<char*>(array.data.data()), static_cast<std::streamsize>(payload))) return false;
  if (checksum(array.data.data(), array.data.size()) != crc) return false;
  out = std::move(array);
  return true;
}

void write_entry(const fs::path& path, const Source& source, const IdxArray& array) {
  std::string bytes(kMagic, sizeof kMagic);
  append_value(bytes, source.size);
  append_value(bytes, source.modified);
  append_value(bytes, static_cast<uint32_t>(array.dims.size()));
  for (uint32_t d : array.dims) append_value(bytes, d);
  append_value(bytes, static_cast<uint64_t>(array.data.size()));
  append_value(bytes, checksum(array.data.data(), array.data.size()));
  bytes.append(reinterpret_cast<const char*>(array.data.data()), array.data.size());
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  write_file_atomically(path.string(), bytes);
}

}  // namespace

std::string idx_cache_folder() {
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return (fs::path(xdg) / "sta-studio").string();
  if (const char* home = std::getenv("HOME"); home && *home) return (fs::path(home) / ".cache" / "sta-studio").string();
  return "";
}

IdxArray read_idx_cached(const std::string& path) {
  const std::string folder = idx_cache_folder();
  std::error_code size_error, time_error;
  const Source source{fs::file_size(path, size_error),
                      static_cast<int64_t>(fs::last_write_time(path, time_error).time_since_epoch().count())};
  if (!is_gzip(path) || folder.empty() || size_error || time_error) return read_idx(path);
  const fs::path entry = entry_path(folder, path);
  IdxArray array;
  if (read_entry(entry, source, array)) return array;
  array = read_idx(path);
  if (array.data.size() < kIdxCacheMinBytes) return array;
  try {
    write_entry(entry, source, array);
  } catch (const std::exception&) {
    // A cache that cannot be written (read-only home, full disk) only costs the next start
    // the same decoding; the data itself was read correctly.
  }
  return array;
}

}  // namespace sta::data
