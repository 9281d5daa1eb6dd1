// Small key-value settings kept beside the journal (device identity, seat number, ...).
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "store/database.hpp"

namespace cbt::store {

// Reads a setting; empty when it was never set. The journal's migrations must have run.
std::optional<std::string> read_setting(Database& db, std::string_view key);
// Sets or replaces a setting durably.
void write_setting(Database& db, std::string_view key, std::string_view value);

}  // namespace cbt::store
