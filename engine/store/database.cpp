// SQLite connection, statements, transactions and migrations.
// The durability settings are checked after they are set, because a pragma that SQLite does not
// accept is silently ignored, and a journal that only believes it is in WAL mode loses answers.
#include "store/database.hpp"

#include <sqlite3.h>

#include <system_error>

namespace cbt::store {

std::string explain_sqlite_error(int code) {
    switch (code & 0xFF) {
        case SQLITE_FULL:
            return "the disk is full: free some space (or move the data folder with --data) and try again; "
                   "nothing was saved by the failed step";
        case SQLITE_CORRUPT:
        case SQLITE_NOTADB:
            return "the database file is damaged or is not a database: restore it from the last backup, or "
                   "move it aside so a fresh one is created";
        case SQLITE_READONLY:
        case SQLITE_PERM:
        case SQLITE_CANTOPEN:
            return "the database file cannot be opened for writing: check that the data folder exists, is "
                   "writable by this user and is not on a read-only disk";
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            return "the database is in use by another program: close the other copy of this program and try "
                   "again";
        case SQLITE_IOERR:
            return "the disk reported a read or write error: check the disk or USB stick, then try again";
        case SQLITE_NOMEM:
            return "the computer ran out of memory";
        default:
            return "database error";
    }
}

void Database::fail(int code, std::string_view doing) const {
    std::string detail = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(code);
    throw StoreError(code & 0xFF, std::string(doing) + ": " + explain_sqlite_error(code) + " (" + detail + ", " +
                                      path_.string() + ")");
}

// --- Statement -------------------------------------------------------------------------------

Statement::Statement(Database& db, std::string_view sql) : db_(&db) {
    const int rc = sqlite3_prepare_v2(db.handle(), sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr);
    if (rc != SQLITE_OK) db.fail(rc, "preparing a query");
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement::Statement(Statement&& other) noexcept : db_(other.db_), stmt_(other.stmt_) { other.stmt_ = nullptr; }

Statement& Statement::bind(int index, std::int64_t value) {
    const int rc = sqlite3_bind_int64(stmt_, index, value);
    if (rc != SQLITE_OK) db_->fail(rc, "binding a query parameter");
    return *this;
}

Statement& Statement::bind(int index, double value) {
    const int rc = sqlite3_bind_double(stmt_, index, value);
    if (rc != SQLITE_OK) db_->fail(rc, "binding a query parameter");
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    const int rc = sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    if (rc != SQLITE_OK) db_->fail(rc, "binding a query parameter");
    return *this;
}

Statement& Statement::bind_null(int index) {
    const int rc = sqlite3_bind_null(stmt_, index);
    if (rc != SQLITE_OK) db_->fail(rc, "binding a query parameter");
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    sqlite3_reset(stmt_);
    db_->fail(rc, "running a query");
}

void Statement::run() {
    while (step()) {
    }
}

void Statement::reset(bool clear_bindings) {
    sqlite3_reset(stmt_);
    if (clear_bindings) sqlite3_clear_bindings(stmt_);
}

std::int64_t Statement::column_int64(int index) const { return sqlite3_column_int64(stmt_, index); }

double Statement::column_double(int index) const { return sqlite3_column_double(stmt_, index); }

std::string Statement::column_text(int index) const {
    const auto* text = sqlite3_column_text(stmt_, index);
    if (!text) return {};
    return std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, index)));
}

bool Statement::column_is_null(int index) const { return sqlite3_column_type(stmt_, index) == SQLITE_NULL; }

// --- Transaction -----------------------------------------------------------------------------

Transaction::Transaction(Database& db, TransactionKind kind) : db_(db) {
    db_.exec(kind == TransactionKind::Immediate ? "BEGIN IMMEDIATE" : "BEGIN");
}

Transaction::~Transaction() {
    if (!done_) sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
    done_ = true;
    const int rc = sqlite3_exec(db_.handle(), "COMMIT", nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
        const int code = sqlite3_extended_errcode(db_.handle());
        if (!sqlite3_get_autocommit(db_.handle())) sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
        db_.fail(code, "saving changes");
    }
}

// --- Database --------------------------------------------------------------------------------

Database Database::open(const std::filesystem::path& path) {
    std::error_code ec;
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
    if (ec) {
        throw StoreError(SQLITE_CANTOPEN, "cannot create the data folder " + path.parent_path().string() + ": " +
                                              ec.message());
    }
    sqlite3* handle = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &handle,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    Database db(handle, path);
    if (rc != SQLITE_OK) db.fail(rc, "opening the database");
    db.configure();
    return db;
}

Database Database::open_in_memory() {
    sqlite3* handle = nullptr;
    const int rc = sqlite3_open_v2(":memory:", &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    Database db(handle, ":memory:");
    if (rc != SQLITE_OK) db.fail(rc, "opening an in-memory database");
    db.exec("PRAGMA trusted_schema=OFF; PRAGMA foreign_keys=ON;");
    return db;
}

void Database::configure() {
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, 5000);
    exec("PRAGMA trusted_schema=OFF");
    exec("PRAGMA foreign_keys=ON");
    // journal_mode answers with the mode it actually chose, which is the one to believe.
    {
        Statement wal(*this, "PRAGMA journal_mode=WAL");
        if (!wal.step() || wal.column_text(0) != "wal") {
            throw StoreError(SQLITE_CANTOPEN, "the database at " + path_.string() +
                                                  " cannot use write-ahead logging; put the data folder on a "
                                                  "local disk (not a network share)");
        }
    }
    exec("PRAGMA synchronous=FULL");
    if (pragma("synchronous") != "2" || pragma("trusted_schema") != "0" || pragma("journal_mode") != "wal") {
        throw StoreError(SQLITE_MISUSE, "the database at " + path_.string() +
                                            " did not accept the settings that keep answers safe (WAL, "
                                            "synchronous=FULL, trusted_schema=OFF)");
    }
}

Database::~Database() {
    if (db_) sqlite3_close_v2(db_);
}

Database::Database(Database&& other) noexcept : db_(other.db_), path_(std::move(other.path_)) { other.db_ = nullptr; }

void Database::exec(std::string_view sql) {
    const std::string text(sql);
    char* message = nullptr;
    const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
    sqlite3_free(message);
    if (rc != SQLITE_OK) fail(sqlite3_extended_errcode(db_), "running " + text.substr(0, 40));
}

std::string Database::pragma(std::string_view name) {
    Statement st(*this, "PRAGMA " + std::string(name));
    return st.step() ? st.column_text(0) : std::string();
}

int Database::schema_version() { return std::stoi(pragma("user_version")); }

void Database::migrate(std::span<const Migration> migrations) {
    const int newest = migrations.empty() ? 0 : migrations.back().version;
    const int current = schema_version();
    if (current > newest) {
        throw StoreError(SQLITE_MISMATCH, "the database at " + path_.string() + " was written by a newer version (" +
                                              "schema " + std::to_string(current) + ", this program knows up to " +
                                              std::to_string(newest) + "); update this program");
    }
    for (const Migration& step : migrations) {
        if (step.version <= current) continue;
        Transaction tx(*this);
        exec(step.sql);
        exec("PRAGMA user_version=" + std::to_string(step.version));
        tx.commit();
    }
}

}  // namespace cbt::store
