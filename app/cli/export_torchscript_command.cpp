// `sta export torchscript`: writes an STA checkpoint as a TorchScript module (docs/TORCHSCRIPT.md)
// for torch.jit.load in Python; the file opens back in the studio and every `sta` command.
#include "app/cli/commands.h"

#include "core/export/output_file.h"
#include "core/model/torchscript_backend.h"
#include "core/model/torchscript_export.h"
#include "core/train/checkpoint.h"
#include "core/util/atomic_file.h"

#include <cstdio>
#include <memory>
#include <sstream>

namespace sta::cli {

namespace {

struct TorchScriptArgs {
  std::string checkpoint, out;
};

void run_torchscript_export(const TorchScriptArgs& a) {
  exporting::check_output_folder(a.out);
  auto checkpoint = train::load_checkpoint(a.checkpoint, torch::kCPU);
  checkpoint.model->eval();
  const nlohmann::json metadata = {{"data", train::data_spec_to_json(checkpoint.meta.data)},
                                   {"step", checkpoint.meta.step},
                                   {"preset", checkpoint.meta.train.preset},
                                   {"exported_from", a.checkpoint}};
  auto module = model::torchscript_module(*checkpoint.model, metadata.dump());
  // The module must meet the contract it is written for, before it reaches the disk.
  model::TorchScriptBackend check(module, torch::kCPU, a.out);
  std::ostringstream bytes;
  module.save(bytes);
  write_file_atomically(a.out, bytes.str());
  const auto& c = check.config();
  std::printf("wrote %s: TorchScript module (K %d, D %d, %d px, T %d) of %s at step %lld\n", a.out.c_str(), c.primitives,
              c.latent_dim, c.image_size, c.steps, a.checkpoint.c_str(), static_cast<long long>(checkpoint.meta.step));
}

}  // namespace

void add_export_torchscript_command(CLI::App& export_command) {
  auto args = std::make_shared<TorchScriptArgs>();
  CLI::App* cmd = export_command.add_subcommand(
      "torchscript", "Write a checkpoint as a TorchScript module (docs/TORCHSCRIPT.md) for torch.jit.load in Python");
  cmd->add_option("checkpoint", args->checkpoint, "Checkpoint file (.sta)")->required();
  cmd->add_option("--out", args->out, "Output file (.pt)")->required();
  cmd->callback([args] { run_torchscript_export(*args); });
}

}  // namespace sta::cli
