// Learning regression: a small model trained for about two minutes on procedural digits must
// separate rotation, scale and hue: spike alignment >= 0.80 on held-out test sequences. A change
// that breaks learning (inference, curriculum, fields, objective, data) fails here.
// Not under sanitizers: minutes of training find nothing there that the short runs do not.
#include "core/model/native_backend.h"
#include "core/eval/metrics.h"
#include "core/train/trainer.h"
#include "model_fixture.h"

#include <doctest/doctest.h>

using namespace sta;

TEST_CASE("a small model learns to separate rotation, scale and hue" * doctest::skip(!STA_WITH_OPENCV)) {
  auto config = train::make_preset("tiny", 28, 3, 8);
  config.total_steps = 600;
  config.validate_every = 0;
  auto data = test::digits_data();
  train::Trainer trainer(config, data, torch::kCPU);
  trainer.run({});
  eval::EvalOptions options;
  options.sequences = 32;
  options.likelihood_samples = 1;
  model::NativeBackend backend(trainer.model());
  auto report = eval::evaluate(backend, *data, options);
  INFO("alignment " << report.alignment.single_accuracy << ", multi F1 " << report.alignment.multi_f1);
  CHECK(report.alignment.single_accuracy >= 0.80);
  for (size_t m = 0; m < report.transforms.size(); ++m) {  // no transformation is left unlearned
    INFO(report.transforms[m] << ": alignment " << report.alignment.single_accuracy_of[m]);
    CHECK(report.alignment.single_accuracy_of[m] >= 0.5);
  }
}
