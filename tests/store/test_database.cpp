// The database wrapper: durability settings on the real open path, migrations, readable errors.
#include <doctest/doctest.h>

#include <sqlite3.h>

#include <filesystem>
#include <fstream>

#include "store/database.hpp"
#include "store/journal.hpp"
#include "test_dir.hpp"

using namespace cbt::store;

TEST_CASE("opening a database turns on WAL, synchronous=FULL and trusted_schema=OFF") {
    TestDir dir;
    Database db = Database::open(dir.path / "sub" / "journal.db");
    CHECK(db.pragma("journal_mode") == "wal");
    CHECK(db.pragma("synchronous") == "2");
    CHECK(db.pragma("trusted_schema") == "0");
    CHECK(std::filesystem::exists(dir.path / "sub" / "journal.db"));
}

TEST_CASE("migrating an empty file creates the journal schema at the newest version") {
    TestDir dir;
    const auto path = dir.path / "empty.db";
    std::ofstream(path).close();  // a zero-byte file, as a crash during creation may leave
    Database db = Database::open(path);
    CHECK(db.schema_version() == 0);
    Journal journal(db, "kiosk-1");
    CHECK(db.schema_version() == journal_migrations().back().version);
    CHECK(journal.count() == 0);
    // Running the migrations again changes nothing.
    Journal again(db, "kiosk-1");
    CHECK(db.schema_version() == journal_migrations().back().version);
}

TEST_CASE("a database written by a newer program is refused with advice") {
    TestDir dir;
    {
        Database db = Database::open(dir.path / "new.db");
        db.exec("PRAGMA user_version=99");
    }
    Database db = Database::open(dir.path / "new.db");
    try {
        Journal journal(db, "kiosk-1");
        FAIL("expected a refusal");
    } catch (const StoreError& e) {
        CHECK(std::string(e.what()).find("newer version") != std::string::npos);
        CHECK(std::string(e.what()).find("update this program") != std::string::npos);
    }
}

TEST_CASE("a file that is not a database gives a message saying so") {
    TestDir dir;
    const auto path = dir.path / "notes.db";
    std::ofstream(path) << "this is a text file that someone renamed, not a database at all, really not";
    try {
        Database db = Database::open(path);
        Journal journal(db, "kiosk-1");
        FAIL("expected an error");
    } catch (const StoreError& e) {
        CHECK(e.code() == SQLITE_NOTADB);
        CHECK(std::string(e.what()).find("damaged or is not a database") != std::string::npos);
    }
}

TEST_CASE("a full disk fails the write with advice and keeps what was committed") {
    TestDir dir;
    Database db = Database::open(dir.path / "full.db");
    Journal journal(db, "kiosk-1");
    journal.append({"response", "amina", "a1", 1, {{"screen", "q1"}}});
    // A page limit stands in for a full disk: SQLite reports SQLITE_FULL the same way.
    db.exec("PRAGMA max_page_count=" + db.pragma("page_count"));
    const std::string big(64 * 1024, 'x');
    bool failed = false;
    try {
        for (int i = 0; i < 100; ++i) journal.append({"response", "amina", "a1", 2, {{"pad", big}}});
    } catch (const StoreError& e) {
        failed = true;
        CHECK(e.code() == SQLITE_FULL);
        CHECK(std::string(e.what()).find("disk is full") != std::string::npos);
    }
    CHECK(failed);
    CHECK(journal.count() >= 1);
    CHECK(journal.after("kiosk-1", 0, 10).front().payload["screen"] == "q1");
    CHECK(journal.contiguous_seq("kiosk-1") == journal.last_seq("kiosk-1"));
}

TEST_CASE("a transaction rolls back unless committed") {
    Database db = Database::open_in_memory();
    db.exec("CREATE TABLE t(x)");
    {
        Transaction tx(db);
        db.exec("INSERT INTO t VALUES (1)");
    }
    {
        Transaction tx(db);
        db.exec("INSERT INTO t VALUES (2)");
        tx.commit();
    }
    Statement st = db.prepare("SELECT group_concat(x) FROM t");
    REQUIRE(st.step());
    CHECK(st.column_text(0) == "2");
}
