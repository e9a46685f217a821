// IDX files (the MNIST format), raw or gzip-compressed; only unsigned-byte data.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace sta::data {

// Format: magic 0,0,type,ndims, big-endian dimensions, then the data. Only type 0x08 (unsigned byte)
// is supported, which is what image data sets use.
struct IdxArray {
  std::vector<uint32_t> dims;  // e.g. {60000, 28, 28}
  std::vector<uint8_t> data;   // row-major, product(dims) bytes
};

// Reads a raw or gzipped IDX file. Throws DataError naming the file and the problem
// (missing, truncated, wrong magic, unsupported type, trailing bytes, corrupt gzip).
IdxArray read_idx(const std::string& path);

// Writes an IDX file, gzip-compressed when the path ends in ".gz". Throws DataError.
void write_idx(const std::string& path, const IdxArray& array);

}  // namespace sta::data
