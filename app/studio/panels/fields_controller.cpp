// The Fields panel's geometry and uploads (see fields_controller.h).
#include "app/studio/panels/fields_controller.h"

#include "app/studio/compute/figure_files.h"

#include <exception>
#include <string>

namespace sta::studio {

namespace {

// Latents projected onto the slice: x0, y0, x1, y1, ...
std::vector<float> on_slice(const field::Slice& slice, const std::vector<model::Latent>& latents) {
  std::vector<float> xy;
  for (const model::Latent& z : latents) {
    const field::Vec2 p = slice.coordinates(z.data());
    xy.insert(xy.end(), {p.x, p.y});
  }
  return xy;
}

}  // namespace

const figures::FieldLayers* FieldsController::update(Workspace& ws, Derived& derived) {
  const model::Engine& engine = ws.model()->engine;
  figures::FieldRequest request = field_request(ws, derived);
  time_ = request.time;
  const GeometryKey key{ws.model_revision(), ws.data_revision(), figures::geometry_of(request.settings), request.time,
                        request.anchor};
  if (!(requested_key_ && *requested_key_ == key)) {
    requested_ticket_ = worker_.submit(engine, std::move(request));
    requested_key_ = key;
  }
  // Layers of an earlier model stay on screen while the new ones are computed, as long as they
  // fit the model now shown (the same K and D).
  const bool fits = layers_ && static_cast<int>(layers_->primitives.size()) == engine.primitives() &&
                    layers_->slice.dim() == engine.latent_dim();
  if (!fits) return nullptr;
  const figures::FieldLayers* layers = &*layers_;

  if (!painter_) painter_ = std::make_unique<FieldPainter>();
  const figures::FieldSettings& s = ws.fields();
  if (lines_changed_({generation_, s.colouring})) {
    const float side = layers->spec.x1 - layers->spec.x0;
    painter_->set_lines(*layers, s.colouring, side / 6.0f, side / 3.0f);
    ++uploads_;
  }
  if (heat_changed_({generation_, s.heat})) {
    try {
      painter_->set_heat(figures::heat_grids(engine, *layers, s.heat, layers->time), s.heat);
    } catch (const std::exception& e) {
      ws.report_error(std::string("heat map: ") + e.what());
      painter_->set_heat({}, figures::HeatMode::None);
    }
    ++uploads_;
  }
  const model::SequencePrediction* prediction = derived.prediction(ws);
  if (trajectory_changed_({generation_, ws.data_revision(), ws.model_revision(), ws.sequence(), ws.enabled()})) {
    painter_->set_trajectory(prediction ? on_slice(layers->slice, prediction->latents) : std::vector<float>{});
    ++uploads_;
  }
  const Composition* composition = derived.composition(ws);
  if (composed_changed_({generation_, composition ? composition->revision : -1})) {
    painter_->set_composed(composition ? on_slice(layers->slice, composition->latents) : std::vector<float>{});
    ++uploads_;
  }
  return layers;
}

void FieldsController::take_result(Workspace& ws) {
  std::optional<FieldResult> result = worker_.take();
  if (!result) return;
  shown_ticket_ = result->ticket;
  recompute_ms_ = result->compute_ms;
  ++generation_;
  layers_ = std::move(result->layers);
  if (!layers_) ws.report_error("field view: " + result->error);
}

bool FieldsController::settled() const { return requested_ticket_ == shown_ticket_; }

}  // namespace sta::studio
