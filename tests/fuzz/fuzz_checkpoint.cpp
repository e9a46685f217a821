// Fuzz target: the checkpoint loader, from container and header to weights and optimiser state.
// A CheckpointError is a proper refusal; anything else escaping, a crash or a sanitizer report is a bug.
#include "core/train/checkpoint.h"

#include <zlib.h>

#include <cstring>
#include <string>

namespace {

template <class T>
void put(std::string& out, T value) {
  out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

uint32_t crc(const std::string& bytes) {
  return static_cast<uint32_t>(crc32(crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef*>(bytes.data()), bytes.size()));
}

// The layout save_checkpoint writes: magic, version, header length, header, its CRC, payload
// length, payload, its CRC (little-endian).
std::string container(const std::string& header, const std::string& payload) {
  std::string file = "STA-CKPT";
  put<uint32_t>(file, sta::train::kCheckpointVersion);
  put<uint64_t>(file, header.size());
  file += header;
  put<uint32_t>(file, crc(header));
  put<uint64_t>(file, payload.size());
  file += payload;
  put<uint32_t>(file, crc(payload));
  return file;
}

}  // namespace

// Reaches the container (magic, version, lengths, CRCs), JSON header and config, tensor index,
// weights payload and the optional optimiser state (restored into an Adam optimiser as a resumed run
// does). Half the inputs are taken as whole files; the other half (odd first byte) are wrapped into a
// container with correct lengths and CRCs (bytes 1-2 give the header's length), so that the fuzzer
// reaches the parts behind the CRCs.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 3) return 0;
  std::string bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (data[0] & 1) {  // wrapped: bytes 1-2 give the header's length, little-endian
    const size_t header_end = std::min(bytes.size() - 2, static_cast<size_t>(data[1] | data[2] << 8));
    bytes = container(bytes.substr(2, header_end), bytes.substr(2 + header_end));
  }
  try {
    auto checkpoint = sta::train::load_checkpoint_from_bytes(bytes, "fuzz.sta", torch::kCPU);
    if (!checkpoint.optimizer_state.empty()) {
      torch::optim::Adam adam(checkpoint.model->parameters());
      sta::train::load_optimizer_state(adam, checkpoint.optimizer_state, torch::kCPU);
    }
  } catch (const sta::train::CheckpointError&) {
  }
  return 0;
}
