// LocalText fallback.
#include "course/text.hpp"

namespace cbt::course {

std::string LocalText::in(std::string_view lang, std::string_view default_lang) const {
    for (std::string_view wanted : {lang, default_lang, std::string_view("en"), std::string_view("")}) {
        if (auto it = by_lang_.find(wanted); it != by_lang_.end()) return it->second;
    }
    return by_lang_.empty() ? std::string() : by_lang_.begin()->second;
}

bool LocalText::has(std::string_view lang) const { return by_lang_.contains(lang) || by_lang_.contains(""); }

std::vector<std::string> LocalText::languages() const {
    std::vector<std::string> out;
    for (const auto& [lang, text] : by_lang_) out.push_back(lang);
    return out;
}

}  // namespace cbt::course
