// A trainee's answer to one screen, typed per kind, and its JSON form (journal, --answers files).
#pragma once
#include <map>
#include <string>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "course/screen.hpp"

namespace cbt::course {

struct ChoiceAnswer { std::string id; };
struct ChoicesAnswer { std::vector<std::string> ids; };
struct FlagAnswer { bool value = false; };
struct PairsAnswer { std::map<std::string, std::string> right_for_left; };
struct OrderAnswer { std::vector<std::string> ids; };
struct NumberAnswer { double value = 0; };
struct TextAnswer { std::string text; };
struct PointsAnswer { std::vector<Point> points; };
struct ClicksAnswer { std::vector<std::string> regions; };

// One answer; which alternative is valid depends on the screen's kind.
using Response = std::variant<ChoiceAnswer, ChoicesAnswer, FlagAnswer, PairsAnswer, OrderAnswer, NumberAnswer,
                              TextAnswer, PointsAnswer, ClicksAnswer>;

// The JSON an author or a script writes for an answer:
// single "a"; multiple ["a","c"]; truefalse true; matching {"left":"right"}; ordering ["x","y"];
// numeric 42.5; text "heroin"; hotspot [[x,y], ...]; canvas ["region", ...].
nlohmann::json response_to_json(const Response& response);
// Reads an answer for a screen of `kind`; throws std::invalid_argument saying what was expected.
Response response_from_json(ScreenKind kind, const nlohmann::json& value);
// True when the response's alternative fits the kind.
bool response_fits(ScreenKind kind, const Response& response);

}  // namespace cbt::course
