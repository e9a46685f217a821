// IDX reader and writer on zlib's gz* functions, which read raw and gzipped files alike.
#include "core/data/idx.h"

#include "core/data/dataset.h"

#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

namespace sta::data {
namespace {

constexpr int kUnsignedByte = 0x08;
constexpr uint64_t kMaxBytes = uint64_t{1} << 32;

struct GzCloser {
  void operator()(gzFile file) const { gzclose(file); }
};
using GzHandle = std::unique_ptr<gzFile_s, GzCloser>;

[[noreturn]] void fail(const std::string& path, const std::string& problem) {
  throw DataError("IDX file '" + path + "': " + problem);
}

std::string type_name(int type) {
  switch (type) {
    case 0x09: return "signed byte";
    case 0x0B: return "int16";
    case 0x0C: return "int32";
    case 0x0D: return "float32";
    case 0x0E: return "float64";
    default: return "unknown";
  }
}

std::string shape_text(const std::vector<uint32_t>& dims) {
  std::string text;
  for (size_t i = 0; i < dims.size(); ++i) text += (i ? "x" : "") + std::to_string(dims[i]);
  return text;
}

// Reads up to `size` bytes; returns how many arrived (fewer only at the end of the file).
size_t read_some(gzFile file, const std::string& path, uint8_t* out, size_t size) {
  size_t done = 0;
  while (done < size) {
    const unsigned chunk = static_cast<unsigned>(std::min<size_t>(size - done, 1u << 30));
    const int got = gzread(file, out + done, chunk);
    if (got < 0) {
      int code = 0;
      const std::string reason = gzerror(file, &code);
      if (code == Z_BUF_ERROR) fail(path, "truncated: the gzip stream ends early");
      fail(path, "corrupt or unreadable data (" + reason + ")");
    }
    if (got == 0) break;
    done += static_cast<size_t>(got);
  }
  return done;
}

}  // namespace

IdxArray read_idx(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) fail(path, "no such file");
  if (std::filesystem::is_directory(path, ec)) fail(path, "is a folder, not a file");
  GzHandle file(gzopen(path.c_str(), "rb"));
  if (!file) fail(path, "cannot open for reading");

  uint8_t magic[4];
  if (read_some(file.get(), path, magic, 4) < 4) fail(path, "truncated header (shorter than 4 bytes)");
  if (magic[0] != 0 || magic[1] != 0) {
    char hex[16];
    std::snprintf(hex, sizeof hex, "%02X%02X%02X%02X", magic[0], magic[1], magic[2], magic[3]);
    fail(path, std::string("wrong magic number 0x") + hex + " (an IDX file starts with 0x0000TTNN); not an IDX file");
  }
  if (magic[2] != kUnsignedByte) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", magic[2]);
    fail(path, std::string("unsupported element type ") + hex + " (" + type_name(magic[2]) +
                   "); only unsigned bytes (0x08) are supported");
  }
  const int ndims = magic[3];
  if (ndims == 0) fail(path, "wrong magic number: it declares 0 dimensions");

  IdxArray array;
  uint64_t total = 1;
  for (int i = 0; i < ndims; ++i) {
    uint8_t be[4];
    if (read_some(file.get(), path, be, 4) < 4) fail(path, "truncated header (dimension sizes missing)");
    const uint32_t dim = (uint32_t{be[0]} << 24) | (uint32_t{be[1]} << 16) | (uint32_t{be[2]} << 8) | be[3];
    array.dims.push_back(dim);
    total *= dim;
    if (total > kMaxBytes) fail(path, "wrong size: dimensions " + shape_text(array.dims) + "... exceed 4 GiB");
  }

  // Read in chunks, growing the buffer as data arrives: memory follows what the file holds, not
  // what its header claims (a 20-byte file may declare 4 GiB).
  constexpr uint64_t kChunk = uint64_t{1} << 20;
  size_t got = 0;
  while (got < total) {
    const size_t want = static_cast<size_t>(std::min(kChunk, total - got));
    array.data.resize(got + want);
    const size_t arrived = read_some(file.get(), path, array.data.data() + got, want);
    got += arrived;
    if (arrived < want) break;
  }
  array.data.resize(got);
  if (got < total) {
    fail(path, "truncated: header says " + shape_text(array.dims) + " = " + std::to_string(total) +
                   " bytes of data but only " + std::to_string(got) + " follow");
  }
  uint8_t extra[4096];
  size_t trailing = 0;
  while (size_t n = read_some(file.get(), path, extra, sizeof extra)) trailing += n;
  if (trailing > 0) {
    fail(path, "wrong size: " + std::to_string(trailing) + " trailing bytes after the " +
                   shape_text(array.dims) + " data");
  }
  return array;
}

void write_idx(const std::string& path, const IdxArray& array) {
  uint64_t total = 1;
  for (uint32_t dim : array.dims) total *= dim;
  if (array.dims.empty() || array.dims.size() > 255 || total != array.data.size()) {
    fail(path, "cannot write: " + std::to_string(array.data.size()) + " bytes do not match dimensions " +
                   shape_text(array.dims));
  }
  const bool gzip = path.size() > 3 && path.compare(path.size() - 3, 3, ".gz") == 0;
  GzHandle file(gzopen(path.c_str(), gzip ? "wb" : "wbT"));  // T: plain, uncompressed output
  if (!file) fail(path, "cannot open for writing");

  std::vector<uint8_t> header = {0, 0, kUnsignedByte, static_cast<uint8_t>(array.dims.size())};
  for (uint32_t dim : array.dims) {
    for (int shift : {24, 16, 8, 0}) header.push_back(static_cast<uint8_t>(dim >> shift));
  }
  const auto write = [&](const uint8_t* bytes, size_t size) {
    for (size_t done = 0; done < size;) {
      const unsigned chunk = static_cast<unsigned>(std::min<size_t>(size - done, 1u << 30));
      if (gzwrite(file.get(), bytes + done, chunk) != static_cast<int>(chunk)) fail(path, "write failed");
      done += chunk;
    }
  };
  write(header.data(), header.size());
  write(array.data.data(), array.data.size());
  if (gzclose(file.release()) != Z_OK) fail(path, "write failed on close");
}

}  // namespace sta::data
