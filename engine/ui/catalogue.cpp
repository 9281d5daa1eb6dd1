// Translation catalogues. Loading is strict (bad JSON or a non-string value is an error naming
// the file) because a broken catalogue is an installation fault the instructor must see.
#include "ui/catalogue.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace cbt::ui {

Catalogue Catalogue::load(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) throw std::runtime_error("cannot read the translation catalogue " + file.string());
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {
        throw std::runtime_error("the translation catalogue " + file.string() + " is not valid JSON: " + e.what());
    }
    if (!doc.is_object())
        throw std::runtime_error("the translation catalogue " + file.string() + " must be one JSON object");
    Catalogue c;
    c.language_ = file.stem().string();
    for (const auto& [key, value] : doc.items()) {
        if (!value.is_string())
            throw std::runtime_error("the translation catalogue " + file.string() + ": \"" + key +
                                     "\" is not a string");
        c.texts_[key] = value.get<std::string>();
    }
    return c;
}

const std::string& Catalogue::text(const std::string& key) const {
    if (const auto it = texts_.find(key); it != texts_.end()) return it->second;
    auto [it, _] = missing_.emplace(key, "[" + key + "]");
    return it->second;
}

std::string Catalogue::format(const std::string& key,
                              const std::vector<std::pair<std::string, std::string>>& values) const {
    std::string out = text(key);
    for (const auto& [name, value] : values) {
        const std::string mark = "{" + name + "}";
        for (std::size_t at = out.find(mark); at != std::string::npos; at = out.find(mark, at + value.size()))
            out.replace(at, mark.size(), value);
    }
    return out;
}

std::vector<std::string> Catalogue::keys() const {
    std::vector<std::string> out;
    for (const auto& [key, _] : texts_) out.push_back(key);
    return out;
}

std::map<std::string, Catalogue> load_catalogues(const std::filesystem::path& dir) {
    std::map<std::string, Catalogue> out;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        if (entry.path().extension() != ".json") continue;
        Catalogue c = Catalogue::load(entry.path());
        out.emplace(c.language(), std::move(c));
    }
    if (ec) throw std::runtime_error("cannot read the translation folder " + dir.string() + ": " + ec.message());
    if (out.empty()) throw std::runtime_error("no translation catalogues (*.json) in " + dir.string());
    return out;
}

}  // namespace cbt::ui
