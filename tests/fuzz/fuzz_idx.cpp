// Fuzz target: the IDX reader on raw and gzip files. Any DataError is a proper refusal; a crash, a
// sanitizer report, a leak or an allocation beyond the input's own size is a bug.
#include "core/data/dataset.h"
#include "core/data/idx.h"
#include "fuzz_input.h"

#include <zlib.h>

#include <string>

namespace {

std::string gzip(const uint8_t* data, size_t size) {
  z_stream stream{};
  deflateInit2(&stream, Z_BEST_SPEED, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);  // 15 + 16: gzip wrapper
  std::string out(deflateBound(&stream, size) + 32, '\0');
  stream.next_in = const_cast<Bytef*>(data);
  stream.avail_in = static_cast<uInt>(size);
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

void read(const std::string& path) {
  try {
    const auto array = sta::data::read_idx(path);
    size_t product = array.dims.empty() ? 0 : 1;
    for (uint32_t d : array.dims) product *= d;
    if (array.data.size() != product) __builtin_trap();  // the reader's own promise
  } catch (const sta::data::DataError&) {
  }
}

}  // namespace

// The input is read as it is (raw, or a damaged gzip stream when it starts like one) and,
// gzip-compressed by the harness, as a valid gzip stream around arbitrary IDX bytes.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  read(sta::fuzz::input_file("input.idx", data, size));
  const std::string compressed = gzip(data, size);
  read(sta::fuzz::input_file("input.idx.gz", reinterpret_cast<const uint8_t*>(compressed.data()), compressed.size()));
  return 0;
}
