// The TorchScript back end: an analytic module through the Engine, contract violations refused, and
// exported checkpoints that match the native model.
#include "core/model/engine.h"
#include "core/model/native_backend.h"
#include "core/model/prediction.h"
#include "core/model/torchscript_backend.h"
#include "core/model/torchscript_export.h"
#include "core/train/checkpoint.h"
#include "core/train/model_file.h"
#include "support/analytic_module.h"
#include "support/error_message.h"
#include "support/model_fixture.h"
#include "support/temp_dir.h"

#include <doctest/doctest.h>

#include <fstream>

using namespace sta;

namespace {

std::string saved(const test::TempDir& dir, torch::jit::Module module, const std::string& name) {
  const std::string path = dir.file(name);
  module.save(path);
  return path;
}

// Why the module with `breakage` is refused, or "accepted".
std::string refusal(test::Breakage breakage) {
  const std::string message = test::error_message<model::ContractError>(
      [&] { model::TorchScriptBackend backend(test::analytic_module(breakage), torch::kCPU, "m.pt"); });
  return message == test::kNothingThrown ? "accepted" : message;
}

}  // namespace

TEST_CASE("an analytic TorchScript module opens through the Engine with its own fields") {
  test::TempDir dir;
  const std::string path = saved(dir, test::analytic_module(), "analytic.pt");
  CHECK(model::is_torchscript_file(path));
  const model::Engine engine = train::load_engine(path);
  CHECK(engine.kind() == "torchscript");
  CHECK(engine.primitives() == 2);
  CHECK(engine.latent_dim() == 4);
  CHECK(engine.config().image_size == 28);
  REQUIRE(engine.has_potentials());

  const std::vector<float> points = {1, 2, 3, 4, -1, 0.5f, 0, 2};
  std::vector<std::vector<float>> whole, curl, div, potential;
  engine.fields(model::FieldPart::Whole, 1.0, points, whole);
  engine.field_parts(1.0, points, curl, div);
  REQUIRE(whole.size() == 2);
  CHECK(whole[0] == std::vector<float>{0.5f, 1, 1.5f, 2, -0.5f, 0.25f, 0, 1});  // the source z / 2
  CHECK(whole[1] == std::vector<float>{-2, 1, 0, 0, -0.5f, -1, 0, 0});          // rotation (-z1, z0)
  CHECK(div[0] == std::vector<float>(8, 0.0f));
  CHECK(curl[1] == std::vector<float>(8, 0.0f));
  engine.potentials(1.0, points, potential);
  CHECK(potential[0][0] == doctest::Approx(0.25 * 30));

  // Roll-out: the generic Euler step over the module's fields.
  const auto rolled = engine.rollout({1, 0, 0, 0}, {{0, 1}, {2, 0}});
  REQUIRE(rolled.size() == 3);
  CHECK(rolled[1] == model::Latent{1, 1, 0, 0});
  CHECK(rolled[2] == model::Latent{2, 2, 0, 0});

  // Prediction: infer says primitive 0 at speed 1, so z_t = 1.5^t z_0.
  auto data = test::digits_data();
  const auto prediction = engine.predict(data->sequence(data::Split::Test, 0));
  REQUIRE(prediction.latents.size() == 9);
  CHECK(prediction.inference.g[3] == std::vector<float>{1, 0});
  CHECK(prediction.latents[2][1] == doctest::Approx(2.25 * prediction.latents[0][1]).epsilon(1e-5));
  CHECK(prediction.frames.size() == 9);
  const auto summary = train::read_checkpoint_summary(path);
  CHECK(summary.preset == "torchscript");
  CHECK(summary.data.source.empty());  // a module without metadata does not say
}

TEST_CASE("a module that breaks the contract is refused with the member named") {
  CHECK(refusal(test::Breakage::None) == "accepted");
  const std::string missing_method = refusal(test::Breakage::MissingInfer);
  CHECK(missing_method.find("method 'infer' is missing") != std::string::npos);
  CHECK(missing_method.find("m.pt") != std::string::npos);
  CHECK(refusal(test::Breakage::WrongFieldShape).find("fields' div_free has shape [3, 2, 4], expected [2, 2, 4]") !=
        std::string::npos);
  CHECK(refusal(test::Breakage::MissingAttribute).find("int attribute 'primitives' is missing") != std::string::npos);
  CHECK(refusal(test::Breakage::StringAttribute).find("attribute 'latent_dim' must be an int") != std::string::npos);
  CHECK(refusal(test::Breakage::ZeroLatentDim).find("'latent_dim' must be in 1..4096, it is 0") != std::string::npos);

  test::TempDir dir;
  std::ofstream(dir.file("junk.pt"), std::ios::binary) << "PK\x03\x04 not really a zip";
  CHECK_THROWS_AS(train::load_engine(dir.file("junk.pt")), model::ContractError);
}

TEST_CASE("an exported checkpoint gives the native model's outputs") {
  torch::manual_seed(11);
  for (bool slabs : {false, true}) {
    CAPTURE(slabs);
    model::StaModel m(test::tiny_config().model);
    m->set_slabs_trained(slabs);
    m->eval();
    test::TempDir dir;
    const nlohmann::json metadata = {{"data", train::data_spec_to_json(data::DataSpec{})}, {"step", 7}, {"preset", "tiny"}};
    const std::string path = saved(dir, model::torchscript_module(*m, metadata.dump()), "m.pt");
    auto exported = model::TorchScriptBackend::load(path, torch::kCPU);
    model::NativeBackend native(*m);
    torch::NoGradGuard no_grad;

    auto frames = test::test_frames(*test::digits_data(), 3);
    auto x = frames.flatten(0, 1);
    auto a = native.encode(x), b = exported->encode(x);
    CHECK(torch::allclose(a.mean, b.mean, 1e-4, 1e-5));
    CHECK(torch::allclose(a.log_var, b.log_var, 1e-4, 1e-5));
    CHECK(torch::allclose(native.decode(a.mean), exported->decode(a.mean), 1e-4, 1e-5));
    auto fa = native.fields(a.mean, 2.0), fb = exported->fields(a.mean, 2.0);
    CHECK(torch::allclose(fa.curl_free, fb.curl_free, 1e-4, 1e-5));
    CHECK(torch::allclose(fa.div_free, fb.div_free, 1e-4, 1e-5));
    CHECK(torch::allclose(native.potentials(a.mean, 2.0), exported->potentials(a.mean, 2.0), 1e-4, 1e-4));
    auto ia = native.infer(frames), ib = exported->infer(frames);
    CHECK(torch::allclose(ia.spike_probability, ib.spike_probability, 1e-3, 1e-4));
    CHECK(torch::allclose(ia.slab, ib.slab, 1e-3, 1e-4));
    auto pa = model::predict(native, frames), pb = model::predict(*exported, frames);
    CHECK(torch::allclose(pa.frames, pb.frames, 1e-3, 1e-4));

    const auto summary = train::read_checkpoint_summary(path);
    CHECK(summary.data.source == "digits");
    CHECK(summary.step == 7);
  }
}

TEST_CASE("export refuses models it cannot express") {
  auto config = test::tiny_config().model;
  config.mlp_fields = true;
  model::StaModel m(config);
  CHECK_THROWS_WITH_AS(model::torchscript_module(*m, ""), doctest::Contains("linear fields"), std::invalid_argument);
}
