// SVG files of the Fields and Spikes panels (see figure_files.h).
#include "app/studio/compute/figure_files.h"

#include "app/figures/field_figure.h"
#include "app/figures/names.h"
#include "app/figures/spike_figure.h"
#include "core/util/atomic_file.h"

namespace sta::studio {

figures::FieldRequest field_request(Workspace& ws, Derived& derived) {
  figures::FieldRequest request;
  request.settings = ws.fields();
  request.time = figures::time_at_frame(ws.cursor(), ws.steps());
  request.test_latents = derived.test_latents(ws);
  const std::vector<model::Latent>* frames = derived.frame_latents(ws);
  const bool at_cursor = request.settings.anchor == figures::AnchorMode::Cursor && frames &&
                         ws.cursor() < static_cast<int>(frames->size());
  request.anchor = figures::anchor_latent(at_cursor ? &(*frames)[ws.cursor()] : nullptr, request.test_latents,
                                          ws.model()->engine.latent_dim());
  return request;
}

bool save_fields_figure(Workspace& ws, Derived& derived, const std::string& path) {
  if (!ws.model()) {
    ws.report_error("fields figure: no model loaded");
    return false;
  }
  try {
    const figures::FieldRequest request = field_request(ws, derived);
    const figures::FieldLayers layers = figures::compute_field_layers(ws.model()->engine, request);
    figures::FieldFigureOptions options;
    options.caption = std::string(figures::name_of(request.settings.part)) + " field, " + figures::name_of(request.settings.slice) +
                      " slice, t = " + std::to_string(static_cast<int>(request.time)) + " (" + ws.model()->path + ")";
    write_file_atomically(path, figures::field_figure_svg(layers, options));
    return true;
  } catch (const std::exception& e) {
    ws.report_error(std::string("fields figure: ") + e.what());
    return false;
  }
}

bool save_spikes_figure(Workspace& ws, Derived& derived, const std::string& path) {
  const model::SequencePrediction* prediction = derived.prediction(ws);
  const data::Sequence* sequence = derived.sequence(ws);
  if (!prediction || !sequence) {
    ws.report_error("spikes figure: needs a model and a sequence");
    return false;
  }
  try {
    write_file_atomically(path, figures::spike_figure_svg(prediction->inference, figures::truth_labels(*sequence),
                                                 "spike probabilities, " + sequence->label));
    return true;
  } catch (const std::exception& e) {
    ws.report_error(std::string("spikes figure: ") + e.what());
    return false;
  }
}

}  // namespace sta::studio
