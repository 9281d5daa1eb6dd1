// JSON form of responses. The same shapes are what Lua hooks receive and what `solution` holds.
#include "course/response.hpp"

#include <stdexcept>

namespace cbt::course {
namespace {

// An empty Lua table arrives as an empty object; as an answer it is an empty list.
bool is_empty_list(const nlohmann::json& value) { return value.is_object() && value.empty(); }

std::vector<std::string> string_list(const nlohmann::json& value, const char* expected) {
    if (is_empty_list(value)) return {};
    if (!value.is_array()) throw std::invalid_argument(std::string("expected ") + expected);
    std::vector<std::string> out;
    for (const auto& item : value) {
        if (!item.is_string()) throw std::invalid_argument(std::string("expected ") + expected);
        out.push_back(item.get<std::string>());
    }
    return out;
}

}  // namespace

nlohmann::json response_to_json(const Response& response) {
    return std::visit(
        [](const auto& a) -> nlohmann::json {
            using T = std::decay_t<decltype(a)>;
            if constexpr (std::is_same_v<T, ChoiceAnswer>) return a.id;
            else if constexpr (std::is_same_v<T, ChoicesAnswer>) return a.ids;
            else if constexpr (std::is_same_v<T, FlagAnswer>) return a.value;
            else if constexpr (std::is_same_v<T, PairsAnswer>) return a.right_for_left;
            else if constexpr (std::is_same_v<T, OrderAnswer>) return a.ids;
            else if constexpr (std::is_same_v<T, NumberAnswer>) return a.value;
            else if constexpr (std::is_same_v<T, TextAnswer>) return a.text;
            else if constexpr (std::is_same_v<T, PointsAnswer>) {
                nlohmann::json pts = nlohmann::json::array();
                for (const Point& p : a.points) pts.push_back({p.x, p.y});
                return pts;
            } else return a.regions;
        },
        response);
}

Response response_from_json(ScreenKind kind, const nlohmann::json& v) {
    switch (kind) {
        case ScreenKind::SingleChoice:
            if (!v.is_string()) throw std::invalid_argument("expected a choice id, like \"a\"");
            return ChoiceAnswer{v.get<std::string>()};
        case ScreenKind::MultipleChoice:
            return ChoicesAnswer{string_list(v, "a list of choice ids, like [\"a\", \"c\"]")};
        case ScreenKind::TrueFalse:
            if (!v.is_boolean()) throw std::invalid_argument("expected true or false");
            return FlagAnswer{v.get<bool>()};
        case ScreenKind::Matching: {
            if (!v.is_object()) throw std::invalid_argument("expected an object from left ids to right ids");
            PairsAnswer a;
            for (const auto& [left, right] : v.items()) {
                if (!right.is_string()) throw std::invalid_argument("expected an object from left ids to right ids");
                a.right_for_left[left] = right.get<std::string>();
            }
            return a;
        }
        case ScreenKind::Ordering:
            return OrderAnswer{string_list(v, "a list of item ids in order")};
        case ScreenKind::Numeric:
            if (!v.is_number()) throw std::invalid_argument("expected a number");
            return NumberAnswer{v.get<double>()};
        case ScreenKind::ShortText:
            if (!v.is_string()) throw std::invalid_argument("expected a text");
            return TextAnswer{v.get<std::string>()};
        case ScreenKind::Hotspot: {
            if (is_empty_list(v)) return PointsAnswer{};
            if (!v.is_array()) throw std::invalid_argument("expected a list of points, like [[120, 80]]");
            PointsAnswer a;
            for (const auto& p : v) {
                if (!p.is_array() || p.size() != 2 || !p[0].is_number() || !p[1].is_number())
                    throw std::invalid_argument("expected a list of points, like [[120, 80]]");
                a.points.push_back({p[0].get<double>(), p[1].get<double>()});
            }
            return a;
        }
        case ScreenKind::Canvas:
            return ClicksAnswer{string_list(v, "a list of region ids clicked, in order")};
        case ScreenKind::Info:
            break;
    }
    throw std::invalid_argument("an information screen takes no answer");
}

bool response_fits(ScreenKind kind, const Response& r) {
    switch (kind) {
        case ScreenKind::SingleChoice: return std::holds_alternative<ChoiceAnswer>(r);
        case ScreenKind::MultipleChoice: return std::holds_alternative<ChoicesAnswer>(r);
        case ScreenKind::TrueFalse: return std::holds_alternative<FlagAnswer>(r);
        case ScreenKind::Matching: return std::holds_alternative<PairsAnswer>(r);
        case ScreenKind::Ordering: return std::holds_alternative<OrderAnswer>(r);
        case ScreenKind::Numeric: return std::holds_alternative<NumberAnswer>(r);
        case ScreenKind::ShortText: return std::holds_alternative<TextAnswer>(r);
        case ScreenKind::Hotspot: return std::holds_alternative<PointsAnswer>(r);
        case ScreenKind::Canvas: return std::holds_alternative<ClicksAnswer>(r);
        case ScreenKind::Info: return false;
    }
    return false;
}

}  // namespace cbt::course
