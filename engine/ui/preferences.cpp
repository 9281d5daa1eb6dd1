// Display preferences as small JSON values under "ui.display" keys in the seat's settings table.
#include "ui/preferences.hpp"

#include <nlohmann/json.hpp>

#include "store/settings.hpp"

namespace cbt::ui {
namespace {

std::string key_for(const std::string& trainee_id) {
    return trainee_id.empty() ? "ui.display" : "ui.display." + trainee_id;
}

}  // namespace

std::optional<Display> load_display(session::Seat& seat, const std::string& trainee_id) {
    try {
        const auto text = store::read_setting(seat.db(), key_for(trainee_id));
        if (!text) return std::nullopt;
        const auto j = nlohmann::json::parse(*text, nullptr, false);
        if (!j.is_object()) return std::nullopt;
        Display d;
        d.large_text = j.value("large_text", false);
        d.high_contrast = j.value("high_contrast", false);
        return d;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

void save_display(session::Seat& seat, const std::string& trainee_id, const Display& display) {
    try {
        const nlohmann::json j = {{"large_text", display.large_text}, {"high_contrast", display.high_contrast}};
        store::write_setting(seat.db(), key_for(trainee_id), j.dump());
    } catch (const std::exception&) {
    }
}

}  // namespace cbt::ui
