// `sta export fields` and `sta export spikes`: the studio's field view and spike timeline as SVG figures,
// drawn with app/figures like the Fields and Spikes panels.
#include "app/cli/commands.h"

#include "app/figures/field_figure.h"
#include "app/figures/names.h"
#include "app/figures/spike_figure.h"
#include "core/export/output_file.h"
#include "core/field/slice.h"
#include "core/model/engine.h"
#include "core/train/model_file.h"
#include "core/util/atomic_file.h"

#include <cstdio>
#include <memory>
#include <optional>
#include <stdexcept>

namespace sta::cli {

namespace {

constexpr int kTestSequences = 32;  // as the studio: the latents behind PCA slices and extents

struct FigureArgs {
  std::string model, source, out, part = "whole", slice = "pca", device = "auto";
  std::vector<int> axes{0, 1}, primitives;
  int focus = 0, frame = -1, panel = 320, columns = 0, grid = 64;
  int64_t sequence = 0;
  float density = 1.0f;
};

std::shared_ptr<const data::Dataset> open_data(const FigureArgs& a, const model::Engine& engine) {
  data::DataSpec spec = train::read_checkpoint_summary(a.model).data;
  if (!a.source.empty() && a.source != spec.source) {
    spec.source = a.source;
    spec.transforms.clear();
  }
  if (spec.source.empty()) throw std::runtime_error(a.model + " does not record its data: name it with --data");
  spec.image_size = engine.config().image_size;
  spec.steps = engine.config().steps;
  return data::open_dataset(spec);
}

void check_svg(const std::string& out) {
  const auto dot = out.rfind('.');
  if (dot == std::string::npos || out.substr(dot) != ".svg") throw std::runtime_error(out + ": the figure is written as .svg");
  exporting::check_output_folder(out);
}

void run_fields(const FigureArgs& a) {
  check_svg(a.out);
  const model::Engine engine = train::load_engine(a.model, a.device);
  const auto data = open_data(a, engine);
  figures::FieldRequest request;
  const auto part = figures::parse_name<figures::PartMode>(a.part);
  const auto slice = figures::parse_name<figures::SliceMode>(a.slice);
  if (!part) throw std::runtime_error("--part must be whole, curl-free, divergence-free or both, not '" + a.part + "'");
  if (!slice) throw std::runtime_error("--slice must be axes, pca or velocity-pca, not '" + a.slice + "'");
  const int d = engine.latent_dim(), k = engine.primitives();
  if (a.axes.size() != 2 || !field::two_different_axes(a.axes[0], a.axes[1], d))
    throw std::runtime_error("--axes must be two different latent axes in 0.." + std::to_string(d - 1));
  if (a.focus < 0 || a.focus >= k) throw std::runtime_error("--focus must be a primitive in 0.." + std::to_string(k - 1));
  for (int p : a.primitives)
    if (p < 0 || p >= k) throw std::runtime_error("--primitives must be in 0.." + std::to_string(k - 1));
  request.settings.part = *part;
  request.settings.slice = *slice;
  request.settings.axis_i = a.axes[0];
  request.settings.axis_j = a.axes[1];
  request.settings.focus = a.focus;
  request.settings.density = a.density;
  request.grid_nodes = a.grid;
  request.test_latents = figures::encoded_test_latents(engine, *data, kTestSequences);
  std::string anchor = "the mean test latent";
  std::optional<model::Latent> frame;  // the slice through one frame's latent, as the studio's cursor anchor
  if (a.frame >= 0) {
    const data::Sequence s = data->sequence(data::Split::Test, a.sequence);
    if (a.frame >= static_cast<int>(s.frames.size()))
      throw std::runtime_error("--frame must be in 0.." + std::to_string(s.frames.size() - 1));
    frame = engine.encode({s.frames[a.frame]}).front();
    anchor = "frame " + std::to_string(a.frame) + " of " + s.label;
  }
  request.time = figures::time_at_frame(std::max(a.frame, 0), engine.config().steps);
  request.anchor = figures::anchor_latent(frame ? &*frame : nullptr, request.test_latents, d);
  const figures::FieldLayers layers = figures::compute_field_layers(engine, request);
  figures::FieldFigureOptions options;
  options.primitives = a.primitives;
  options.panel_size = a.panel;
  options.columns = a.columns;
  options.caption = a.part + " field, " + a.slice + " slice through " + anchor + " (" + a.model + ")";
  write_file_atomically(a.out, figures::field_figure_svg(layers, options));
  std::printf("wrote %s: %zu streamlines (one <path> each) in %zu panels\n", a.out.c_str(),
              figures::figure_streamlines(layers, options), options.primitives.empty() ? layers.primitives.size()
                                                                                     : options.primitives.size());
}

void run_spikes(const FigureArgs& a) {
  check_svg(a.out);
  const model::Engine engine = train::load_engine(a.model, a.device);
  const auto data = open_data(a, engine);
  const data::Sequence s = data->sequence(data::Split::Test, a.sequence);
  const model::SequenceInference inference = engine.infer(s);
  write_file_atomically(a.out, figures::spike_figure_svg(inference, figures::truth_labels(s), "spike probabilities, " + s.label));
  std::printf("wrote %s: %zu steps x %d primitives of %s\n", a.out.c_str(), inference.spike_probability.size(),
              engine.primitives(), s.label.c_str());
}

CLI::App* figure_command(CLI::App& parent, const char* name, const char* about, const std::shared_ptr<FigureArgs>& args) {
  CLI::App* cmd = parent.add_subcommand(name, about);
  cmd->add_option("model", args->model, "Model: an STA checkpoint (.sta) or a TorchScript module (.pt)")->required();
  cmd->add_option("--data", args->source, "Data source (default: the one it was trained on)");
  cmd->add_option("--sequence", args->sequence, "Test sequence index")->capture_default_str()->check(CLI::NonNegativeNumber);
  cmd->add_option("--device", args->device, "auto, cpu or cuda")->capture_default_str();
  cmd->add_option("--out", args->out, "Output file (.svg)")->required();
  return cmd;
}

}  // namespace

void add_export_figure_commands(CLI::App& export_command) {
  auto fields_args = std::make_shared<FigureArgs>();
  CLI::App* fields = figure_command(export_command, "fields",
                                    "Streamlines of every primitive's field on a 2-D slice of the latent space as SVG "
                                    "(one <path> per streamline, as the studio's field view)",
                                    fields_args);
  fields->add_option("--part", fields_args->part, "whole, curl-free, divergence-free or both")->capture_default_str();
  fields->add_option("--slice", fields_args->slice, "axes, pca or velocity-pca")->capture_default_str();
  fields->add_option("--axes", fields_args->axes, "Latent axes i,j of --slice axes")->delimiter(',')->expected(2);
  fields->add_option("--focus", fields_args->focus, "Primitive whose velocities orient --slice velocity-pca")
      ->capture_default_str();
  fields->add_option("--primitives", fields_args->primitives, "Panels to draw, e.g. 0,2 (default: all)")->delimiter(',');
  fields->add_option("--frame", fields_args->frame, "Slice through this frame's latent of --sequence (default: the mean)")
      ->check(CLI::NonNegativeNumber);
  fields->add_option("--density", fields_args->density, "Streamline density (1 = 30 lines across)")
      ->capture_default_str()
      ->check(CLI::Range(0.1, 4.0));
  fields->add_option("--grid", fields_args->grid, "Grid nodes per axis")->capture_default_str()->check(CLI::Range(8, 256));
  fields->add_option("--panel", fields_args->panel, "Panel size in px")->capture_default_str()->check(CLI::Range(64, 4096));
  fields->add_option("--columns", fields_args->columns, "Panels per row (default: one row)")->check(CLI::Range(1, 64));
  fields->callback([fields_args] { run_fields(*fields_args); });

  auto spikes_args = std::make_shared<FigureArgs>();
  CLI::App* spikes = figure_command(export_command, "spikes",
                                    "Spike probabilities of each primitive at each step of a test sequence as SVG, "
                                    "with the true transformations under them",
                                    spikes_args);
  spikes->callback([spikes_args] { run_spikes(*spikes_args); });
}

}  // namespace sta::cli
