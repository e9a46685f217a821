// SVG figures of the Fields and Spikes panels (see figures.h).
#include "app/studio/compute/figures.h"

#include "app/studio/compute/field_figure.h"
#include "app/studio/compute/names.h"
#include "app/studio/compute/spike_figure.h"
#include "core/util/atomic_file.h"

#include <algorithm>

namespace sta::studio {

FieldRequest field_request(Workspace& ws, Derived& derived) {
  FieldRequest request;
  request.settings = ws.fields();
  request.time = std::max(1, std::min(ws.cursor() + 1, ws.steps()));
  request.test_latents = derived.test_latents(ws);
  const std::vector<model::Latent>* frames = derived.frame_latents(ws);
  if (request.settings.anchor == AnchorMode::Cursor && frames && ws.cursor() < static_cast<int>(frames->size()))
    request.anchor = (*frames)[ws.cursor()];
  else
    request.anchor = mean_latent(request.test_latents, ws.model()->engine.latent_dim());
  return request;
}

bool save_fields_figure(Workspace& ws, Derived& derived, const std::string& path) {
  if (!ws.model()) {
    ws.report_error("fields figure: no model loaded");
    return false;
  }
  try {
    const FieldRequest request = field_request(ws, derived);
    const FieldLayers layers = compute_field_layers(ws.model()->engine, request);
    FieldFigureOptions options;
    options.caption = std::string(name_of(request.settings.part)) + " field, " + name_of(request.settings.slice) +
                      " slice, t = " + std::to_string(static_cast<int>(request.time)) + " (" + ws.model()->path + ")";
    write_file_atomically(path, field_figure_svg(layers, options));
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
    write_file_atomically(path, spike_figure_svg(prediction->inference, truth_labels(*sequence),
                                                 "spike probabilities, " + sequence->label));
    return true;
  } catch (const std::exception& e) {
    ws.report_error(std::string("spikes figure: ") + e.what());
    return false;
  }
}

}  // namespace sta::studio
