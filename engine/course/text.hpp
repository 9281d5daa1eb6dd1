// Text given per language, as course authors write it: { en = "...", ru = "..." }.
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace cbt::course {

// One piece of text in several languages.
//
// Fallback rule (documented for authors in docs/authoring.md): the requested language; else the
// course's default language (the first in its `languages` list); else English; else any language
// the text has, in alphabetical order of language code; else the empty string.
class LocalText {
public:
    LocalText() = default;
    // Text that reads the same in every language (numbers, codes, names).
    explicit LocalText(std::string same_everywhere) { by_lang_[""] = std::move(same_everywhere); }

    void set(std::string lang, std::string text) { by_lang_[std::move(lang)] = std::move(text); }
    // The text in `lang`, following the fallback rule above.
    std::string in(std::string_view lang, std::string_view default_lang = "en") const;
    // True when the text has its own entry for `lang` (or is language-neutral).
    bool has(std::string_view lang) const;
    bool empty() const { return by_lang_.empty(); }
    // Language codes present ("" for language-neutral text).
    std::vector<std::string> languages() const;

    bool operator==(const LocalText&) const = default;

private:
    std::map<std::string, std::string, std::less<>> by_lang_;
};

}  // namespace cbt::course
