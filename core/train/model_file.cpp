// Model files opened and summarised (see model_file.h).
#include "core/train/model_file.h"

#include "core/model/device.h"
#include "core/model/native_backend.h"
#include "core/model/torchscript_backend.h"
#include "core/train/checkpoint.h"

namespace sta::train {

CheckpointSummary read_checkpoint_summary(const std::string& path) {
  if (model::is_torchscript_file(path)) {
    CheckpointSummary summary;
    summary.preset = "torchscript";
    summary.data.source.clear();  // unknown unless the module says
    const std::string metadata = model::TorchScriptBackend::read_metadata(path);
    if (metadata.empty()) return summary;
    try {
      const auto j = nlohmann::json::parse(metadata);
      summary.data = data_spec_from_json(j.at("data"));
      summary.step = j.at("step").get<int64_t>();
      summary.preset = j.at("preset").get<std::string>();
    } catch (const std::exception& e) {
      throw model::ContractError(path + ": its 'metadata' attribute is not the JSON sta export writes (" + e.what() + ")");
    }
    return summary;
  }
  const CheckpointMeta meta = read_checkpoint_meta(path);
  return {meta.data, meta.step, meta.train.preset, meta.train.reads_ground_truth(), util::name_of(meta.train.curriculum)};
}

namespace {

std::shared_ptr<model::ModelBackend> open_backend(const std::string& path, const torch::Device& device) {
  if (model::is_torchscript_file(path)) return model::TorchScriptBackend::load(path, device);
  return std::make_shared<model::NativeBackend>(load_checkpoint(path, device).model.ptr());
}

}  // namespace

model::Engine load_engine(const std::string& path, const std::string& device) {
  return model::Engine(open_backend(path, model::resolve_device(device)));
}

}  // namespace sta::train
