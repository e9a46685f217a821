// Atomic file writes: the bytes arrive whole, a rewrite replaces them, a stale temporary of a dead
// process is swept, and a failure names the file and leaves the old contents.
#include "core/util/atomic_file.h"
#include "support/temp_dir.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

using sta::test::TempDir;

TEST_CASE("a file written atomically reads back whole, and a rewrite replaces it") {
  TempDir dir;
  const std::string path = dir.file("model.sta");
  std::string bytes(100000, '\0');
  for (size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>(i * 7);
  sta::write_file_atomically(path, bytes);
  CHECK(sta::read_file(path) == bytes);
  sta::write_file_atomically(path, "short");
  CHECK(sta::read_file(path) == "short");
  int entries = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir.path())) ++entries;
  CHECK(entries == 1);  // no temporary left beside it
}

TEST_CASE("a dead process's temporary is swept and a failed write names the file") {
  TempDir dir;
  const std::string path = dir.file("model.sta");
  {
    std::ofstream(dir.file("model.sta.tmp-999999999")) << "half";  // no such process
    std::ofstream(dir.file("model.sta.tmp-notapid")) << "other";   // not a temporary of ours
  }
  sta::write_file_atomically(path, "whole");
  CHECK_FALSE(std::filesystem::exists(dir.file("model.sta.tmp-999999999")));
  CHECK(std::filesystem::exists(dir.file("model.sta.tmp-notapid")));

  const std::string missing = dir.file("no-such-folder/model.sta");
  CHECK_THROWS_WITH_AS(sta::write_file_atomically(missing, "x"),
                       doctest::Contains(dir.file("no-such-folder/model.sta.tmp-").c_str()), std::runtime_error);
  CHECK_THROWS_AS(sta::read_file(missing), std::runtime_error);
  CHECK(sta::read_file(path) == "whole");
}
