// Course packs: reproducible bytes, verification of every member, refusal of unsafe or damaged
// packs, and installs that switch a library atomically while older versions stay readable.
// Hostile packs are crafted here with libarchive directly, since cbt pack never makes them.
#include <archive.h>
#include <archive_entry.h>
#include <doctest/doctest.h>

#include <atomic>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "base/sha256.hpp"
#include "course/package.hpp"
#include "sample_course.hpp"
#include "test_dir.hpp"

using namespace cbt::course;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const fs::path sample_dir = fs::path(CBT_SOURCE_DIR) / "courses/sample";

std::string read_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

void write_bytes(const fs::path& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
}

// The message of the PackageError `action` throws, or "" when it throws none.
template <class Action>
std::string package_error(Action&& action) {
    try {
        action();
    } catch (const PackageError& e) {
        return e.what();
    }
    return "";
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// One member of a hand-made tar file.
struct Member {
    Member(std::string name_, std::string data_, unsigned type_ = AE_IFREG, std::string link_ = "",
           bool hardlink_ = false)
        : name(std::move(name_)), data(std::move(data_)), type(type_), link(std::move(link_)), hardlink(hardlink_) {}
    std::string name;
    std::string data;
    unsigned type;
    std::string link;  // symlink target, or the hard link's other name
    bool hardlink;
};

// Writes a tar file as a hostile or broken tool might.
void craft_tar(const fs::path& path, const std::vector<Member>& members) {
    archive* a = archive_write_new();
    archive_write_set_format_pax_restricted(a);
    archive_write_set_options(a, "hdrcharset=BINARY");
    REQUIRE(archive_write_open_filename(a, path.c_str()) == ARCHIVE_OK);
    for (const auto& m : members) {
        archive_entry* e = archive_entry_new();
        archive_entry_copy_pathname(e, m.name.c_str());
        archive_entry_set_filetype(e, m.type);
        archive_entry_set_perm(e, 0644);
        archive_entry_set_size(e, static_cast<la_int64_t>(m.data.size()));
        if (m.type == AE_IFLNK) archive_entry_copy_symlink(e, m.link.c_str());
        if (m.hardlink) archive_entry_copy_hardlink(e, m.link.c_str());
        REQUIRE(archive_write_header(a, e) == ARCHIVE_OK);
        if (!m.data.empty()) archive_write_data(a, m.data.data(), m.data.size());
        archive_entry_free(e);
    }
    archive_write_close(a);
    archive_write_free(a);
}

// A manifest listing `files` as they are, with a made-up content hash unless one is given.
std::string manifest_for(const std::vector<Member>& files, std::string content_hash = std::string(64, '0')) {
    json list = json::array();
    for (const auto& f : files)
        list.push_back({{"path", f.name}, {"size", f.data.size()}, {"sha256", cbt::base::sha256_hex(f.data)}});
    return json{
        {"format", 1},  {"course", "t"}, {"version", "1.0.0"}, {"title", {{"en", "T"}}}, {"content_hash", content_hash},
        {"files", list}}
        .dump();
}

const std::string tiny_course_lua = R"(return course { id = "t", version = "1.0.0", title = "T", languages = { "en" },
  pass_mark = 0.5, lessons = { { id = "l", file = "lessons/l.lua" } } })";

// A pack whose manifest lists course.lua, followed by whatever else is given.
void craft_pack_with(const fs::path& path, const std::vector<Member>& extra) {
    const Member course{"course.lua", tiny_course_lua};
    std::vector<Member> members{{"cbtpack.json", manifest_for({course})}, course};
    members.insert(members.end(), extra.begin(), extra.end());
    craft_tar(path, members);
}

// Copies the sample course to `to`, so a test may change it.
void copy_sample(const fs::path& to) {
    fs::copy(sample_dir, to, fs::copy_options::recursive);
}

void replace_in_file(const fs::path& path, const std::string& from, const std::string& to) {
    std::string text = read_bytes(path);
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    write_bytes(path, text);
}

}  // namespace

TEST_CASE("packing a course twice gives the same bytes, with the manifest first") {
    TestDir dir;
    const PackInfo first = pack_course(sample_dir, dir.path / "a.cbtpack");
    const PackInfo second = pack_course(sample_dir, dir.path / "b.cbtpack");
    const std::string bytes = read_bytes(dir.path / "a.cbtpack");
    CHECK(bytes == read_bytes(dir.path / "b.cbtpack"));
    CHECK(bytes.size() % 512 == 0);
    CHECK(first.pack_sha256 == cbt::base::sha256_hex(bytes));
    CHECK(first.pack_sha256 == second.pack_sha256);
    CHECK(first.pack_bytes == bytes.size());
    CHECK(first.id == "sample");
    CHECK(first.version == "1.0.0");
    CHECK(first.content_hash == sample_course().content_hash);
    CHECK(first.file_count() == 4);
    CHECK(first.files.front().path == "course.lua");
    CHECK(first.title.in("ru") == sample_course().title.in("ru"));
    CHECK(bytes.compare(0, 12, "cbtpack.json") == 0);  // the first tar header names the manifest
    CHECK_FALSE(fs::exists(dir.path / ".a.cbtpack.partial"));
    for (const auto& entry : fs::directory_iterator(dir.path))
        CHECK_FALSE(contains(entry.path().string(), ".partial-"));
}

TEST_CASE("verify reads the whole pack; read_pack_info only its manifest") {
    TestDir dir;
    const fs::path pack = dir.path / "sample.cbtpack";
    const PackInfo packed = pack_course(sample_dir, pack);
    const PackInfo verified = verify_pack(pack);
    CHECK(verified.content_hash == packed.content_hash);
    CHECK(verified.pack_sha256 == packed.pack_sha256);
    CHECK(verified.content_bytes == packed.content_bytes);
    CHECK(verified.file_count() == packed.file_count());
    const PackInfo head = read_pack_info(pack);
    CHECK(head.id == "sample");
    CHECK(head.content_hash == packed.content_hash);
    CHECK(head.pack_sha256.empty());
    CHECK(head.pack_bytes == packed.pack_bytes);
}

TEST_CASE("a pack installs into a library and loads with the same content hash") {
    TestDir dir;
    const fs::path pack = dir.path / "sample.cbtpack";
    const fs::path library = dir.path / "library";
    const PackInfo packed = pack_course(sample_dir, pack);
    const InstalledCourse installed = install_pack(pack, library);
    CHECK(installed.changed);
    CHECK(installed.current);
    CHECK(installed.pack_sha256 == packed.pack_sha256);
    CHECK(installed.path == library / ".versions" / ("sample-" + packed.content_hash.substr(0, 12)));
    CHECK(fs::is_symlink(library / "sample"));
    CHECK(fs::read_symlink(library / "sample") == fs::path(".versions") / installed.path.filename());
    const Course loaded = load_course(library / "sample");
    CHECK(loaded.content_hash == sample_course().content_hash);
    CHECK(loaded.id == "sample");
    CHECK_FALSE(fs::exists(installed.path.string() + ".partial"));

    SUBCASE("installing it again changes nothing") {
        const auto before = fs::last_write_time(installed.path);
        const InstalledCourse again = install_pack(pack, library);
        CHECK_FALSE(again.changed);
        CHECK(again.path == installed.path);
        CHECK(fs::last_write_time(installed.path) == before);
        CHECK(list_library(library).size() == 1);
    }
    SUBCASE("the library lists it") {
        const auto listed = list_library(library);
        REQUIRE(listed.size() == 1);
        CHECK(listed[0].id == "sample");
        CHECK(listed[0].version == "1.0.0");
        CHECK(listed[0].current);
        CHECK(listed[0].content_hash == packed.content_hash);
        CHECK(listed[0].pack_sha256 == packed.pack_sha256);
        CHECK(listed[0].link == library / "sample");
    }
}

TEST_CASE("a flipped byte inside a member's data is found and the file named") {
    TestDir dir;
    const fs::path pack = dir.path / "sample.cbtpack";
    pack_course(sample_dir, pack);
    std::string bytes = read_bytes(pack);
    const std::string quiz = read_bytes(sample_dir / "lessons/quiz.lua");
    const auto at = bytes.find(quiz.substr(0, 200));
    REQUIRE(at != std::string::npos);
    bytes[at + 100] ^= 0x20;
    const fs::path tampered = dir.path / "course.cbtpack";
    write_bytes(tampered, bytes);
    const std::string error = package_error([&] { verify_pack(tampered); });
    CHECK(contains(error, "is damaged: lessons/quiz.lua does not match its checksum; copy the file again"));
    CHECK(contains(error, "course.cbtpack"));
    // Installing it leaves the library as it was.
    const fs::path library = dir.path / "library";
    CHECK(contains(package_error([&] { install_pack(tampered, library); }), "lessons/quiz.lua"));
    CHECK_FALSE(fs::exists(library / "sample"));
    CHECK(fs::is_empty(library / ".versions"));
}

TEST_CASE("a flipped byte in a member's header is found") {
    TestDir dir;
    const fs::path pack = dir.path / "sample.cbtpack";
    pack_course(sample_dir, pack);
    std::string bytes = read_bytes(pack);
    const auto at = bytes.find(std::string("course.lua\0", 11));  // the second member's header, not the manifest
    REQUIRE(at != std::string::npos);
    bytes[at] = 'k';
    write_bytes(pack, bytes);
    const std::string error = package_error([&] { verify_pack(pack); });
    CAPTURE(error);
    CHECK(contains(error, "copy the file again"));
}

TEST_CASE("a truncated pack is refused with a clear message") {
    TestDir dir;
    const fs::path pack = dir.path / "sample.cbtpack";
    pack_course(sample_dir, pack);
    const std::string bytes = read_bytes(pack);
    const fs::path cut = dir.path / "cut.cbtpack";
    // Every cut before the end-of-archive records loses course data. Under one tar record there is
    // not even a header to tell a pack from other files.
    for (std::size_t length :
         {std::size_t{0}, std::size_t{100}, std::size_t{512}, std::size_t{1000}, std::size_t{1536}, bytes.size() / 2,
          bytes.size() / 2 + 512 - bytes.size() / 2 % 512, bytes.size() - 1100}) {
        CAPTURE(length);
        write_bytes(cut, bytes.substr(0, length));
        const std::string error = package_error([&] { verify_pack(cut); });
        CAPTURE(error);
        CHECK(contains(error, "cut.cbtpack"));
        CHECK(contains(error, "copy the file again"));
        if (length >= 512) CHECK(contains(error, "is incomplete: it ends "));
    }
    write_bytes(cut, bytes.substr(0, bytes.size() / 2));
    CHECK(contains(package_error([&] { verify_pack(cut); }), "is incomplete: it ends inside "));
}

TEST_CASE("members that could escape the course folder or are not plain files are refused") {
    TestDir dir;
    const fs::path pack = dir.path / "evil.cbtpack";
    struct Case {
        Member member;
        std::string expected;
    };
    const std::vector<Case> cases = {
        {{"../evil", "x"}, "'../evil' climbs out of the course folder"},
        {{"lessons/../../evil", "x"}, "climbs out of the course folder"},
        {{"/etc/evil", "x"}, "'/etc/evil' is an absolute path"},
        {{"lessons/link", "", AE_IFLNK, "/etc/passwd"}, "'lessons/link' is a symbolic link (to '/etc/passwd')"},
        {{"lessons/hard", "", AE_IFREG, "course.lua", true}, "'lessons/hard' is a hard link"},
        {{"dev/null", "", AE_IFCHR}, "'dev/null' is a device"},
        {{"pipe", "", AE_IFIFO}, "'pipe' is a FIFO"},
        {{".hidden", "x"}, "'.hidden' is hidden"},
        {{"images/.DS_Store", "x"}, "is hidden"},
        {{"bad\xff.lua", "x"}, "'bad\\xff.lua' has a name that is not UTF-8"},
        {{"back\\slash", "x"}, "has a backslash"},
        {{"images/extra.png", "x"}, "'images/extra.png', a file its manifest does not list"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.member.name);
        craft_pack_with(pack, {c.member});
        const std::string error = package_error([&] { verify_pack(pack); });
        CHECK(contains(error, "evil.cbtpack is refused: "));
        CHECK(contains(error, c.expected));
        const fs::path library = dir.path / "library";
        CHECK(!package_error([&] { install_pack(pack, library); }).empty());
        CHECK_FALSE(fs::exists(dir.path / "evil"));
        CHECK_FALSE(fs::exists(library / "t"));
        CHECK(fs::is_empty(library / ".versions"));  // nothing extracted, not even the half-made folder
    }
}

TEST_CASE("a manifest listing an unsafe path, or beyond the limits, is refused") {
    TestDir dir;
    const fs::path pack = dir.path / "p.cbtpack";
    const Member course{"course.lua", tiny_course_lua};

    craft_tar(pack, {{"cbtpack.json", manifest_for({{"../evil", "x"}})}, {"../evil", "x"}});
    CHECK(contains(package_error([&] { verify_pack(pack); }),
                   "its manifest lists '../evil', which climbs out of the course folder"));

    craft_tar(pack, {{"cbtpack.json", std::string(max_pack_manifest_bytes + 1, ' ')}, course});
    CHECK(contains(package_error([&] { verify_pack(pack); }), "its manifest (cbtpack.json) is larger than 1 MiB"));

    std::vector<Member> many;
    for (std::size_t i = 0; i <= max_pack_files; ++i) many.push_back({"f" + std::to_string(100000 + i), ""});
    craft_tar(pack, {{"cbtpack.json", manifest_for(many)}});
    CHECK(contains(package_error([&] { verify_pack(pack); }),
                   "it lists 2001 files, more than the 2000 a course pack may hold"));

    json big = json::parse(manifest_for({course}));
    big["files"][0]["size"] = max_pack_file_bytes + 1;
    craft_tar(pack, {{"cbtpack.json", big.dump()}, course});
    CHECK(contains(package_error([&] { verify_pack(pack); }),
                   "course.lua is 64.0 MiB, more than the 64 MiB a course file may have"));

    craft_tar(pack, {course});
    CHECK(contains(package_error([&] { verify_pack(pack); }),
                   "is not a course pack: its first member is 'course.lua', not cbtpack.json"));

    craft_tar(pack, {{"cbtpack.json", "{ not json"}, course});
    CHECK(contains(package_error([&] { verify_pack(pack); }),
                   "has a broken manifest (cbtpack.json: it is not valid JSON)"));

    json newer = json::parse(manifest_for({course}));
    newer["format"] = 2;
    craft_tar(pack, {{"cbtpack.json", newer.dump()}, course});
    CHECK(contains(package_error([&] { verify_pack(pack); }),
                   "was made for pack format 2, newer than this program reads (1); update cbt"));

    json dotted = json::parse(manifest_for({course}));
    dotted["course"] = "..";
    craft_tar(pack, {{"cbtpack.json", dotted.dump()}, course});
    CHECK(contains(package_error([&] { verify_pack(pack); }), "\"course\" is not a course id"));

    write_bytes(pack, tiny_course_lua);
    const std::string not_tar = package_error([&] { verify_pack(pack); });
    CAPTURE(not_tar);
    CHECK(contains(not_tar, "is damaged or not a course pack"));

    CHECK(contains(package_error([&] { verify_pack(dir.path / "missing.cbtpack"); }), "cannot open"));
}

TEST_CASE("files that match their checksums but not the content hash are refused") {
    TestDir dir;
    const fs::path pack = dir.path / "p.cbtpack";
    craft_pack_with(pack, {});
    CHECK(contains(package_error([&] { verify_pack(pack); }),
                   "is damaged: its files do not give the content hash its manifest states"));
}

TEST_CASE("a sound pack whose course does not load is not installed") {
    TestDir dir;
    const Member course{"course.lua", "return 1"};
    const Member lesson{"lessons/l.lua", "return lesson { id = \"l\", title = \"L\", screens = {} }"};
    write_file(dir.path / "src/course.lua", course.data);
    write_file(dir.path / "src/lessons/l.lua", lesson.data);
    const fs::path pack = dir.path / "p.cbtpack";
    craft_tar(
        pack,
        {{"cbtpack.json", manifest_for({course, lesson}, course_content_hash(dir.path / "src"))}, course, lesson});
    CHECK_NOTHROW(verify_pack(pack));
    const fs::path library = dir.path / "library";
    CHECK(contains(package_error([&] { install_pack(pack, library); }), "holds a course that does not load"));
    CHECK_FALSE(fs::exists(library / "t"));
    CHECK(fs::is_empty(library / ".versions"));
}

TEST_CASE("installing a new version keeps the old folder for the attempt still using it") {
    TestDir dir;
    const fs::path src = dir.path / "src";
    const fs::path library = dir.path / "library";
    copy_sample(src);
    const PackInfo v1_pack = pack_course(src, dir.path / "v1.cbtpack");
    const InstalledCourse v1 = install_pack(dir.path / "v1.cbtpack", library);
    const Course held = load_course(v1.path);  // an attempt in progress pins its version folder

    replace_in_file(src / "course.lua", "version = \"1.0.0\"", "version = \"1.1.0\"");
    const PackInfo v2_pack = pack_course(src, dir.path / "v2.cbtpack");
    REQUIRE(v2_pack.content_hash != v1_pack.content_hash);
    const InstalledCourse v2 = install_pack(dir.path / "v2.cbtpack", library);
    CHECK(v2.changed);
    CHECK(v2.path != v1.path);

    CHECK(fs::is_directory(held.root));
    CHECK(load_course(held.root).content_hash == held.content_hash);
    CHECK(held.read_file("course.lua").find("1.0.0") != std::string::npos);
    CHECK(load_course(library / "sample").version == "1.1.0");

    auto listed = list_library(library);
    REQUIRE(listed.size() == 2);
    CHECK(listed[0].version == "1.1.0");
    CHECK(listed[0].current);
    CHECK(listed[1].version == "1.0.0");
    CHECK_FALSE(listed[1].current);

    SUBCASE("going back to an installed version reuses its folder") {
        const InstalledCourse back = install_pack(dir.path / "v1.cbtpack", library);
        CHECK(back.changed);
        CHECK(back.path == v1.path);
        CHECK(load_course(library / "sample").version == "1.0.0");
    }
    SUBCASE("prune keeps what is linked and the newest others") {
        fs::create_directory(library / ".versions" / "sample-000000000000.partial");  // an interrupted install
        const auto removed_none = prune_versions(library, 1);
        CHECK(removed_none == std::vector<fs::path>{library / ".versions" / "sample-000000000000.partial"});
        CHECK(fs::exists(v1.path));
        const auto removed = prune_versions(library, 0);
        CHECK(removed == std::vector<fs::path>{v1.path});
        CHECK_FALSE(fs::exists(v1.path));
        CHECK(fs::exists(v2.path));
        CHECK(load_course(library / "sample").version == "1.1.0");
    }
}

TEST_CASE("a reader resolving the library link while installs switch it sees one whole version") {
    TestDir dir;
    const fs::path src = dir.path / "src";
    const fs::path library = dir.path / "library";
    copy_sample(src);
    const PackInfo v1 = pack_course(src, dir.path / "v1.cbtpack");
    replace_in_file(src / "course.lua", "version = \"1.0.0\"", "version = \"1.1.0\"");
    const PackInfo v2 = pack_course(src, dir.path / "v2.cbtpack");
    install_pack(dir.path / "v1.cbtpack", library);
    std::atomic<bool> done = false;
    std::thread installer([&] {
        for (int i = 0; i < 20; ++i) install_pack(dir.path / (i % 2 ? "v1.cbtpack" : "v2.cbtpack"), library);
        done = true;
    });
    int loads = 0;
    while (!done || loads == 0) {
        const Course c = load_course(fs::canonical(library / "sample"));
        const bool whole = (c.version == "1.0.0" && c.content_hash == v1.content_hash) ||
                           (c.version == "1.1.0" && c.content_hash == v2.content_hash);
        CHECK(whole);
        ++loads;
    }
    installer.join();
    CHECK(loads > 0);
}

TEST_CASE("packing refuses what a pack cannot carry and leaves out hidden files") {
    TestDir dir;
    const fs::path src = dir.path / "src";
    copy_sample(src);

    SUBCASE("hidden files are left out, as the content hash leaves them out") {
        write_file(src / ".luarc.json", "{}");
        write_file(src / "images/.thumbs/car.png", "x");
        const PackInfo info = pack_course(src, dir.path / "p.cbtpack");
        CHECK(info.file_count() == 4);
        CHECK(info.content_hash == sample_course().content_hash);
    }
    SUBCASE("a course that does not load") {
        write_file(src / "course.lua", "return course { id = \"x\" }");
        CHECK_THROWS_AS(pack_course(src, dir.path / "p.cbtpack"), CourseError);
        CHECK_FALSE(fs::exists(dir.path / "p.cbtpack"));
    }
    SUBCASE("a pack written into the course folder itself") {
        CHECK(contains(package_error([&] { pack_course(src, src / "sample.cbtpack"); }), "inside the course folder"));
    }
    SUBCASE("symbolic links") {
        fs::create_symlink(src / "images/car.png", src / "images/car2.png");
        CHECK(contains(package_error([&] { pack_course(src, dir.path / "p.cbtpack"); }),
                       "'images/car2.png' is a symbolic link"));
    }
    SUBCASE("a course file named like the manifest") {
        write_file(src / "cbtpack.json", "{}");
        CHECK(contains(package_error([&] { pack_course(src, dir.path / "p.cbtpack"); }), "cbtpack.json"));
    }
}

TEST_CASE("file names beyond ASCII travel intact and reproducibly") {
    TestDir dir;
    const fs::path src = dir.path / "src";
    copy_sample(src);
    fs::copy_file(src / "images/car.png", src / "images/машина.png");
    const PackInfo a = pack_course(src, dir.path / "a.cbtpack");
    const PackInfo b = pack_course(src, dir.path / "b.cbtpack");
    CHECK(read_bytes(dir.path / "a.cbtpack") == read_bytes(dir.path / "b.cbtpack"));
    CHECK(a.file_count() == 5);
    CHECK(verify_pack(dir.path / "a.cbtpack").pack_sha256 == a.pack_sha256);
    const InstalledCourse installed = install_pack(dir.path / "a.cbtpack", dir.path / "library");
    CHECK(fs::exists(installed.path / "images/машина.png"));
    CHECK(load_course(dir.path / "library/sample").content_hash == a.content_hash);
}

TEST_CASE("a library entry that is a real folder is not replaced") {
    TestDir dir;
    const fs::path library = dir.path / "library";
    fs::create_directories(library / "sample");
    pack_course(sample_dir, dir.path / "p.cbtpack");
    CHECK(contains(package_error([&] { install_pack(dir.path / "p.cbtpack", library); }),
                   "is a folder or file of its own, not an installed course"));
    CHECK(fs::is_directory(library / "sample"));
    CHECK_FALSE(fs::is_symlink(library / "sample"));
}
