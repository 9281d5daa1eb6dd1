// Online backup: copied in steps so a busy writer is not locked out for the whole copy.
#include "store/backup.hpp"

#include <sqlite3.h>

#include <thread>

namespace cbt::store {

void backup_to(Database& db, const std::filesystem::path& destination) {
    const std::filesystem::path partial = destination.string() + ".partial";
    std::error_code ec;
    std::filesystem::remove(partial, ec);
    sqlite3* out = nullptr;
    if (sqlite3_open(partial.c_str(), &out) != SQLITE_OK) {
        const std::string why = out ? sqlite3_errmsg(out) : "out of memory";
        sqlite3_close(out);
        throw StoreError(SQLITE_CANTOPEN, "cannot create the backup file " + partial.string() + ": " + why);
    }
    sqlite3_backup* job = sqlite3_backup_init(out, "main", db.handle(), "main");
    if (!job) {
        const std::string why = sqlite3_errmsg(out);
        sqlite3_close(out);
        throw StoreError(SQLITE_ERROR, "cannot start the backup: " + why);
    }
    int rc;
    while ((rc = sqlite3_backup_step(job, 256)) == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        std::this_thread::sleep_for(std::chrono::milliseconds(rc == SQLITE_OK ? 0 : 20));
    sqlite3_backup_finish(job);
    if (rc != SQLITE_DONE) {
        const std::string why = sqlite3_errstr(rc);
        sqlite3_close(out);
        std::filesystem::remove(partial, ec);
        throw StoreError(rc, "the backup failed: " + why + (rc == SQLITE_FULL ? "; the target disk is full" : ""));
    }
    sqlite3_close(out);
    {
        Database copy = Database::open(partial);
        Statement check = copy.prepare("PRAGMA integrity_check");
        if (!check.step() || check.column_text(0) != "ok")
            throw StoreError(SQLITE_CORRUPT, "the backup copy failed its integrity check; try again");
    }
    std::filesystem::remove(partial.string() + "-wal", ec);
    std::filesystem::remove(partial.string() + "-shm", ec);
    std::filesystem::rename(partial, destination, ec);
    if (ec) throw StoreError(SQLITE_IOERR, "cannot move the backup into place: " + ec.message());
}

}  // namespace cbt::store
