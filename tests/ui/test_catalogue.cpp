// The translation catalogues: every language holds English's keys with the same {placeholders},
// and every key the window uses (engine/ui) or the session sends as a notice (engine/session) exists.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "ui/catalogue.hpp"

using namespace cbt::ui;
namespace fs = std::filesystem;

namespace {

const fs::path source = CBT_SOURCE_DIR;

std::set<std::string> placeholders(const std::string& text) {
    std::set<std::string> out;
    static const std::regex mark(R"(\{([a-z_]+)\})");
    for (std::sregex_iterator it(text.begin(), text.end(), mark), end; it != end; ++it) out.insert((*it)[1]);
    return out;
}

// Keys found in source files by a pattern whose first group is the key.
std::set<std::string> keys_in(const fs::path& dir, const std::regex& pattern) {
    std::set<std::string> out;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.path().extension() != ".cpp" && entry.path().extension() != ".hpp") continue;
        std::ifstream in(entry.path());
        std::stringstream text;
        text << in.rdbuf();
        const std::string s = text.str();
        for (std::sregex_iterator it(s.begin(), s.end(), pattern), end; it != end; ++it) out.insert((*it)[1]);
    }
    return out;
}

}  // namespace

TEST_CASE("every catalogue holds the same keys and placeholders as the English one") {
    const auto catalogues = load_catalogues(source / "assets/i18n");
    REQUIRE(catalogues.count("en") == 1);
    REQUIRE(catalogues.count("ru") == 1);
    const Catalogue& en = catalogues.at("en");
    for (const auto& [lang, other] : catalogues) {
        CAPTURE(lang);
        CHECK(other.keys() == en.keys());
        for (const auto& key : en.keys()) {
            CAPTURE(key);
            CHECK_FALSE(en.text(key).empty());
            if (!other.has(key)) continue;
            CHECK_FALSE(other.text(key).empty());
            CHECK(placeholders(en.text(key)) == placeholders(other.text(key)));
        }
    }
}

TEST_CASE("every key the window uses is in the catalogues") {
    const auto catalogues = load_catalogues(source / "assets/i18n");
    // Keys reach the catalogue through tr(), trf(), notify(), key() and Catalogue::text().
    const std::regex used(R"(\b(?:tr|trf|notify|key|text)\(\"([a-z0-9_]+\.[a-z0-9_.]+)\")");
    const auto ui_keys = keys_in(source / "engine/ui", used);
    CHECK(ui_keys.size() > 50);
    // The session names its notices by key; the window shows them.
    const auto notice_keys = keys_in(source / "engine/session", std::regex(R"(\"(notice\.[a-z_]+)\")"));
    CHECK_FALSE(notice_keys.empty());
    for (const auto& [lang, catalogue] : catalogues) {
        for (const auto& key : ui_keys) {
            CAPTURE(lang);
            CAPTURE(key);
            CHECK(catalogue.has(key));
        }
        for (const auto& key : notice_keys) {
            CAPTURE(lang);
            CAPTURE(key);
            CHECK(catalogue.has(key));
        }
    }
}

TEST_CASE("a missing key shows as itself in brackets, and placeholders are filled") {
    const auto catalogues = load_catalogues(source / "assets/i18n");
    const Catalogue& en = catalogues.at("en");
    CHECK(en.text("no.such.key") == "[no.such.key]");
    CHECK(en.format("lesson.progress", {{"current", "3"}, {"total", "11"}}) == "Screen 3 of 11");
    CHECK(catalogues.at("ru").format("lesson.progress", {{"current", "3"}, {"total", "11"}}) == "Экран 3 из 11");
}

TEST_CASE("a broken catalogue is refused with its file name") {
    const fs::path dir = fs::temp_directory_path() / "cbt-test-catalogue";
    fs::create_directories(dir);
    std::ofstream(dir / "xx.json") << "{\"a.b\": 3}";
    try {
        (void)Catalogue::load(dir / "xx.json");
        FAIL("no error");
    } catch (const std::runtime_error& e) {
        CHECK(std::string(e.what()).find("xx.json") != std::string::npos);
    }
    fs::remove_all(dir);
}
