// Following a model file as it is replaced (see checkpoint_follower.h).
#include "app/studio/compute/checkpoint_follower.h"

#include "core/train/model_file.h"

#include <sys/stat.h>

namespace sta::studio {

bool CheckpointFollower::poll(Workspace& ws) {
  FollowStatus* status = ws.follow_status();
  if (!status) {
    tried_.reset();
    return false;
  }
  if (status->path != path_) {  // a new file to follow
    path_ = status->path;
    tried_.reset();
  }
  struct stat info {};
  if (::stat(path_.c_str(), &info) != 0) return false;  // not there (yet)
  const Stamp stamp{static_cast<uint64_t>(info.st_ino), static_cast<uint64_t>(info.st_size),
                    int64_t{info.st_mtim.tv_sec} * 1000000000 + info.st_mtim.tv_nsec};
  if (tried_ && *tried_ == stamp) return false;
  tried_ = stamp;
  const bool first = status->loads == 0;
  std::optional<model::Engine> engine;
  train::CheckpointSummary summary;
  try {
    engine.emplace(train::load_engine(path_));
    summary = train::read_checkpoint_summary(path_);
  } catch (const std::exception& e) {
    ++status->skipped;
    ws.report_error("follow: skipped " + path_ + " (" + e.what() + "); keeping the current model");
    return false;
  }
  const bool taken = first ? ws.load_model(path_, true) : ws.adopt_model(std::move(*engine), path_, summary, false);
  status = ws.follow_status();  // still following (loading does not stop it)
  if (!taken || !status) return false;
  ++status->loads;
  status->step = summary.step;
  status->changed_at = static_cast<double>(stamp.modified_ns) * 1e-9;
  return true;
}

}  // namespace sta::studio
