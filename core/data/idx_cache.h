// A cache of decoded gzipped IDX files, so that a data set is inflated once and later read as raw bytes.
#pragma once

#include "core/data/idx.h"

#include <cstddef>
#include <string>

namespace sta::data {

// Files that decode to less than this are not cached: they decode in an instant, and the entries of
// short-lived files (tests, experiments) would only pile up.
constexpr size_t kIdxCacheMinBytes = size_t{1} << 20;

// The cache lives in $XDG_CACHE_HOME/sta-studio (default ~/.cache/sta-studio), one file per source
// file, named after a hash of its absolute path. An entry is used only when the source's size and
// modification time are those it was made from and its payload has the recorded size and CRC-32.
// Anything else (missing, stale, damaged or unwritable) falls back to decoding the source, and a
// fresh entry replaces the old one (atomically) when the folder is writable.
// read_idx through the cache for gzipped files; other files are read directly. Throws what
// read_idx throws.
IdxArray read_idx_cached(const std::string& path);

// The cache folder, or "" when neither XDG_CACHE_HOME nor HOME is set (no caching then).
std::string idx_cache_folder();

}  // namespace sta::data
