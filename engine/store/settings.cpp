// Settings table access.
#include "store/settings.hpp"

namespace cbt::store {

std::optional<std::string> read_setting(Database& db, std::string_view key) {
    Statement st = db.prepare("SELECT value FROM settings WHERE key = ?");
    st.bind(1, key);
    if (!st.step()) return std::nullopt;
    return st.column_text(0);
}

void write_setting(Database& db, std::string_view key, std::string_view value) {
    Statement st = db.prepare("INSERT INTO settings(key, value) VALUES (?, ?) "
                              "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    st.bind(1, key).bind(2, value);
    st.run();
}

}  // namespace cbt::store
