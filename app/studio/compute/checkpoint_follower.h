// CheckpointFollower: keeps the studio on a model file that another process replaces (a synced remote run,
// or a local `sta train`).
#pragma once

#include "app/studio/compute/workspace.h"

#include <cstdint>
#include <optional>
#include <string>

namespace sta::studio {

// Each poll (every frame) stats the file; when its identity (inode, size, modification time) differs
// from the last one tried it loads it. Trainers replace checkpoints with an atomic rename, so a
// changed file is whole; a half-copied or corrupt one is skipped with a message, the current model
// stays, and the file is tried again when it changes again. The first load also opens the data the
// model was trained on; later loads keep the primitive flags and composer speeds.
class CheckpointFollower {
 public:
  // Loads the workspace's followed file if it changed; true when a new model was taken.
  bool poll(Workspace& ws);

 private:
  struct Stamp {
    uint64_t inode = 0, size = 0;
    int64_t modified_ns = 0;
    bool operator==(const Stamp& o) const {
      return inode == o.inode && size == o.size && modified_ns == o.modified_ns;
    }
  };
  std::string path_;           // the file the stamp belongs to
  std::optional<Stamp> tried_;  // the file as it was when last tried
};

}  // namespace sta::studio
