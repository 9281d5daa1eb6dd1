// Consistent copies of a live database through SQLite's online backup API: the copy is a
// snapshot even while the host keeps writing, and it is checked before it is called done.
#pragma once
#include <filesystem>

#include "store/database.hpp"

namespace cbt::store {

// Copies `db` to `destination` (written to a temporary file, checked with
// PRAGMA integrity_check, then renamed into place). Throws StoreError on failure.
void backup_to(Database& db, const std::filesystem::path& destination);

}  // namespace cbt::store
