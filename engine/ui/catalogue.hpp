// The kiosk's translation catalogues: every sentence the window shows comes from
// assets/i18n/<lang>.json, a flat JSON object of "key": "text". A key missing from the
// catalogue shows as "[key]" on screen, so a gap is seen at once instead of hidden.
#pragma once
#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace cbt::ui {

// One language's sentences.
class Catalogue {
public:
    Catalogue() = default;
    // Reads DIR/<lang>.json; throws std::runtime_error naming the file when it is unreadable.
    static Catalogue load(const std::filesystem::path& file);

    const std::string& language() const { return language_; }
    // The sentence for a key, or "[key]" when the catalogue lacks it.
    const std::string& text(const std::string& key) const;
    // The sentence with each "{name}" replaced by its value.
    std::string format(const std::string& key, const std::vector<std::pair<std::string, std::string>>& values) const;
    bool has(const std::string& key) const { return texts_.count(key) != 0; }
    // Every key, sorted.
    std::vector<std::string> keys() const;

private:
    std::string language_;
    std::map<std::string, std::string> texts_;
    mutable std::map<std::string, std::string> missing_;  // "[key]" strings handed out
};

// Marks a string literal as a catalogue key kept for later (in a variable, say), so the
// catalogue test finds it the way it finds the literals given to Ui::tr and Ui::trf.
constexpr const char* key(const char* catalogue_key) {
    return catalogue_key;
}

// Every catalogue found in a folder (<lang>.json), by language code.
std::map<std::string, Catalogue> load_catalogues(const std::filesystem::path& dir);

}  // namespace cbt::ui
