// RAII wrappers over the SQLite C API: a connection, prepared statements, transactions and
// schema migrations. Every failure becomes a StoreError whose text a person can act on.
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace cbt::store {

// A database failure; `what()` says what happened and what to do about it.
class StoreError : public std::runtime_error {
public:
    StoreError(int sqlite_code, const std::string& message)
        : std::runtime_error(message), code_(sqlite_code) {}
    // The primary SQLite result code (SQLITE_FULL, SQLITE_CORRUPT, ...).
    int code() const { return code_; }

private:
    int code_;
};

class Database;

// A prepared statement; bind parameters by 1-based index, step, read columns by 0-based index.
class Statement {
public:
    Statement(Database& db, std::string_view sql);
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&&) = delete;
    Statement(const Statement&) = delete;

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view text);
    Statement& bind_null(int index);
    // Runs one step; true while a row is available.
    bool step();
    // Runs to completion, for statements that return no rows.
    void run();
    // Makes the statement ready to run again, keeping or clearing bindings.
    void reset(bool clear_bindings = true);

    std::int64_t column_int64(int index) const;
    double column_double(int index) const;
    std::string column_text(int index) const;
    bool column_is_null(int index) const;

private:
    Database* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

// How a transaction takes its lock: Immediate takes the write lock at once, so two writers never
// deadlock half-way.
enum class TransactionKind { Deferred, Immediate };

// Rolls back on destruction unless commit() ran.
class Transaction {
public:
    explicit Transaction(Database& db, TransactionKind kind = TransactionKind::Immediate);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    // Makes the changes durable; throws if the commit fails (the changes are then rolled back).
    void commit();

private:
    Database& db_;
    bool done_ = false;
};

// One migration step: the SQL that takes the schema from version-1 to version.
struct Migration {
    int version;
    std::string_view sql;
};

// An open SQLite connection in WAL mode with synchronous=FULL and trusted_schema=OFF.
class Database {
public:
    // Opens (creating the file and its folder if needed) and checks the durability pragmas.
    static Database open(const std::filesystem::path& path);
    // An in-memory database with the same settings, for tests and scratch work.
    static Database open_in_memory();

    ~Database();
    Database(Database&& other) noexcept;
    Database& operator=(Database&&) = delete;
    Database(const Database&) = delete;

    // Runs SQL that returns no rows (may hold several statements).
    void exec(std::string_view sql);
    Statement prepare(std::string_view sql) { return Statement(*this, sql); }

    // PRAGMA user_version.
    int schema_version();
    // Applies every migration above the current version, each in its own transaction; refuses a
    // database whose version is newer than the newest migration (written by a newer program).
    void migrate(std::span<const Migration> migrations);

    // Reads a pragma's value as text (for checks and diagnostics).
    std::string pragma(std::string_view name);

    const std::filesystem::path& path() const { return path_; }
    sqlite3* handle() const { return db_; }

    // Throws a StoreError for the connection's last error, prefixed with what was being done.
    [[noreturn]] void fail(int code, std::string_view doing) const;

private:
    Database(sqlite3* db, std::filesystem::path path) : db_(db), path_(std::move(path)) {}
    void configure();

    sqlite3* db_ = nullptr;
    std::filesystem::path path_;
};

// Advice a person can act on for an SQLite result code ("the disk is full: free space ...").
std::string explain_sqlite_error(int code);

}  // namespace cbt::store
