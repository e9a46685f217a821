// Workspace -> JSON.
#include "app/studio/scripting/state_json.h"

#include "app/figures/names.h"

namespace sta::studio {

nlohmann::json workspace_json(const Workspace& ws) {
  nlohmann::json out;
  out["data"] = nullptr;
  if (const data::Dataset* d = ws.dataset())
    out["data"] = {{"source", ws.data_source()},
                   {"transforms", d->transforms()},
                   {"image_size", d->image_size()},
                   {"steps", d->spec().steps},
                   {"train_items", d->count(data::Split::Train)},
                   {"test_items", d->count(data::Split::Test)}};
  out["model"] = nullptr;
  if (const LoadedModel* m = ws.model())
    out["model"] = {{"path", m->path},
                    {"kind", m->engine.kind()},
                    {"primitives", m->engine.primitives()},
                    {"latent_dim", m->engine.latent_dim()},
                    {"step", m->summary.step},
                    {"trained_on", m->summary.data.source},
                    {"live", m->live},
                    {"checksum", m->engine.weights_checksum()}};
  const SequenceChoice& s = ws.sequence();
  out["sequence"] = {{"split", figures::name_of(s.split)}, {"index", s.index}, {"mode", figures::name_of(s.mode)}};
  out["cursor"] = ws.cursor();
  out["enabled"] = ws.enabled();
  out["speeds"] = ws.speeds();
  out["composer_steps"] = ws.composer_steps();
  out["playing"] = ws.playing();
  const figures::FieldSettings& f = ws.fields();
  out["fields"] = {{"part", figures::name_of(f.part)},
                   {"slice", figures::name_of(f.slice)},
                   {"axes", {f.axis_i, f.axis_j}},
                   {"anchor", figures::name_of(f.anchor)},
                   {"density", f.density},
                   {"colour", figures::name_of(f.colouring)},
                   {"heat", figures::name_of(f.heat)},
                   {"focus", f.focus},
                   {"view", figures::name_of(f.large)},
                   {"zoom", ws.field_view().zoom},
                   {"centre", {ws.field_view().centre_x, ws.field_view().centre_y}}};
  out["pinned"] = ws.pinned() ? nlohmann::json(*ws.pinned()) : nlohmann::json();
  out["errors"] = ws.errors();
  return out;
}

nlohmann::json training_json(const TrainingView& v, bool following) {
  nlohmann::json terms = nlohmann::json::object();
  for (const TrainingSeries& s : v.history.terms())
    if (!s.values.empty()) terms[s.name] = s.values.back();
  nlohmann::json out = {{"phase", phase_name(v.phase)},
                        {"running", v.phase == TrainingPhase::Running},
                        {"paused", v.phase == TrainingPhase::Paused},
                        {"run", v.run},
                        {"preset", v.preset},
                        {"device", v.device},
                        {"step", v.step},
                        {"total", v.total},
                        {"stage", v.stage},
                        {"loss", v.loss},
                        {"terms", terms},
                        {"points", v.history.terms().empty() ? size_t{0} : v.history.terms().front().values.size()},
                        {"steps_per_second", v.steps_per_second},
                        {"eta_seconds", v.eta_seconds},
                        {"alignment", nullptr},
                        {"events", v.events},
                        {"error", v.error},
                        {"last_save", v.last_save},
                        {"saves", v.saves},
                        {"following", following},
                        {"snapshots_adopted", v.snapshots_adopted},
                        {"adopted_step", v.adopted_step},
                        {"first_checksum", v.first_checksum}};
  if (!v.history.alignment().values.empty()) out["alignment"] = v.history.alignment().values.back();
  return out;
}

}  // namespace sta::studio
