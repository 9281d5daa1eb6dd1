// The host's end-of-day backup to a dated folder (database, course packages, exports, manifest)
// and its restore on a replacement host; and DATA/last-backup.json, which tells the dashboard how
// the last backup ended. A restore checks everything before it changes anything, and refuses
// while a host serves the folder: the serving host holds DATA/host.lock.
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "base/clock.hpp"
#include "sync/host_store.hpp"

namespace cbt::sync {

// [SECTION] Format
//
//   DIR/<host name>-<YYYYMMDD-HHMMSS>/     local time; "-2", "-3"... when that name is taken
//     classroom.db      store::backup_to's consistent copy
//     packs/<sha256>.cbtpack   each course package the host offered (current versions only)
//     results.csv       `cbt-host export --format csv` of that copy
//     statements.json   `cbt-host export --format xapi` of that copy
//     manifest.json     written last; lists every other file with its size and SHA-256:
//       { "format": 1, "kind": "cbt-host-backup", "program": "cbt-host <version>",
//         "classroom_id": "...", "host": "...", "created": "<ISO 8601 UTC>", "created_ms": N,
//         "counts": { "devices": N, "events": N, "finished_attempts": N },
//         "courses": [ { "id", "version", "sha256", "file": "packs/<sha256>.cbtpack" } ],
//         "files": [ { "path": "classroom.db", "bytes": N, "sha256": "<64 hex>" }, ... ] }
//
// The folder is filled as "<name>.partial", every file fsync'd, and renamed when complete, so a
// folder without ".partial" is a whole backup. Nothing in it is ever overwritten.

inline constexpr int backup_format = 1;
inline constexpr const char* backup_manifest_name = "manifest.json";
// How far a restore moves the command ids and the roster version past the backup's: a failed host
// may have handed kiosks higher ones after the backup, and kiosks only take what is above theirs.
inline constexpr std::int64_t restore_counter_margin = 1'000'000;

// A backup or restore that cannot go ahead; the message says why and what to do, and that
// nothing was changed when that is so.
class BackupError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// What a classroom holds, as the backup summary and the manifest count it.
struct ClassroomCounts {
    std::int64_t devices = 0;            // kiosks that asked to join (any state)
    std::int64_t events = 0;             // journal events of every device
    std::int64_t finished_attempts = 0;  // attempts with an attempt_finished event
};

// Counts a classroom database.
ClassroomCounts count_classroom(store::Database& db);

enum class ExportFormat { Csv, Xapi };
// Exactly what `cbt-host export --format csv|xapi` writes for this classroom.
std::string export_classroom(HostStore& store, ExportFormat format);

// Who writes a backup and when; the clock names the folder and dates the manifest.
struct BackupStamp {
    std::string program_version;  // "0.9.0"
    std::string host_name;        // this machine's name; characters unsafe in a file name become '-'
    const base::Clock* clock = nullptr;
};

// A backup folder as written.
struct BackupSummary {
    std::filesystem::path folder;
    std::string classroom_id;
    ClassroomCounts counts;
    std::vector<course::InstalledCourse> courses;  // the packages copied
};

// Writes a new backup folder in `destination` (which must exist; a missing USB stick is not
// silently replaced by an empty folder). Safe while the host serves. Throws BackupError; a failed
// backup leaves no folder behind.
BackupSummary backup_to_folder(HostStore& store, const std::filesystem::path& destination, const BackupStamp& stamp);

// [SECTION] The last backup's record
//
//   DATA/last-backup.json, replaced by every `cbt-host backup --to` as it ends, so the dashboard
//   (another process, maybe another user: the backup may run as root) can tell the instructor:
//     { "format": 1, "at_ms": N, "ok": true, "folder": "<the backup folder>",
//       "devices": N, "events": N, "finished_attempts": N }
//     { "format": 1, "at_ms": N, "ok": false, "error": "<why>", "devices": N, "events": N }
//   at_ms: when the backup ended (wall clock). The counts of a success are the backup's; those of
//   a failure are the classroom's as it was (0 when it could not be read). Written to a temporary
//   file and renamed over the old one, mode 0644 whatever the umask.

inline constexpr const char* backup_record_name = "last-backup.json";

// How the last backup ended.
struct BackupRecord {
    std::int64_t at_ms = 0;        // when it ended
    bool ok = false;               // a complete backup folder was written
    std::filesystem::path folder;  // that folder (ok only)
    ClassroomCounts counts;        // finished_attempts is recorded for a success only
    std::string error;             // why it failed (failure only)
};

// Replaces DATA/last-backup.json with `record` (DATA must exist). Throws BackupError.
void write_backup_record(const std::filesystem::path& data_dir, const BackupRecord& record);
// DATA/last-backup.json; nullopt when it is missing, unreadable or not a record this version knows.
std::optional<BackupRecord> read_backup_record(const std::filesystem::path& data_dir);

// DATA/host.lock, held with an exclusive flock by a serving host and by a restore, so a restore
// never swaps classroom.db under a running host. Released when the process ends, even by SIGKILL.
class HostLock {
public:
    // Takes the lock without waiting; nullopt when another process holds it. Creates DATA if
    // needed; throws BackupError when the lock file cannot be made (a read-only disk).
    static std::optional<HostLock> try_take(const std::filesystem::path& data_dir);
    ~HostLock();
    HostLock(HostLock&& other) noexcept;
    HostLock& operator=(HostLock&& other) noexcept;
    HostLock(const HostLock&) = delete;

private:
    explicit HostLock(int fd) : fd_(fd) {}
    int fd_ = -1;
};

struct RestoreOptions {
    bool force = false;                  // replace a classroom.db that holds events (kept aside first)
    const base::Clock* clock = nullptr;  // names the file kept aside
};

// What a restore did.
struct RestoreSummary {
    std::string classroom_id;
    ClassroomCounts counts;
    std::vector<course::InstalledCourse> courses;     // packages installed from the backup folder
    std::optional<std::filesystem::path> kept_aside;  // the classroom.db that was in DATA, renamed
    bool from_folder = false;                         // false: a bare .db file, so no courses
};

// Restores a backup folder or a bare classroom .db into `data_dir`: takes DATA/host.lock, checks
// the manifest's checksums, the database's integrity and that it is a host's classroom, refuses a
// DATA whose classroom.db holds events unless options.force, then moves the old classroom.db (with
// its -wal) aside, renames the checked copy into place and installs the backup's course packages.
// Throws BackupError; until the rename, nothing in DATA is changed.
RestoreSummary restore_backup(const std::filesystem::path& backup, const std::filesystem::path& data_dir,
                              const RestoreOptions& options);

}  // namespace cbt::sync
