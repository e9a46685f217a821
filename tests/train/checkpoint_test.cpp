// Checkpoints: bit-identical round trip, atomic replacement, and rejection of truncated,
// corrupt, wrong-version and wrong-shape files with their reason.
#include "core/model/native_backend.h"
#include "core/model/prediction.h"
#include "core/train/adam_state.h"
#include "core/train/checkpoint.h"
#include "core/util/atomic_file.h"
#include "support/error_message.h"
#include "support/model_fixture.h"
#include "support/temp_dir.h"

#include <doctest/doctest.h>

#include <csignal>
#include <filesystem>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace sta;

namespace {

train::CheckpointMeta meta_for(const train::TrainConfig& config) {
  train::CheckpointMeta meta;
  meta.train = config;
  meta.data.source = "digits";
  meta.step = 42;
  meta.metrics = {{"validation_alignment", 0.5}};
  return meta;
}

// Why the checkpoint at `path` does not load, or "" when it does.
std::string error_of(const std::string& path) {
  const std::string message =
      test::error_message<train::CheckpointError>([&] { train::load_checkpoint(path, torch::kCPU); });
  return message == test::kNothingThrown ? "" : message;
}

}  // namespace

TEST_CASE("a saved checkpoint loads back with bit-identical outputs and its metadata") {
  test::TempDir dir;
  auto config = test::tiny_config();
  torch::manual_seed(3);
  model::StaModel m(config.model);
  m->set_slabs_trained(true);
  m->eval();
  torch::optim::Adam optimizer(m->parameters(), torch::optim::AdamOptions(1e-3));
  train::save_checkpoint(dir.file("m.sta"), *m, meta_for(config), &optimizer);

  auto loaded = train::load_checkpoint(dir.file("m.sta"), torch::kCPU);
  CHECK(loaded.meta.step == 42);
  CHECK(loaded.meta.data.source == "digits");
  CHECK(loaded.meta.train.model.latent_dim == config.model.latent_dim);
  CHECK(loaded.meta.metrics["validation_alignment"] == 0.5);
  CHECK_FALSE(loaded.optimizer_state.empty());
  CHECK(loaded.model->slabs_trained());

  auto frames = test::test_frames(*test::digits_data(), 4);
  model::NativeBackend original(*m), reloaded(*loaded.model);
  auto a = model::predict(original, frames), b = model::predict(reloaded, frames);
  CHECK(torch::equal(a.frames, b.frames));
  CHECK(torch::equal(a.z, b.z));
  CHECK(torch::equal(a.spike_probability, b.spike_probability));
  CHECK(train::read_checkpoint_meta(dir.file("m.sta")).step == 42);
}

TEST_CASE("damaged checkpoints are rejected with their reason") {
  test::TempDir dir;
  auto config = test::tiny_config();
  model::StaModel m(config.model);
  const auto path = dir.file("good.sta");
  train::save_checkpoint(path, *m, meta_for(config));
  const std::string bytes = read_file(path);

  SUBCASE("missing") { CHECK(error_of(dir.file("absent.sta")).find("cannot open") != std::string::npos); }
  SUBCASE("not a checkpoint") {
    write_file_atomically(dir.file("x.sta"), "hello, this is not a checkpoint at all");
    CHECK(error_of(dir.file("x.sta")).find("not an STA Studio checkpoint") != std::string::npos);
  }
  SUBCASE("truncated") {
    for (size_t keep : {size_t{10}, bytes.size() / 3, bytes.size() - 1}) {
      write_file_atomically(dir.file("t.sta"), bytes.substr(0, keep));
      CHECK(error_of(dir.file("t.sta")).find("truncated") != std::string::npos);
    }
  }
  SUBCASE("corrupt weights") {
    std::string bad = bytes;
    bad[bad.size() - 100] ^= 0x5a;
    write_file_atomically(dir.file("c.sta"), bad);
    CHECK(error_of(dir.file("c.sta")).find("checksum") != std::string::npos);
  }
  SUBCASE("corrupt header") {
    std::string bad = bytes;
    bad[30] ^= 0x01;
    write_file_atomically(dir.file("h.sta"), bad);
    CHECK(error_of(dir.file("h.sta")).find("header checksum") != std::string::npos);
  }
  SUBCASE("wrong version") {
    std::string bad = bytes;
    bad[8] = 9;  // the u32 version follows the 8-byte magic
    write_file_atomically(dir.file("v.sta"), bad);
    CHECK(error_of(dir.file("v.sta")).find("format version 9") != std::string::npos);
  }
  SUBCASE("wrong shapes") {
    auto other = meta_for(config);
    other.train.model.latent_dim += 1;  // the config no longer matches the stored tensors
    train::save_checkpoint(dir.file("s.sta"), *m, other);
    auto message = error_of(dir.file("s.sta"));
    CHECK(message.find("has shape") != std::string::npos);
    CHECK(message.find("model config implies") != std::string::npos);
  }
}

TEST_CASE("killing a process while it saves never leaves a damaged checkpoint in place") {
  test::TempDir dir;
  auto config = test::tiny_config();
  config.model.base_channels = 32;  // a few MB, so that saves take a while
  config.model.dense = 512;
  model::StaModel m(config.model);
  const auto path = dir.file("live.sta");
  train::save_checkpoint(path, *m, meta_for(config));
  for (int round = 0; round < 5; ++round) {
    pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      for (;;) train::save_checkpoint(path, *m, meta_for(config));
    }
    // Kill it as soon as a save is under way (its temporary file exists).
    const auto temp = path + ".tmp-" + std::to_string(child);
    while (!std::filesystem::exists(temp)) std::this_thread::yield();
    kill(child, SIGKILL);
    waitpid(child, nullptr, 0);
    CHECK(error_of(path).empty());
    std::filesystem::remove(temp);
  }
}

TEST_CASE("checkpoints the fuzzer found are refused with a CheckpointError (tests/data/fuzz-regressions/checkpoint)") {
  // damaged-tensor-index.sta: valid container and CRCs around a header whose tensor index lacks
  // a "shape"; the loader let nlohmann's exception escape instead of naming the file.
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(STA_SOURCE_DIR "/tests/data/fuzz-regressions/checkpoint")) {
    CAPTURE(entry.path().string());
    const std::string message = error_of(entry.path().string());
    CHECK(message.find(entry.path().string()) != std::string::npos);
    ++files;
  }
  CHECK(files >= 1);
}

TEST_CASE("Adam's state survives a checkpoint in its own format, and foreign or damaged state is refused") {
  test::TempDir dir;
  auto config = test::tiny_config();
  torch::manual_seed(5);
  model::StaModel m(config.model);
  torch::optim::Adam adam(m->parameters(), torch::optim::AdamOptions(1e-3));
  for (int step = 0; step < 2; ++step) {  // two steps: every parameter has moments and a count
    adam.zero_grad();
    torch::Tensor loss = torch::zeros({});
    for (const auto& p : m->parameters()) loss = loss + (p * p).sum();
    loss.backward();
    adam.step();
  }
  train::save_checkpoint(dir.file("a.sta"), *m, meta_for(config), &adam);
  const auto loaded = train::load_checkpoint(dir.file("a.sta"), torch::kCPU);
  REQUIRE(train::is_adam_state(loaded.optimizer_state));
  torch::optim::Adam restored(loaded.model->parameters(), torch::optim::AdamOptions(1e-3));
  train::load_optimizer_state(restored, loaded.optimizer_state, torch::kCPU);
  // The same state, parameter by parameter: step counts and both moments, bit for bit.
  CHECK(restored.state().size() == adam.state().size());
  CHECK(train::adam_state_bytes(restored) == train::adam_state_bytes(adam));
  const auto copies = loaded.model->parameters();

  // Damaged: a cut, an index of another model, a LibTorch archive of an older checkpoint.
  torch::optim::Adam fresh(loaded.model->parameters());
  const std::string& state = loaded.optimizer_state;
  CHECK_THROWS_AS(train::load_optimizer_state(fresh, state.substr(0, state.size() - 5), torch::kCPU), train::CheckpointError);
  torch::optim::Adam fewer(std::vector<torch::Tensor>{copies.front()});
  CHECK_THROWS_WITH(train::load_optimizer_state(fewer, state, torch::kCPU), doctest::Contains("parameters"));
  CHECK_THROWS_WITH(train::load_optimizer_state(fresh, std::string("PK\x03\x04archive"), torch::kCPU),
                    doctest::Contains("older checkpoints"));
}

TEST_CASE("a crafted optimiser block the fuzzer found is refused without reaching LibTorch's unpickler") {
  // tests/data/fuzz-regressions/optimizer/crafted-optimizer-archive.sta: valid CRCs around a
  // LibTorch archive whose pickled type names crashed LibTorch's type parser (SEGV) when the
  // optimiser state was read with torch::serialize::InputArchive.
  const std::string path = STA_SOURCE_DIR "/tests/data/fuzz-regressions/optimizer/crafted-optimizer-archive.sta";
  const auto loaded = train::load_checkpoint(path, torch::kCPU);  // the weights themselves are fine
  REQUIRE_FALSE(loaded.optimizer_state.empty());
  CHECK_FALSE(train::is_adam_state(loaded.optimizer_state));
  torch::optim::Adam adam(loaded.model->parameters());
  CHECK_THROWS_AS(train::load_optimizer_state(adam, loaded.optimizer_state, torch::kCPU), train::CheckpointError);
}
