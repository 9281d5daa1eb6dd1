// Backup folders and restores for the host, and the record of how the last backup ended. Files
// are written with POSIX calls rather than streams, so a full disk or a pulled USB stick is
// reported by its errno, and each is fsync'd.
// A restore copies the database into DATA first and checks that copy: what is checked is what
// is installed, and the backup itself is never opened for writing.
#include "sync/host_backup.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <nlohmann/json.hpp>
#include <set>

#include "base/sha256.hpp"
#include "base/unique_fd.hpp"
#include "report/export.hpp"
#include "store/backup.hpp"
#include "store/settings.hpp"

namespace cbt::sync {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr const char* partial_suffix = ".partial";
constexpr const char* db_name = "classroom.db";

using Fd = base::UniqueFd;

// What a trainer can do about a failed write, by its errno.
std::string write_advice(int error) {
    switch (error) {
        case ENOSPC:
        case EDQUOT:
            return " The disk is full: free some space or use a bigger USB stick, then try again.";
        case EROFS:
            return " The disk is read-only: check the USB stick's lock switch, or choose another folder.";
        case EACCES:
        case EPERM:
            return " This user may not write there: choose a folder you can write to.";
        case EIO:
        case ENODEV:
        case ENXIO:
            return " The disk reported an error: was the USB stick removed? Check it and try again.";
        default:
            return "";
    }
}

std::string write_failure(const fs::path& what, int error) {
    return "cannot write " + what.string() + ": " + std::strerror(error) + "." + write_advice(error);
}

std::string read_failure(const fs::path& what, int error) {
    return "cannot read " + what.string() + ": " + std::strerror(error) + "." +
           (error == EIO ? " The disk reported an error: the USB stick may be failing." : "");
}

void write_all(int fd, const char* data, std::size_t size, const fs::path& path) {
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw BackupError(write_failure(path, errno));
        data += n;
        size -= static_cast<std::size_t>(n);
    }
}

// fsync, then close, both checked: a write the disk could not keep shows up here.
void finish_file(Fd& fd, const fs::path& path) {
    if (::fsync(fd.get()) != 0 || fd.close() != 0) throw BackupError(write_failure(path, errno));
}

// Makes the entries of a folder (new files, renames) survive a power cut.
void sync_folder(const fs::path& dir) {
    Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fd.get() < 0 || ::fsync(fd.get()) != 0) {
        // Some file systems refuse fsync on a folder; the files themselves are synced already.
        if (errno != EINVAL && errno != EBADF && fd.get() >= 0) throw BackupError(write_failure(dir, errno));
    }
}

void sync_file(const fs::path& path) {
    Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) throw BackupError(read_failure(path, errno));
    finish_file(fd, path);
}

// Writes a new file (never over an existing one) and returns its SHA-256.
std::string write_new_file(const fs::path& path, std::string_view bytes) {
    Fd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644));
    if (fd.get() < 0) throw BackupError(write_failure(path, errno));
    write_all(fd.get(), bytes.data(), bytes.size(), path);
    finish_file(fd, path);
    return base::sha256_hex(bytes);
}

// Copies a file to a new one, fsync'd; returns the SHA-256 of the bytes copied.
std::string copy_new_file(const fs::path& from, const fs::path& to) {
    Fd in(::open(from.c_str(), O_RDONLY | O_CLOEXEC));
    if (in.get() < 0) throw BackupError(read_failure(from, errno));
    Fd out(::open(to.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644));
    if (out.get() < 0) throw BackupError(write_failure(to, errno));
    base::Sha256 digest;
    std::string buffer(1 << 16, '\0');
    for (;;) {
        const ssize_t n = ::read(in.get(), buffer.data(), buffer.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw BackupError(read_failure(from, errno));
        if (n == 0) break;
        digest.update(std::string_view(buffer.data(), static_cast<std::size_t>(n)));
        write_all(out.get(), buffer.data(), static_cast<std::size_t>(n), to);
    }
    finish_file(out, to);
    return digest.hex_digest();
}

std::string file_sha256(const fs::path& path, std::uint64_t* bytes = nullptr) {
    Fd in(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (in.get() < 0) throw BackupError(read_failure(path, errno));
    base::Sha256 digest;
    std::string buffer(1 << 16, '\0');
    std::uint64_t total = 0;
    for (;;) {
        const ssize_t n = ::read(in.get(), buffer.data(), buffer.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw BackupError(read_failure(path, errno));
        if (n == 0) break;
        total += static_cast<std::uint64_t>(n);
        digest.update(std::string_view(buffer.data(), static_cast<std::size_t>(n)));
    }
    if (bytes) *bytes = total;
    return digest.hex_digest();
}

// rename() that never replaces: EEXIST when `to` is taken. Falls back to a check and a plain
// rename on file systems without RENAME_NOREPLACE (some USB sticks' FAT drivers).
int rename_no_replace(const fs::path& from, const fs::path& to) {
    if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return 0;
    if (errno != EINVAL && errno != ENOSYS) return errno;
    std::error_code ec;
    if (fs::exists(fs::symlink_status(to, ec))) return EEXIST;
    return ::rename(from.c_str(), to.c_str()) == 0 ? 0 : errno;
}

// Local time as YYYYMMDD-HHMMSS: what the trainer's clock showed, safe in any file system's names.
std::string local_stamp(std::int64_t at_ms) {
    const std::time_t t = static_cast<std::time_t>(at_ms / 1000);
    std::tm parts{};
    localtime_r(&t, &parts);
    char text[32];
    std::strftime(text, sizeof text, "%Y%m%d-%H%M%S", &parts);
    return text;
}

std::string safe_name(const std::string& name) {
    std::string out;
    for (const char c : name)
        out += (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-') ? c : '-';
    while (!out.empty() && out.front() == '.') out.erase(out.begin());  // not a hidden folder
    return out.empty() ? "cbt-host" : out.substr(0, 64);
}

// `base` for n = 1, else base-n: the names tried, in turn, for a folder or a file kept aside.
fs::path numbered(const fs::path& dir, const std::string& base, int n) {
    return dir / (n == 1 ? base : base + "-" + std::to_string(n));
}

bool exists_any(const fs::path& p) {
    std::error_code ec;
    return fs::exists(fs::symlink_status(p, ec));
}

// Removes a folder when the work in it did not complete.
struct RemoveUnlessKept {
    fs::path path;
    bool keep = false;
    ~RemoveUnlessKept() {
        std::error_code ec;
        if (!keep && !path.empty()) fs::remove_all(path, ec);
    }
};

std::string store_failure_advice(int code) {
    switch (code & 0xFF) {
        case SQLITE_FULL:
            return " The disk is full: free some space or use a bigger USB stick, then try again.";
        case SQLITE_CANTOPEN:
        case SQLITE_READONLY:
        case SQLITE_PERM:
            return " Check that the folder is writable (is the USB stick read-only?), or choose another one.";
        case SQLITE_IOERR:
            return " The disk reported an error: was the USB stick removed? Check it and try again.";
        default:
            return "";
    }
}

// A size as people read it: "44 KiB", "3.2 MiB".
std::string human_size(std::uintmax_t bytes) {
    char text[32];
    if (bytes < (1u << 20))
        std::snprintf(text, sizeof text, "%ju KiB", (bytes + 1023) / 1024);
    else
        std::snprintf(text, sizeof text, "%.1f MiB", static_cast<double>(bytes) / (1 << 20));
    return text;
}

std::string scalar(store::Database& db, std::string_view sql) {
    store::Statement st = db.prepare(sql);
    return st.step() ? st.column_text(0) : std::string();
}

bool has_table(store::Database& db, std::string_view name) {
    store::Statement st = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
    st.bind(1, name);
    return st.step();
}

// A restore's damaged-backup refusal.
BackupError damaged(const fs::path& backup, const std::string& detail) {
    return BackupError("the backup " + backup.string() + " is damaged: " + detail +
                       " (the file was changed, or the disk is failing). Nothing was changed; restore another backup.");
}

struct ManifestCourse {
    std::string id, version, sha256;
    fs::path file;  // relative to the backup folder
};

// The manifest of a backup folder, every listed file checked against its size and SHA-256.
struct CheckedManifest {
    std::string db_sha256;
    std::vector<ManifestCourse> courses;
};

bool safe_relative(const std::string& path) {
    const fs::path p(path);
    if (path.empty() || p.is_absolute() || p.lexically_normal() != p) return false;
    for (const auto& part : p)
        if (part == ".." || part == ".") return false;
    return true;
}

CheckedManifest check_manifest(const fs::path& folder) {
    const fs::path file = folder / backup_manifest_name;
    if (!exists_any(file)) {
        const bool partial = folder.filename().string().ends_with(partial_suffix);
        throw BackupError(folder.string() + " has no manifest.json, so it is not a complete backup folder" +
                          (partial ? " (it is a backup that was interrupted before it finished)" : "") +
                          ". Restore another backup folder, or a classroom.db file on its own. Nothing was changed.");
    }
    std::string text;
    {
        Fd in(::open(file.c_str(), O_RDONLY | O_CLOEXEC));
        if (in.get() < 0) throw BackupError(read_failure(file, errno));
        std::string buffer(1 << 16, '\0');
        for (;;) {
            const ssize_t n = ::read(in.get(), buffer.data(), buffer.size());
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) throw BackupError(read_failure(file, errno));
            if (n == 0) break;
            text.append(buffer.data(), static_cast<std::size_t>(n));
            if (text.size() > (16u << 20)) throw damaged(folder, "manifest.json is far too large");
        }
    }
    const json m = json::parse(text, nullptr, false);
    if (!m.is_object() || m.value("kind", "") != "cbt-host-backup" || !m.contains("files") || !m["files"].is_array())
        throw damaged(folder, "manifest.json is not a cbt-host backup manifest");
    if (!m.contains("format") || !m["format"].is_number_integer()) throw damaged(folder, "manifest.json has no format");
    if (m["format"].get<int>() > backup_format)
        throw BackupError("the backup " + folder.string() + " was made by a newer cbt-host (" +
                          m.value("program", std::string("?")) +
                          "); restore it with that version. Nothing was changed.");
    CheckedManifest out;
    std::set<std::string> listed;
    for (const json& f : m["files"]) {
        if (!f.is_object() || !f.contains("path") || !f["path"].is_string() || !f.contains("sha256") ||
            !f["sha256"].is_string() || !f.contains("bytes") || !f["bytes"].is_number_unsigned())
            throw damaged(folder, "manifest.json lists a file it does not describe");
        const std::string path = f["path"];
        if (!safe_relative(path)) throw damaged(folder, "manifest.json names a file outside the folder (" + path + ")");
        const fs::path actual = folder / path;
        std::error_code ec;
        if (!fs::is_regular_file(actual, ec)) throw damaged(folder, path + " is missing");
        std::uint64_t bytes = 0;
        const std::string sha = file_sha256(actual, &bytes);
        if (bytes != f["bytes"].get<std::uint64_t>() || sha != f["sha256"].get<std::string>())
            throw damaged(folder, path + " does not match the checksum in manifest.json");
        listed.insert(path);
        if (path == db_name) out.db_sha256 = sha;
    }
    if (out.db_sha256.empty()) throw damaged(folder, "manifest.json does not list classroom.db");
    if (m.contains("courses") && m["courses"].is_array())
        for (const json& c : m["courses"]) {
            if (!c.is_object() || !listed.contains(c.value("file", "")))
                throw damaged(folder, "a course package is missing");
            out.courses.push_back(
                {c.value("id", ""), c.value("version", ""), c.value("sha256", ""), c.value("file", "")});
        }
    return out;
}

// Checks a copy of a backup's database: whole, and a host's classroom (not a kiosk's journal).
void check_classroom_db(const fs::path& copy, const fs::path& backup) {
    try {
        store::Database db = store::Database::open(copy);
        std::string verdict = scalar(db, "PRAGMA integrity_check");
        std::replace(verdict.begin(), verdict.end(), '\n', ' ');
        if (verdict != "ok")
            throw BackupError("the database in " + backup.string() + " is damaged (SQLite's integrity check: " +
                              verdict + "). Nothing was changed; restore another backup.");
        const bool tables = has_table(db, "settings") && has_table(db, "events") && has_table(db, "devices") &&
                            has_table(db, "roster") && has_table(db, "commands");
        if (!tables || !store::read_setting(db, "classroom_id") || !store::read_setting(db, "host_public") ||
            !store::read_setting(db, "host_secret") || !store::read_setting(db, "schema.host"))
            throw BackupError(backup.string() +
                              " is not a classroom database of cbt-host (a kiosk's kiosk.db, or another program's "
                              "file?). Nothing was changed; restore a backup made by cbt-host backup.");
    } catch (const store::StoreError& e) {
        throw BackupError("the database in " + backup.string() + " is damaged or is not a database (SQLite: " +
                          sqlite3_errstr(e.code()) + "). Nothing was changed; restore another backup.");
    }
}

}  // namespace

ClassroomCounts count_classroom(store::Database& db) {
    ClassroomCounts c;
    c.devices = std::stoll(scalar(db, "SELECT count(*) FROM devices"));
    c.events = std::stoll(scalar(db, "SELECT count(*) FROM events"));
    c.finished_attempts =
        std::stoll(scalar(db, "SELECT count(DISTINCT attempt) FROM events WHERE type = 'attempt_finished'"));
    return c;
}

std::string export_classroom(HostStore& store, ExportFormat format) {
    report::ClassRecord record;
    record.events = store.journal().all();
    for (const auto& r : store.roster()) record.people[r.id] = {r.id, r.name, r.service, r.id_number};
    for (const auto& d : store.devices())
        if (d.seat > 0) record.seats[d.device_id] = d.seat;
    if (format == ExportFormat::Csv) return report::attempts_csv(record);
    return report::xapi_statements(record, "http://suitcase-cbt.local/classrooms/" + store.classroom_id()).dump(2) +
           "\n";
}

// --- backup ----------------------------------------------------------------------------------

BackupSummary backup_to_folder(HostStore& store, const fs::path& destination, const BackupStamp& stamp) {
    std::error_code ec;
    const auto status = fs::status(destination, ec);
    if (!fs::exists(status))
        throw BackupError("the backup folder " + destination.string() +
                          " does not exist: plug in the USB stick (and wait for it to open), or create the folder, "
                          "then try again");
    if (!fs::is_directory(status)) throw BackupError(destination.string() + " is not a folder; give a folder to --to");

    const std::int64_t now_ms = stamp.clock->wall_ms();
    const std::string base = safe_name(stamp.host_name) + "-" + local_stamp(now_ms);
    // A name is free when neither it nor its partial form exists; mkdir then claims it.
    int n = 1;
    fs::path partial;
    for (;; ++n) {
        const fs::path name = numbered(destination, base, n);
        if (exists_any(name) || exists_any(name.string() + partial_suffix)) continue;
        partial = name.string() + partial_suffix;
        if (::mkdir(partial.c_str(), 0755) == 0) break;
        if (errno != EEXIST) throw BackupError(write_failure(destination, errno));
    }
    RemoveUnlessKept cleanup{partial};

    BackupSummary summary;
    const fs::path db_copy = partial / db_name;
    try {
        store::backup_to(store.db(), db_copy);
    } catch (const store::StoreError& e) {
        // SQLite reports a disk that fills while it maps its -shm file as an I/O error: the free
        // space tells the two apart.
        std::uintmax_t needed = fs::file_size(store.db().path(), ec);
        if (ec) needed = 0;
        fs::remove_all(partial, ec);
        const auto space = fs::space(destination, ec);
        if ((e.code() & 0xFF) == SQLITE_FULL || (!ec && space.available < needed + (1u << 20)))
            throw BackupError("the backup does not fit on " + destination.string() + ": the disk is full (" +
                              human_size(ec ? 0 : space.available) + " free; the classroom is " + human_size(needed) +
                              " and its copy needs room to spare). Free some space or use a bigger USB stick, then "
                              "try again; no backup was written.");
        throw BackupError(std::string("the classroom could not be copied to ") + destination.string() + ": " +
                          e.what() + "." + store_failure_advice(e.code()) + " No backup was written.");
    }
    sync_file(db_copy);

    // Counts and exports come from the copy, so they describe exactly the database in the folder.
    std::string csv, statements;
    try {
        HostStore snapshot(partial);
        summary.classroom_id = snapshot.classroom_id();
        summary.counts = count_classroom(snapshot.db());
        csv = export_classroom(snapshot, ExportFormat::Csv);
        statements = export_classroom(snapshot, ExportFormat::Xapi);
    } catch (const store::StoreError& e) {
        throw BackupError(std::string("the copy of the classroom in ") + destination.string() +
                          " could not be read back: " + e.what() + "." + store_failure_advice(e.code()));
    }
    fs::remove(db_copy.string() + "-wal", ec);
    fs::remove(db_copy.string() + "-shm", ec);

    json files = json::array();
    auto listed = [&](const std::string& path, const std::string& sha) {
        files.push_back({{"path", path}, {"bytes", fs::file_size(partial / path)}, {"sha256", sha}});
    };
    listed(db_name, file_sha256(db_copy));
    listed("results.csv", write_new_file(partial / "results.csv", csv));
    listed("statements.json", write_new_file(partial / "statements.json", statements));

    json courses = json::array();
    const auto offered = store.offered_courses();
    if (!offered.empty()) {
        const fs::path packs = partial / "packs";
        if (::mkdir(packs.c_str(), 0755) != 0) throw BackupError(write_failure(packs, errno));
        for (const auto& c : offered) {
            const std::string name = c.pack_sha256 + ".cbtpack";
            const std::string sha = copy_new_file(store.packs_dir() / name, packs / name);
            if (sha != c.pack_sha256)
                throw BackupError("the host's copy of the course package " + c.id + " " + c.version + " (" +
                                  (store.packs_dir() / name).string() +
                                  ") is damaged; install the course again with cbt-host install, then back up");
            listed("packs/" + name, sha);
            courses.push_back(
                {{"id", c.id}, {"version", c.version}, {"sha256", c.pack_sha256}, {"file", "packs/" + name}});
        }
        sync_folder(packs);
        summary.courses = offered;
    }

    const json manifest = {
        {"format", backup_format},
        {"kind", "cbt-host-backup"},
        {"program", "cbt-host " + stamp.program_version},
        {"classroom_id", summary.classroom_id},
        {"host", stamp.host_name},
        {"created", report::iso8601_seconds(now_ms)},
        {"created_ms", now_ms},
        {"counts",
         {{"devices", summary.counts.devices},
          {"events", summary.counts.events},
          {"finished_attempts", summary.counts.finished_attempts}}},
        {"courses", courses},
        {"files", files},
    };
    write_new_file(partial / backup_manifest_name, manifest.dump(2) + "\n");
    sync_folder(partial);

    // Complete: give it its name, never over another backup.
    fs::path final_name = numbered(destination, base, n);
    for (;;) {
        const int error = rename_no_replace(partial, final_name);
        if (error == 0) break;
        if ((error != EEXIST && error != ENOTEMPTY) || n > 1000)
            throw BackupError("cannot name the finished backup " + final_name.string() + ": " + std::strerror(error));
        final_name = numbered(destination, base, ++n);
    }
    cleanup.keep = true;
    sync_folder(destination);
    summary.folder = final_name;
    return summary;
}

// --- the last backup's record ------------------------------------------------------------------

void write_backup_record(const fs::path& data_dir, const BackupRecord& record) {
    json j = {{"format", backup_format},
              {"at_ms", record.at_ms},
              {"ok", record.ok},
              {"devices", record.counts.devices},
              {"events", record.counts.events}};
    if (record.ok) {
        j["folder"] = record.folder.string();
        j["finished_attempts"] = record.counts.finished_attempts;
    } else {
        j["error"] = record.error;
    }
    // A backup's message may quote a file name that is not UTF-8: replaced, not refused.
    const std::string text = j.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
    const fs::path target = data_dir / backup_record_name;
    const fs::path temporary = data_dir / ("." + std::string(backup_record_name) + "." + std::to_string(::getpid()));
    Fd fd(::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
    if (fd.get() < 0) throw BackupError(write_failure(temporary, errno));
    RemoveUnlessKept cleanup{temporary};
    // Readable by the dashboard's user when root writes it, whatever root's umask.
    if (::fchmod(fd.get(), 0644) != 0) throw BackupError(write_failure(temporary, errno));
    write_all(fd.get(), text.data(), text.size(), temporary);
    finish_file(fd, temporary);
    if (::rename(temporary.c_str(), target.c_str()) != 0) throw BackupError(write_failure(target, errno));
    cleanup.keep = true;
    sync_folder(data_dir);
}

std::optional<BackupRecord> read_backup_record(const fs::path& data_dir) {
    std::string text;
    {
        Fd fd(::open((data_dir / backup_record_name).c_str(), O_RDONLY | O_CLOEXEC));
        if (fd.get() < 0) return std::nullopt;
        char buffer[4096];
        for (;;) {
            const ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) return std::nullopt;
            if (n == 0) break;
            text.append(buffer, static_cast<std::size_t>(n));
            if (text.size() > (1u << 20)) return std::nullopt;  // not a record
        }
    }
    const json j = json::parse(text, nullptr, false);
    if (!j.is_object() || j.value("format", 0) != backup_format) return std::nullopt;
    const auto at = j.find("at_ms");
    const auto ok = j.find("ok");
    if (at == j.end() || !at->is_number_integer() || ok == j.end() || !ok->is_boolean()) return std::nullopt;
    auto number = [&](const char* name) {
        const auto it = j.find(name);
        return it != j.end() && it->is_number_integer() ? it->get<std::int64_t>() : std::int64_t{0};
    };
    auto string = [&](const char* name) {
        const auto it = j.find(name);
        return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    BackupRecord r;
    r.at_ms = at->get<std::int64_t>();
    r.ok = ok->get<bool>();
    r.folder = string("folder");
    r.counts = {number("devices"), number("events"), number("finished_attempts")};
    r.error = string("error");
    return r;
}

// --- lock ------------------------------------------------------------------------------------

std::optional<HostLock> HostLock::try_take(const fs::path& data_dir) {
    std::error_code ec;
    fs::create_directories(data_dir, ec);
    if (ec)
        throw BackupError("cannot create the data folder " + data_dir.string() + ": " + ec.message() +
                          ". Check that the disk is mounted and writable, or choose another folder with --data.");
    const fs::path file = data_dir / "host.lock";
    const int fd = ::open(file.c_str(), O_RDONLY | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) throw BackupError(write_failure(file, errno));
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int error = errno;
        ::close(fd);
        if (error == EWOULDBLOCK) return std::nullopt;
        throw BackupError("cannot lock " + file.string() + ": " + std::strerror(error));
    }
    return HostLock(fd);
}

HostLock::~HostLock() {
    if (fd_ >= 0) ::close(fd_);  // closing the only descriptor releases the flock
}

HostLock::HostLock(HostLock&& other) noexcept : fd_(other.fd_) {
    other.fd_ = -1;
}

HostLock& HostLock::operator=(HostLock&& other) noexcept {
    if (this != &other) {
        if (fd_ >= 0) ::close(fd_);
        fd_ = other.fd_;
        other.fd_ = -1;
    }
    return *this;
}

// --- restore ---------------------------------------------------------------------------------

RestoreSummary restore_backup(const fs::path& backup, const fs::path& data_dir, const RestoreOptions& options) {
    std::error_code ec;
    const auto status = fs::status(backup, ec);
    if (!fs::exists(status))
        throw BackupError("there is no backup at " + backup.string() +
                          ": check the path (is the USB stick plugged in?)");
    const auto lock = HostLock::try_take(data_dir);
    if (!lock)
        throw BackupError("a cbt-host is serving " + data_dir.string() +
                          " right now (it holds host.lock): stop the host first, then restore. Nothing was changed.");
    // Working folders of restores that were interrupted: no restore runs now, as this one holds the lock.
    for (const auto& entry : fs::directory_iterator(data_dir, ec))
        if (entry.path().filename().string().starts_with(".restore-")) fs::remove_all(entry.path(), ec);

    RestoreSummary summary;
    fs::path db_source = backup;
    std::optional<CheckedManifest> manifest;
    if (fs::is_directory(status)) {
        manifest = check_manifest(backup);
        db_source = backup / db_name;
        summary.from_folder = true;
    } else if (!fs::is_regular_file(status)) {
        throw BackupError(backup.string() + " is neither a backup folder nor a classroom.db file");
    }

    // A private copy in DATA (the same disk, so it can be renamed into place), checked there.
    const fs::path staging = data_dir / (".restore-" + std::to_string(::getpid()));
    fs::remove_all(staging, ec);
    if (::mkdir(staging.c_str(), 0700) != 0) throw BackupError(write_failure(staging, errno));
    RemoveUnlessKept cleanup{staging};
    const fs::path copy = staging / db_name;
    const std::string sha = copy_new_file(db_source, copy);
    if (manifest && sha != manifest->db_sha256) throw damaged(backup, "classroom.db changed while it was read");
    check_classroom_db(copy, backup);
    try {
        HostStore restored(staging);  // applies this version's migrations; refuses a newer schema
        summary.classroom_id = restored.classroom_id();
        summary.counts = count_classroom(restored.db());
        // Move the command ids and the roster version past anything the failed host handed out
        // after the backup: kiosks take only commands above their cursor and a roster whose
        // version differs from theirs.
        store::Transaction tx(restored.db());
        store::Statement bump =
            restored.db().prepare("UPDATE sqlite_sequence SET seq = seq + ? WHERE name = 'commands'");
        bump.bind(1, restore_counter_margin);
        bump.run();
        if (sqlite3_changes(restored.db().handle()) == 0) {
            store::Statement first =
                restored.db().prepare("INSERT INTO sqlite_sequence(name, seq) VALUES ('commands', ?)");
            first.bind(1, restore_counter_margin);
            first.run();
        }
        store::write_setting(restored.db(), "roster_version",
                             std::to_string(restored.roster_version() + restore_counter_margin));
        tx.commit();
    } catch (const store::StoreError& e) {
        throw BackupError("cannot prepare the restored classroom in " + data_dir.string() + ": " + e.what() +
                          ". Nothing was changed.");
    } catch (const std::runtime_error& e) {
        throw BackupError("cannot restore " + backup.string() + ": " + e.what() + ". Nothing was changed.");
    }
    fs::remove(copy.string() + "-wal", ec);
    fs::remove(copy.string() + "-shm", ec);
    sync_file(copy);

    // The classroom already in DATA: kept unless it is empty or --force says to replace it.
    const fs::path target = data_dir / db_name;
    const fs::path wal = target.string() + "-wal", shm = target.string() + "-shm";
    if (exists_any(target)) {
        std::optional<std::int64_t> events;
        std::string id, why;
        try {
            store::Database old = store::Database::open(target);
            events = has_table(old, "events") ? std::stoll(scalar(old, "SELECT count(*) FROM events")) : 0;
            if (has_table(old, "settings")) id = store::read_setting(old, "classroom_id").value_or("");
        } catch (const std::exception& e) {
            why = e.what();
        }
        if (!options.force && !events)
            throw BackupError(target.string() + " cannot be read (" + why +
                              "). To replace it with the backup, run the restore again with --force: the file is "
                              "kept as classroom.db.before-restore-<time>. Nothing was changed.");
        if (!options.force && *events > 0)
            throw BackupError(data_dir.string() + " already holds a classroom" + (id.empty() ? "" : " (" + id + ")") +
                              " with " + std::to_string(*events) +
                              " events. To replace it with the backup, run the restore again with --force: the "
                              "current classroom.db is kept as classroom.db.before-restore-<time>. Nothing was "
                              "changed.");
    }
    if (exists_any(target) || exists_any(wal) || exists_any(shm)) {
        // Fold the old -wal into its database first, so the file kept aside is whole and no stale
        // -wal is left to be replayed into the restored one.
        if (exists_any(target)) {
            try {
                store::Database old = store::Database::open(target);
                old.exec("PRAGMA wal_checkpoint(TRUNCATE)");
            } catch (const std::exception&) {
                // A damaged file is kept aside as it is, with its -wal beside it.
            }
        }
        const std::string aside_base =
            std::string(db_name) + ".before-restore-" + local_stamp(options.clock->wall_ms());
        fs::path aside;
        for (int n = 1;; ++n) {
            aside = numbered(data_dir, aside_base, n);
            if (!exists_any(aside) && !exists_any(aside.string() + "-wal")) break;
        }
        if (exists_any(wal) && fs::file_size(wal, ec) > 0) {
            if (::rename(wal.c_str(), (aside.string() + "-wal").c_str()) != 0)
                throw BackupError("cannot move " + wal.string() + " aside: " + std::strerror(errno) +
                                  ". Nothing was changed.");
        }
        fs::remove(wal, ec);
        fs::remove(shm, ec);
        if (exists_any(target)) {
            if (::rename(target.c_str(), aside.c_str()) != 0)
                throw BackupError("cannot move " + target.string() + " aside: " + std::strerror(errno));
            summary.kept_aside = aside;
        }
        sync_folder(data_dir);
    }
    if (::rename(copy.c_str(), target.c_str()) != 0)
        throw BackupError("cannot put the restored classroom.db in place: " + std::string(std::strerror(errno)) +
                          (summary.kept_aside ? "; the previous one is " + summary.kept_aside->string() : ""));
    sync_folder(data_dir);

    // The course packages, through the host's own install (checked, kept by hash, unpacked).
    if (manifest && !manifest->courses.empty()) {
        HostStore restored(data_dir);
        for (const ManifestCourse& c : manifest->courses) {
            try {
                summary.courses.push_back(restored.install_package(backup / c.file));
            } catch (const std::exception& e) {
                throw BackupError("the classroom was restored, but the course package " + c.id + " " + c.version +
                                  " could not be installed: " + e.what() + ". Install it with: cbt-host install " +
                                  (backup / c.file).string() + " --data " + data_dir.string());
            }
        }
    }
    return summary;
}

}  // namespace cbt::sync
