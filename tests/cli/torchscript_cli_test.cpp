// Models in and out through TorchScript with the real executables and Debian's python3-torch.
// Not under sanitizers: Python's side of the models; the C++ side runs there in model:.
#include "core/model/native_backend.h"
#include "core/model/torchscript_backend.h"
#include "core/train/checkpoint.h"
#include "support/model_fixture.h"
#include "support/sta_cli.h"
#include "support/temp_dir.h"

#include <doctest/doctest.h>

#include <fstream>

using namespace sta;

namespace {

nlohmann::json tensor_json(const torch::Tensor& t) {
  auto flat = t.detach().to(torch::kCPU, torch::kFloat).contiguous().flatten();
  return {{"shape", t.sizes().vec()},
          {"values", std::vector<float>(flat.data_ptr<float>(), flat.data_ptr<float>() + flat.numel())}};
}

std::string python(const std::string& arguments) {
  return "/usr/bin/python3 " + test::shell_quote(std::string(STA_SOURCE_DIR) + "/tools/torchscript_example.py") + " " +
         arguments;
}

}  // namespace

TEST_CASE("an exported model loads in PyTorch and gives the C++ values") {
  test::TempDir dir;
  const std::string sta = dir.file("m.sta"), pt = dir.file("m.pt");
  REQUIRE(test::sta_cli("train --preset tiny --data fashion-mnist --steps 3 --out " + sta).exit_code == 0);
  const auto exported = test::sta_cli("export torchscript " + sta + " --out " + pt);
  INFO(exported.output);
  REQUIRE(exported.exit_code == 0);
  CHECK(exported.output.find("TorchScript module (K 3") != std::string::npos);

  auto checkpoint = train::load_checkpoint(sta, torch::kCPU);
  checkpoint.model->eval();
  model::NativeBackend native(*checkpoint.model);
  torch::NoGradGuard no_grad;
  auto input = test::test_frames(*test::digits_data(), 1).select(0, 0).narrow(0, 0, 2);
  auto q = native.encode(input);
  auto latents = q.mean + 0.3;
  auto parts = native.fields(latents, 2.0);
  nlohmann::json reference = {{"t", 2.0},
                              {"input", tensor_json(input)},
                              {"latents", tensor_json(latents)},
                              {"mu", tensor_json(q.mean)},
                              {"log_var", tensor_json(q.log_var)},
                              {"decoded", tensor_json(native.decode(latents))},
                              {"curl_free", tensor_json(parts.curl_free)},
                              {"div_free", tensor_json(parts.div_free)}};
  std::ofstream(dir.file("reference.json")) << reference.dump();
  const auto checked = test::run_command(python("check " + pt + " " + dir.file("reference.json")));
  INFO(checked.output);
  CHECK(checked.exit_code == 0);
  size_t matches = 0;
  for (size_t at = checked.output.find("matches"); at != std::string::npos; at = checked.output.find("matches", at + 1))
    ++matches;
  CHECK(matches == 5);

  // The check can fail: a reference that is off by 0.01 in one output is caught.
  reference["curl_free"] = tensor_json(parts.curl_free + 0.01);
  std::ofstream(dir.file("wrong.json")) << reference.dump();
  const auto wrong = test::run_command(python("check " + pt + " " + dir.file("wrong.json")));
  CHECK(wrong.exit_code == 1);
  CHECK(wrong.output.find("curl_free  DIFFERS") != std::string::npos);
}

TEST_CASE("a model scripted in PyTorch opens in sta eval and sta export traversal") {
  test::TempDir dir;
  const std::string pt = dir.file("flows.pt");
  const auto written = test::run_command(python("write " + pt));
  INFO(written.output);
  REQUIRE(written.exit_code == 0);
  auto backend = model::TorchScriptBackend::load(pt, torch::kCPU);
  CHECK(backend->config().primitives == 3);
  CHECK(backend->config().latent_dim == 8);

  const auto evaluated = test::sta_cli("eval " + pt + " --data fashion-mnist --sequences 2 --samples 1 --json " + dir.file("m.json"));
  INFO(evaluated.output);
  CHECK(evaluated.exit_code == 0);
  CHECK(evaluated.output.find("Log-likelihood bound: not available") != std::string::npos);
  std::ifstream json_file(dir.file("m.json"));
  const auto metrics = nlohmann::json::parse(json_file);
  CHECK(metrics["model_kind"] == "torchscript");
  CHECK(metrics["log_likelihood_bound"].is_null());
  CHECK(metrics["field_exactness"]["relative_divergence"].size() == 3);

  const auto traversal = test::sta_cli("export traversal " + pt + " --data fashion-mnist --out " + dir.file("t.gif"));
  INFO(traversal.output);
  CHECK(traversal.exit_code == 0);
  CHECK(std::filesystem::file_size(dir.file("t.gif")) > 100);

  test::check_one_line_error(test::sta_cli("eval " + pt), pt, "does not record its data: name it with --data");
  test::check_one_line_error(test::sta_cli("train --resume --out " + pt), pt, "is a TorchScript module, not an STA");
  std::ofstream(dir.file("junk.pt"), std::ios::binary) << "PK\x03\x04 not a TorchScript archive";
  test::check_one_line_error(test::sta_cli("eval " + dir.file("junk.pt") + " --data fashion-mnist"), "junk.pt",
                             "not a TorchScript module");
}
