// `sta export traversal`: what a checkpoint's primitives do to a real frame, as GIF, MP4, PNG or SVG strip.
#include "app/cli/commands.h"
#include "app/cli/enum_option.h"

#include "core/export/export_file.h"
#include "core/export/output_file.h"
#include "core/export/traversal.h"
#include "core/model/engine.h"
#include "core/train/model_file.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <sstream>
#include <stdexcept>

namespace sta::cli {

namespace {

constexpr int kMinFramePixels = 128;  // default --scale enlarges frames to at least this

struct TraversalArgs {
  std::string checkpoint, source, slabs, device = "auto", out;
  data::Split split = data::Split::Test;
  int64_t sequence = 0;
  int primitive = 0, steps = 0, scale = 0;
  float speed = 1.0f;
  double fps = 8;
};

// "0.5,-1,0" -> {0.5, -1, 0}; `count` values expected.
std::vector<float> parse_slabs(const std::string& text, int count) {
  std::vector<float> slabs;
  std::stringstream list(text);
  for (std::string item; std::getline(list, item, ',');) {
    char* end = nullptr;
    errno = 0;
    const float value = std::strtof(item.c_str(), &end);
    if (item.empty() || *end != '\0' || errno != 0)
      throw std::runtime_error("--slabs: '" + item + "' is not a number");
    slabs.push_back(value);
  }
  if (static_cast<int>(slabs.size()) != count)
    throw std::runtime_error("--slabs '" + text + "' has " + std::to_string(slabs.size()) +
                             " values but the model has " + std::to_string(count) + " primitives");
  return slabs;
}

std::string describe(const std::vector<float>& slabs) {
  std::string text;
  for (size_t k = 0; k < slabs.size(); ++k) {
    if (slabs[k] == 0.0f) continue;
    char item[64];
    std::snprintf(item, sizeof item, "%sprimitive %zu at speed %g", text.empty() ? "" : ", ", k, slabs[k]);
    text += item;
  }
  return text.empty() ? "no primitive (all speeds 0)" : text;
}

// Decodes the traversal from frame 0 of a data sequence; strips show the input frame, then the
// decoded traversal.
void run_traversal(const TraversalArgs& a) {
  const auto format = exporting::output_format(a.out);
  exporting::check_output_folder(a.out);  // before the slow part
  const model::Engine engine = train::load_engine(a.checkpoint, a.device);
  const auto& config = engine.config();

  data::DataSpec spec = train::read_checkpoint_summary(a.checkpoint).data;
  if (!a.source.empty() && a.source != spec.source) {
    spec.source = a.source;
    spec.transforms.clear();  // the new source's own set
  }
  if (spec.source.empty()) throw std::runtime_error(a.checkpoint + " does not record its data: name it with --data");
  spec.image_size = config.image_size;  // any source, resized to what the model expects
  const auto dataset = data::open_dataset(spec);
  const data::Sequence sequence = dataset->sequence(a.split, a.sequence);

  const std::vector<float> slabs = a.slabs.empty()
                                       ? exporting::single_primitive_slabs(config.primitives, a.primitive, a.speed)
                                       : parse_slabs(a.slabs, config.primitives);
  const int steps = a.steps > 0 ? a.steps : config.steps;
  const exporting::Traversal traversal = exporting::traverse(engine, sequence.frames.front(), slabs, steps);

  std::vector<Image> frames = traversal.frames;
  if (format == exporting::OutputFormat::Png || format == exporting::OutputFormat::Svg)
    frames.insert(frames.begin(), sequence.frames.front());  // a strip: the input frame first
  exporting::ExportOptions options;
  options.scale = a.scale > 0 ? a.scale : (kMinFramePixels + config.image_size - 1) / config.image_size;
  options.fps = a.fps;
  exporting::write_frames(a.out, frames, options);

  const int side = config.image_size * options.scale;
  std::printf("wrote %s: %zu frames of %dx%d px, %s for %d steps from frame 0 of %s\n", a.out.c_str(), frames.size(),
              side, side, describe(slabs).c_str(), steps, sequence.label.c_str());
}

}  // namespace

void add_export_command(CLI::App& app) {
  CLI::App* cmd = app.add_subcommand("export", "Export decoded traversals (GIF, MP4, PNG), SVG figures of fields and spikes, or a model as TorchScript");
  cmd->require_subcommand(1);

  auto args = std::make_shared<TraversalArgs>();
  CLI::App* traversal = cmd->add_subcommand(
      "traversal",
      "Encode frame 0 of a data sequence, roll it out along the primitives with fixed speeds "
      "(z_t = z_{t-1} + sum_k g_k v_k(z_{t-1}, t)) and write the decoded frames z_0..z_N");
  traversal->add_option("checkpoint", args->checkpoint, "Model: an STA checkpoint (.sta) or a TorchScript module (.pt)")->required();
  traversal->add_option("--data", args->source, "Data source of the start frame (default: the one it was trained on)");
  traversal->add_option("--sequence", args->sequence, "Index of the sequence whose frame 0 starts the traversal")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  add_enum_option(traversal, "--split", args->split, "Split to draw the sequence from");
  auto* primitive = traversal->add_option("--primitive", args->primitive, "Primitive k to run (the others stay off)")
                        ->capture_default_str();
  auto* speed = traversal->add_option("--speed", args->speed, "Speed (slab) of that primitive; negative runs it backwards")
                    ->capture_default_str();
  auto* slabs = traversal->add_option("--slabs", args->slabs, "Speeds of all K primitives, comma-separated (s0,s1,...)");
  slabs->excludes(primitive)->excludes(speed);
  traversal->add_option("--steps", args->steps, "Roll-out steps N (N+1 frames; default: the model's T)")
      ->check(CLI::Range(1, 10000));
  traversal->add_option("--scale", args->scale, "Whole-number enlargement of each frame (default: to >= 128 px)")
      ->check(CLI::Range(1, 64));
  traversal->add_option("--fps", args->fps, "Frames per second of a GIF or MP4")->capture_default_str()
      ->check(CLI::Range(0.1, 100.0));
  traversal->add_option("--device", args->device, "auto, cpu or cuda")->capture_default_str();
  traversal->add_option("--out", args->out, "Output file: .gif, .mp4, .png or .svg (png and svg: input frame + traversal in one row)")
      ->required();
  traversal->callback([args] { run_traversal(*args); });
  add_export_torchscript_command(*cmd);
  add_export_figure_commands(*cmd);
}

}  // namespace sta::cli
