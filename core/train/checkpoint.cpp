// Checkpoint writing and validated reading (see checkpoint.h).
#include "core/train/checkpoint.h"

#include "core/train/adam_state.h"

#include "core/util/atomic_file.h"
#include "core/util/json_numbers.h"

#include <zlib.h>

#include <cstring>
#include <limits>
#include <stdexcept>
#include <sstream>

namespace sta::train {

namespace {

// Layout: "STA-CKPT" | u32 version | u64 n | header JSON (n bytes) | u32 crc(header)
//         | u64 m | payload (m bytes: float32 tensors, then optimiser state) | u32 crc(payload)
constexpr char kCheckpointMagic[8] = {'S', 'T', 'A', '-', 'C', 'K', 'P', 'T'};

template <class T>
void put(std::string& out, T value) {
  out.append(reinterpret_cast<const char*>(&value), sizeof(T));
}

uint32_t crc_of(const char* data, size_t size) {
  uLong crc = crc32(0L, Z_NULL, 0);
  while (size > 0) {  // crc32 takes uInt lengths
    uInt chunk = static_cast<uInt>(std::min<size_t>(size, 1u << 30));
    crc = crc32(crc, reinterpret_cast<const Bytef*>(data), chunk);
    data += chunk;
    size -= chunk;
  }
  return static_cast<uint32_t>(crc);
}

std::string shape_text(const std::vector<int64_t>& shape) {
  std::string s = "[";
  for (size_t i = 0; i < shape.size(); ++i) s += (i ? "," : "") + std::to_string(shape[i]);
  return s + "]";
}

// Every tensor of the model, by name, in a stable order.
std::vector<std::pair<std::string, torch::Tensor>> named_tensors(const model::StaModelImpl& m) {
  std::vector<std::pair<std::string, torch::Tensor>> out;
  for (const auto& p : m.named_parameters()) out.emplace_back(p.key(), p.value());
  for (const auto& b : m.named_buffers()) out.emplace_back(b.key(), b.value());
  return out;
}

// A cursor over the file bytes that reports truncation with the file's name.
struct Reader {
  const std::string& bytes;
  const std::string& path;
  size_t pos = 0;
  const char* take(size_t n, const char* what) {
    if (n > bytes.size() - pos) throw CheckpointError("checkpoint '" + path + "' is truncated (" + what + ")");
    const char* p = bytes.data() + pos;
    pos += n;
    return p;
  }
  template <class T>
  T get(const char* what) {
    T v;
    std::memcpy(&v, take(sizeof(T), what), sizeof(T));
    return v;
  }
};

struct ParsedFile {
  nlohmann::json header;
  const char* payload = nullptr;
  size_t payload_size = 0;
};

ParsedFile parse(const std::string& bytes, const std::string& path, bool check_payload) {
  Reader r{bytes, path};
  if (bytes.size() < sizeof(kCheckpointMagic) || std::memcmp(bytes.data(), kCheckpointMagic, sizeof(kCheckpointMagic)) != 0) {
    if (bytes.rfind("PK\x03\x04", 0) == 0)  // a zip archive: most likely a TorchScript module
      throw CheckpointError("'" + path + "' is a TorchScript module, not an STA Studio checkpoint: this needs a .sta file");
    throw CheckpointError("'" + path + "' is not an STA Studio checkpoint (bad magic number)");
  }
  r.take(sizeof(kCheckpointMagic), "magic");
  auto version = r.get<uint32_t>("version");
  if (version != kCheckpointVersion)
    throw CheckpointError("checkpoint '" + path + "' has format version " + std::to_string(version) +
                          "; this build reads version " + std::to_string(kCheckpointVersion));
  auto header_size = r.get<uint64_t>("header size");
  const char* header = r.take(header_size, "header");
  if (r.get<uint32_t>("header checksum") != crc_of(header, header_size))
    throw CheckpointError("checkpoint '" + path + "' is corrupt (header checksum mismatch)");
  ParsedFile f;
  try {
    f.header = nlohmann::json::parse(header, header + header_size);
  } catch (const std::exception& e) {
    throw CheckpointError("checkpoint '" + path + "' has a corrupt header: " + e.what());
  }
  f.payload_size = r.get<uint64_t>("payload size");
  f.payload = r.take(f.payload_size, "weights");
  if (check_payload && r.get<uint32_t>("payload checksum") != crc_of(f.payload, f.payload_size))
    throw CheckpointError("checkpoint '" + path + "' is corrupt (weights checksum mismatch)");
  return f;
}

CheckpointMeta meta_from(const nlohmann::json& h, const std::string& path) {
  try {
    CheckpointMeta m;
    m.train = h.at("train").get<TrainConfig>();
    m.data = data_spec_from_json(h.at("data"));
    m.step = whole_number<int64_t>(h.at("step"), "step");
    m.metrics = h.at("metrics");
    if (h.contains("world_size")) m.world_size = whole_number<int>(h.at("world_size"), "world_size");
    if (m.world_size < 1) throw std::invalid_argument("world_size must be at least 1");
    return m;
  } catch (const std::exception& e) {
    throw CheckpointError("checkpoint '" + path + "' has invalid metadata: " + e.what());
  }
}

}  // namespace

nlohmann::json data_spec_to_json(const data::DataSpec& s) {
  return {{"source", s.source},         {"transforms", s.transforms}, {"steps", s.steps},
          {"seed", s.seed},             {"image_size", s.image_size}, {"video_stride", s.video_stride}};
}

data::DataSpec data_spec_from_json(const nlohmann::json& j) {
  data::DataSpec s;
  j.at("source").get_to(s.source);
  j.at("transforms").get_to(s.transforms);
  s.steps = whole_number<int>(j.at("steps"), "data.steps");
  s.seed = whole_number<uint64_t>(j.at("seed"), "data.seed");
  s.image_size = whole_number<int>(j.at("image_size"), "data.image_size");
  s.video_stride = whole_number<int>(j.at("video_stride"), "data.video_stride");
  return s;
}

void save_checkpoint(const std::string& path, const model::StaModelImpl& model, const CheckpointMeta& meta,
                     const torch::optim::Adam* optimizer) {
  std::string payload;
  nlohmann::json tensors = nlohmann::json::array();
  for (const auto& [name, tensor] : named_tensors(model)) {
    auto t = tensor.detach().to(torch::kCPU, torch::kFloat).contiguous();
    size_t size = static_cast<size_t>(t.numel()) * sizeof(float);
    tensors.push_back({{"name", name}, {"shape", t.sizes().vec()}, {"offset", payload.size()}, {"bytes", size}});
    payload.append(static_cast<const char*>(t.data_ptr()), size);
  }
  nlohmann::json header = {{"train", meta.train}, {"data", data_spec_to_json(meta.data)}, {"step", meta.step},
                           {"world_size", meta.world_size}, {"metrics", meta.metrics}, {"tensors", tensors}, {"optimizer", nullptr}};
  if (optimizer) {
    const std::string state = adam_state_bytes(*optimizer);
    header["optimizer"] = {{"offset", payload.size()}, {"bytes", state.size()}};
    payload += state;
  }
  const std::string header_text = header.dump();
  std::string file(kCheckpointMagic, sizeof(kCheckpointMagic));
  put<uint32_t>(file, kCheckpointVersion);
  put<uint64_t>(file, header_text.size());
  file += header_text;
  put<uint32_t>(file, crc_of(header_text.data(), header_text.size()));
  put<uint64_t>(file, payload.size());
  file += payload;
  put<uint32_t>(file, crc_of(payload.data(), payload.size()));
  write_file_atomically(path, file);
}

CheckpointMeta read_checkpoint_meta(const std::string& path) {
  std::string bytes;
  try {
    bytes = read_file(path);
  } catch (const std::exception& e) {
    throw CheckpointError(e.what());
  }
  return meta_from(parse(bytes, path, false).header, path);
}

LoadedCheckpoint load_checkpoint(const std::string& path, const torch::Device& device) {
  std::string bytes;
  try {
    bytes = read_file(path);
  } catch (const std::exception& e) {
    throw CheckpointError(e.what());
  }
  return load_checkpoint_from_bytes(bytes, path, device);
}

void load_optimizer_state(torch::optim::Adam& optimizer, const std::string& state, const torch::Device& device) {
  load_adam_state(optimizer, state, device);
}

namespace {

// The model of a checkpoint whose config is valid, filled from its weights block.
LoadedCheckpoint load_weights(const ParsedFile& file, const std::string& path, const torch::Device& device,
                              LoadedCheckpoint out) {
  out.model = model::StaModel(out.meta.train.model);

  std::map<std::string, nlohmann::json> stored;
  for (const auto& t : file.header.at("tensors")) stored[t.at("name").get<std::string>()] = t;
  torch::NoGradGuard no_grad;
  for (auto& [name, tensor] : named_tensors(*out.model)) {
    auto it = stored.find(name);
    if (it == stored.end()) throw CheckpointError("checkpoint '" + path + "' lacks tensor '" + name + "'");
    auto shape = whole_numbers<int64_t>(it->second.at("shape"), name + ".shape");
    if (shape != tensor.sizes().vec())
      throw CheckpointError("checkpoint '" + path + "': tensor '" + name + "' has shape " + shape_text(shape) +
                            " but its model config implies " + shape_text(tensor.sizes().vec()));
    auto offset = whole_number<size_t>(it->second.at("offset"), name + ".offset");
    auto size = whole_number<size_t>(it->second.at("bytes"), name + ".bytes");
    if (size != static_cast<size_t>(tensor.numel()) * sizeof(float) || offset > file.payload_size ||
        size > file.payload_size - offset)
      throw CheckpointError("checkpoint '" + path + "': tensor '" + name + "' lies outside the weights block");
    std::memcpy(tensor.data_ptr(), file.payload + offset, size);
    stored.erase(it);
  }
  if (!stored.empty())
    throw CheckpointError("checkpoint '" + path + "' holds tensor '" + stored.begin()->first +
                          "' that its model config does not have");
  const auto& opt = file.header.at("optimizer");
  if (!opt.is_null()) {
    auto offset = whole_number<size_t>(opt.at("offset"), "optimizer.offset"),
         size = whole_number<size_t>(opt.at("bytes"), "optimizer.bytes");
    if (offset > file.payload_size || size > file.payload_size - offset)
      throw CheckpointError("checkpoint '" + path + "': optimiser state lies outside the weights block");
    out.optimizer_state.assign(file.payload + offset, size);
  }
  out.model->to(device);
  out.model->eval();
  return out;
}

}  // namespace

LoadedCheckpoint load_checkpoint_from_bytes(const std::string& bytes, const std::string& path, const torch::Device& device) {
  auto file = parse(bytes, path, true);
  LoadedCheckpoint out;
  out.meta = meta_from(file.header, path);
  try {
    out.meta.train.validate();  // before any memory is taken for the model it describes
    return load_weights(file, path, device, std::move(out));
  } catch (const std::invalid_argument& e) {
    throw CheckpointError("checkpoint '" + path + "' has an invalid config or tensor index: " + e.what());
  } catch (const nlohmann::json::exception& e) {
    throw CheckpointError("checkpoint '" + path + "' has an invalid tensor index: " + e.what());
  }
}

}  // namespace sta::train
