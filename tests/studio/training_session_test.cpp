// The studio's TrainingSession without a window: snapshots, pause, save, stop, and following another model.
#include "app/studio/compute/training/training_session.h"
#include "core/train/model_file.h"
#include "support/temp_dir.h"

#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <thread>

using sta::studio::TrainingPhase;
using sta::studio::TrainingSession;
using sta::studio::Workspace;

namespace {

// Polls like the frame loop until `done` holds; false after 120 s.
template <class Done>
bool poll_until(TrainingSession& session, Workspace& ws, Done done) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (!done()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    session.poll(ws);
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return true;
}

}  // namespace

TEST_CASE("a training session shows its snapshots in the workspace and pauses saves and stops") {
  Workspace ws;
  REQUIRE(ws.open_data("digits", ""));
  TrainingSession session;
  std::string error;
  CHECK_FALSE(session.start(ws.shared_dataset(), "huge", "cpu", 10, error));
  CHECK(error.find("huge") != std::string::npos);
  REQUIRE(session.start(ws.shared_dataset(), "tiny", "cpu", 1000, error));

  REQUIRE(poll_until(session, ws, [&] { return ws.model() != nullptr; }));
  CHECK(ws.model()->live);
  ws.set_enabled(1, false);
  REQUIRE(poll_until(session, ws, [&] { return session.view().adopted_step >= 10; }));
  CHECK(ws.model()->live);
  CHECK(ws.model()->summary.step >= 10);
  CHECK_FALSE(ws.enabled()[1]);  // the user's choice survives new snapshots
  CHECK(ws.model()->engine.weights_checksum() != session.view().first_checksum);

  session.pause();
  CHECK(session.view().phase == TrainingPhase::Paused);
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));  // lets a step in flight finish
  const int64_t held = session.steps_done();
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  CHECK(session.steps_done() == held);

  sta::test::TempDir dir;
  const std::string path = dir.file("paused.sta");
  REQUIRE(session.save(path));
  REQUIRE(poll_until(session, ws, [&] { return session.view().saves == 1; }));
  CHECK(session.view().last_save.find("saved") == 0);
  CHECK(sta::train::read_checkpoint_summary(path).step == held);

  session.resume();
  REQUIRE(poll_until(session, ws, [&] { return session.steps_done() > held; }));
  session.stop();
  CHECK(session.view().phase == TrainingPhase::Stopped);
  CHECK_FALSE(session.has_trainer());
  CHECK_FALSE(session.save(dir.file("late.sta")));

  // A model loaded by hand stays in view: the session stops following.
  REQUIRE(ws.load_model(path));
  CHECK_FALSE(ws.model()->live);
  session.poll(ws);
  CHECK_FALSE(session.following());
  CHECK(ws.errors().empty());
}
