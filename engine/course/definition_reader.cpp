// Reading course data into typed models. Every check here is also what `cbt check` reports, so
// messages name the field and say what was expected.
#include "course/definition_reader.hpp"

#include <algorithm>
#include <set>

#include "course/lua/convert.hpp"

namespace cbt::course {
namespace {

using nlohmann::json;

const std::set<std::string> common_fields = {"type",   "id",     "title",    "body",     "prompt",  "explanation",
                                             "weight", "attempts", "partial", "shuffle", "next",    "score",
                                             "solution", "wrong", "_file",   "_line"};

const std::set<std::string>& kind_fields(ScreenKind kind) {
    static const std::set<std::string> none;
    static const std::set<std::string> choice = {"choices", "correct"};
    static const std::set<std::string> flag = {"correct"};
    static const std::set<std::string> matching = {"pairs"};
    static const std::set<std::string> ordering = {"items"};
    static const std::set<std::string> numeric = {"answer", "tolerance", "unit"};
    static const std::set<std::string> text = {"accept"};
    static const std::set<std::string> hotspot = {"image", "width", "height", "regions", "correct", "max_points"};
    static const std::set<std::string> canvas = {"width", "height", "init", "draw", "click", "done"};
    switch (kind) {
        case ScreenKind::SingleChoice:
        case ScreenKind::MultipleChoice: return choice;
        case ScreenKind::TrueFalse: return flag;
        case ScreenKind::Matching: return matching;
        case ScreenKind::Ordering: return ordering;
        case ScreenKind::Numeric: return numeric;
        case ScreenKind::ShortText: return text;
        case ScreenKind::Hotspot: return hotspot;
        case ScreenKind::Canvas: return canvas;
        case ScreenKind::Info: return none;
    }
    return none;
}

const json* field(const json& table, const char* name) {
    if (!table.is_object()) return nullptr;
    auto it = table.find(name);
    return it == table.end() || it->is_null() ? nullptr : &*it;
}

std::optional<std::string> read_id(const json& table, const Location& at, ProblemList& problems, const char* what) {
    const json* v = field(table, "id");
    if (!v) {
        problems.add(at, std::string(what) + " has no id");
        return std::nullopt;
    }
    if (!v->is_string() || !is_valid_id(v->get<std::string>())) {
        problems.add(at, std::string(what) + " id must be 1-64 letters, digits, '_', '-' or '.'");
        return std::nullopt;
    }
    return v->get<std::string>();
}

std::optional<double> read_number(const json& table, const char* name, const Location& at, ProblemList& problems,
                                  double min, double max) {
    const json* v = field(table, name);
    if (!v) return std::nullopt;
    if (!v->is_number() || v->get<double>() < min || v->get<double>() > max) {
        problems.add(at, std::string("'") + name + "' must be a number from " + nlohmann::json(min).dump() + " to " +
                             nlohmann::json(max).dump());
        return std::nullopt;
    }
    return v->get<double>();
}

bool read_flag(const json& table, const char* name, bool fallback, const Location& at, ProblemList& problems) {
    const json* v = field(table, name);
    if (!v) return fallback;
    if (!v->is_boolean()) {
        problems.add(at, std::string("'") + name + "' must be true or false");
        return fallback;
    }
    return v->get<bool>();
}

std::vector<std::string> read_id_list(const json& value, const Location& at, ProblemList& problems, const char* what) {
    std::vector<std::string> out;
    if (value.is_string()) return {value.get<std::string>()};
    for (const json& item : lua::sequence_of(value)) {
        if (item.is_string()) out.push_back(item.get<std::string>());
        else problems.add(at, std::string(what) + " must list ids as text");
    }
    if (!value.is_array() && out.empty()) problems.add(at, std::string(what) + " must be an id or a list of ids");
    return out;
}

Block read_block(const json& value, const Location& at, ProblemList& problems) {
    if (value.is_string()) return Paragraph{LocalText(value.get<std::string>())};
    const json* kind = field(value, "block");
    const Location here = location_of(value, at);
    if (!kind) return Paragraph{read_text(value, here, problems, "a paragraph"), 0};
    const std::string name = kind->is_string() ? kind->get<std::string>() : "";
    if (name == "heading") return Heading{read_text(value.value("text", json()), here, problems, "a heading"), here.line};
    if (name == "para") return Paragraph{read_text(value.value("text", json()), here, problems, "a paragraph"), here.line};
    if (name == "bullets" || name == "numbered") {
        BulletList list;
        list.numbered = name == "numbered";
        list.line = here.line;
        for (const json& item : lua::sequence_of(value.value("items", json()))) list.items.push_back(read_text(item, here, problems, "a list item"));
        if (list.items.empty()) problems.add(here, "a list has no items");
        return list;
    }
    if (name == "image") {
        Picture picture;
        picture.line = here.line;
        const json* file = field(value, "file");
        if (!file || !file->is_string()) problems.add(here, "an image needs file = \"path inside the course\"");
        else picture.file = file->get<std::string>();
        if (const json* c = field(value, "caption")) picture.caption = read_text(*c, here, problems, "a caption");
        if (const json* a = field(value, "alt")) picture.alt = read_text(*a, here, problems, "an image's alt text");
        return picture;
    }
    problems.add(here, "unknown block '" + name + "'");
    return Paragraph{};
}

std::vector<Choice> read_choices(const json& value, const Location& at, ProblemList& problems, const char* what) {
    std::vector<Choice> out;
    std::set<std::string> seen;
    for (const json& item : lua::sequence_of(value)) {
        Choice c;
        if (auto id = read_id(item, at, problems, what)) c.id = *id;
        if (!c.id.empty() && !seen.insert(c.id).second) problems.add(at, std::string(what) + " id '" + c.id + "' is used twice");
        c.text = read_text(item.value("text", json()), at, problems, what);
        if (const json* f = field(item, "feedback")) c.feedback = read_text(*f, at, problems, "feedback");
        out.push_back(std::move(c));
    }
    return out;
}

std::optional<Region> read_region(const json& item, const Location& at, ProblemList& problems) {
    Region r;
    if (auto id = read_id(item, at, problems, "a region")) r.id = *id;
    else return std::nullopt;
    const auto numbers = [&](const char* name, std::size_t count) -> std::optional<std::vector<double>> {
        const json* v = field(item, name);
        if (!v) return std::nullopt;
        std::vector<double> out;
        for (const json& n : lua::sequence_of(*v)) {
            if (!n.is_number()) break;
            out.push_back(n.get<double>());
        }
        if ((count && out.size() != count) || (!count && (out.size() < 6 || out.size() % 2))) {
            problems.add(at, "region '" + r.id + "': " + name + " needs " +
                                 (count ? std::to_string(count) + " numbers" : std::string("x, y pairs for 3 or more corners")));
            return std::vector<double>{};
        }
        return out;
    };
    if (auto rect = numbers("rect", 4)) {
        if (rect->empty()) return std::nullopt;
        r.shape = Region::Rect{(*rect)[0], (*rect)[1], (*rect)[2], (*rect)[3]};
    } else if (auto circle = numbers("circle", 3)) {
        if (circle->empty()) return std::nullopt;
        r.shape = Region::Circle{(*circle)[0], (*circle)[1], (*circle)[2]};
    } else if (auto poly = numbers("polygon", 0)) {
        if (poly->empty()) return std::nullopt;
        Region::Polygon p;
        for (std::size_t i = 0; i + 1 < poly->size(); i += 2) p.points.push_back({(*poly)[i], (*poly)[i + 1]});
        r.shape = p;
    } else {
        problems.add(at, "region '" + r.id + "' needs rect = {x, y, w, h}, circle = {x, y, r} or polygon = {x1, y1, ...}");
        return std::nullopt;
    }
    if (const json* l = field(item, "label")) r.label = read_text(*l, at, problems, "a region label");
    if (const json* f = field(item, "feedback")) r.feedback = read_text(*f, at, problems, "feedback");
    return r;
}

std::optional<Color> parse_color(const json& v) {
    if (!v.is_string()) return std::nullopt;
    const std::string s = v.get<std::string>();
    if ((s.size() != 7 && s.size() != 9) || s[0] != '#') return std::nullopt;
    auto hex = [&](std::size_t i) -> int {
        int value = 0;
        for (std::size_t k = i; k < i + 2; ++k) {
            const char c = s[k];
            value *= 16;
            if (c >= '0' && c <= '9') value += c - '0';
            else if (c >= 'a' && c <= 'f') value += c - 'a' + 10;
            else if (c >= 'A' && c <= 'F') value += c - 'A' + 10;
            else return -1;
        }
        return value;
    };
    Color c;
    const int r = hex(1), g = hex(3), b = hex(5), a = s.size() == 9 ? hex(7) : 255;
    if (r < 0 || g < 0 || b < 0 || a < 0) return std::nullopt;
    c.r = static_cast<unsigned char>(r);
    c.g = static_cast<unsigned char>(g);
    c.b = static_cast<unsigned char>(b);
    c.a = static_cast<unsigned char>(a);
    return c;
}

}  // namespace

std::string string_field(const json& table, const char* name) {
    const json* v = field(table, name);
    return v && v->is_string() ? v->get<std::string>() : std::string();
}

double number_field(const json& table, const char* name, double fallback) {
    const json* v = field(table, name);
    return v && v->is_number() ? v->get<double>() : fallback;
}

bool flag_field(const json& table, const char* name, bool fallback) {
    const json* v = field(table, name);
    return v && v->is_boolean() ? v->get<bool>() : fallback;
}

bool is_valid_id(const std::string& id) {
    if (id.empty() || id.size() > 64) return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
    });
}

Location location_of(const json& table, const Location& fallback) {
    Location at = fallback;
    if (const json* f = field(table, "_file"); f && f->is_string()) at.file = f->get<std::string>();
    if (const json* l = field(table, "_line"); l && l->is_number_integer()) at.line = l->get<int>();
    return at;
}

LocalText read_text(const json& value, const Location& at, ProblemList& problems, const char* what) {
    LocalText text;
    if (value.is_string()) return LocalText(value.get<std::string>());
    if (value.is_number()) return LocalText(value.dump());
    if (value.is_object() && !value.empty() && !value.contains("block")) {
        bool ok = true;
        for (const auto& [lang, item] : value.items()) {
            if (lang.rfind('_', 0) == 0) continue;
            if (!item.is_string() || lang.size() < 2 || lang.size() > 5) ok = false;
            else text.set(lang, item.get<std::string>());
        }
        if (ok && !text.empty()) return text;
    }
    problems.add(at, std::string(what) + " must be text or a table of translations like { en = \"...\", ru = \"...\" }");
    return text;
}

LessonDefinition read_lesson(const json& table, const Location& file, ProblemList& problems) {
    LessonDefinition lesson;
    const Location at = location_of(table, file);
    lesson.file = file.file;
    lesson.line = at.line;
    if (!table.is_object() || string_field(table, "type") != "lesson") {
        problems.add(at, "a lesson file must end with: return lesson { id = ..., title = ..., screens = { ... } }");
        return lesson;
    }
    static const std::set<std::string> known = {"type", "id", "title", "objectives", "pass_mark", "time_limit",
                                                "screens", "_file", "_line"};
    for (const auto& [key, v] : table.items())
        if (!known.contains(key)) problems.add(at, "unknown lesson field '" + key + "'");
    if (auto id = read_id(table, at, problems, "the lesson")) lesson.id = *id;
    if (const json* t = field(table, "title")) lesson.title = read_text(*t, at, problems, "the lesson title");
    else problems.add(at, "the lesson has no title");
    if (const json* o = field(table, "objectives"))
        for (const json& item : lua::sequence_of(*o)) lesson.objectives.push_back(read_text(item, at, problems, "an objective"));
    lesson.pass_mark = read_number(table, "pass_mark", at, problems, 0, 1);
    if (auto limit = read_number(table, "time_limit", at, problems, 1, 24 * 3600)) lesson.time_limit_s = static_cast<int>(*limit);
    const json* screens = field(table, "screens");
    if (!screens) problems.add(at, "the lesson has no screens");
    else lesson.entries = lua::sequence_of(*screens);
    if (screens && lesson.entries.empty()) problems.add(at, "the lesson's screens list is empty");
    return lesson;
}

Screen read_screen(const json& table, const Location& fallback, ProblemList& problems) {
    Screen s;
    const Location at = location_of(table, fallback);
    s.file = at.file;
    s.line = at.line;
    if (!table.is_object()) {
        problems.add(at, "a screen must be a table made with info{}, single{}, multiple{}, ... ");
        return s;
    }
    const std::string type = string_field(table, "type");
    const auto kind = kind_from_name(type);
    if (!kind) {
        problems.add(at, type.empty() ? "a screen has no type; write it as info{...}, single{...}, ..."
                                      : "unknown screen type '" + type + "'");
        return s;
    }
    s.kind = *kind;
    const auto& extra = kind_fields(s.kind);
    for (const auto& [key, v] : table.items())
        if (!common_fields.contains(key) && !extra.contains(key))
            problems.add(at, "unknown field '" + key + "' on a " + type + " screen");
    if (auto id = read_id(table, at, problems, "a screen")) s.id = *id;
    if (const json* t = field(table, "title")) s.title = read_text(*t, at, problems, "the title");
    if (const json* b = field(table, "body"))
        for (const json& block : lua::sequence_of(*b)) s.body.push_back(read_block(block, at, problems));
    if (const json* p = field(table, "prompt")) s.prompt = read_text(*p, at, problems, "the prompt");
    else if (is_question(s.kind)) problems.add(at, "screen '" + s.id + "' asks nothing: it has no prompt");
    if (const json* e = field(table, "explanation")) s.explanation = read_text(*e, at, problems, "the explanation");
    s.weight = read_number(table, "weight", at, problems, 0, 1000).value_or(1);
    s.attempts = static_cast<int>(read_number(table, "attempts", at, problems, 1, 10).value_or(1));
    s.partial_credit = read_flag(table, "partial", true, at, problems);
    const json* score_hook = field(table, "score");
    s.custom_score = score_hook != nullptr;
    if (score_hook && !lua::is_function_ref(*score_hook)) problems.add(at, "'score' must be a function");
    s.has_solution = field(table, "solution") != nullptr;
    if (const json* n = field(table, "next")) {
        if (lua::is_function_ref(*n)) s.has_branching = true;
        else if (n->is_string()) s.next_id = n->get<std::string>();
        else problems.add(at, "'next' must be a screen id, \"end\" or a function");
    }

    const json empty;
    const json& correct = table.contains("correct") ? table["correct"] : empty;
    switch (s.kind) {
        case ScreenKind::Info:
            if (s.title.empty() && s.body.empty()) problems.add(at, "information screen '" + s.id + "' is empty");
            break;
        case ScreenKind::SingleChoice:
        case ScreenKind::MultipleChoice: {
            s.choices = read_choices(table.value("choices", json()), at, problems, "a choice");
            if (s.choices.size() < 2) problems.add(at, "screen '" + s.id + "' needs at least two choices");
            if (!correct.is_null()) s.correct_ids = read_id_list(correct, at, problems, "'correct'");
            if (s.kind == ScreenKind::SingleChoice && s.correct_ids.size() > 1)
                problems.add(at, "a single-choice screen has exactly one correct choice; use multiple{} for more");
            if (s.correct_ids.empty() && !s.custom_score) problems.add(at, "screen '" + s.id + "' has no 'correct' answer");
            for (const auto& id : s.correct_ids)
                if (std::none_of(s.choices.begin(), s.choices.end(), [&](const Choice& c) { return c.id == id; }))
                    problems.add(at, "'correct' names choice '" + id + "', which screen '" + s.id + "' does not have");
            break;
        }
        case ScreenKind::TrueFalse:
            if (correct.is_boolean()) s.correct_flag = correct.get<bool>();
            else if (!s.custom_score) problems.add(at, "a true/false screen needs correct = true or correct = false");
            break;
        case ScreenKind::Matching: {
            std::set<std::string> seen;
            for (const json& item : lua::sequence_of(table.value("pairs", json()))) {
                MatchPair p;
                if (auto id = read_id(item, at, problems, "a pair")) p.id = *id;
                if (!p.id.empty() && !seen.insert(p.id).second) problems.add(at, "pair id '" + p.id + "' is used twice");
                p.left = read_text(item.value("left", json()), at, problems, "a pair's left side");
                p.right = read_text(item.value("right", json()), at, problems, "a pair's right side");
                s.pairs.push_back(std::move(p));
            }
            if (s.pairs.size() < 2) problems.add(at, "matching screen '" + s.id + "' needs at least two pairs");
            for (const auto& p : s.pairs) s.right_order.push_back(p.id);
            break;
        }
        case ScreenKind::Ordering:
            s.choices = read_choices(table.value("items", json()), at, problems, "an item");
            if (s.choices.size() < 2) problems.add(at, "ordering screen '" + s.id + "' needs at least two items");
            for (const auto& c : s.choices) s.correct_order.push_back(c.id);
            break;
        case ScreenKind::Numeric:
            if (auto n = read_number(table, "answer", at, problems, -1e15, 1e15)) s.number = *n;
            else if (!s.custom_score) problems.add(at, "numeric screen '" + s.id + "' needs answer = <number>");
            s.tolerance = read_number(table, "tolerance", at, problems, 0, 1e15).value_or(0);
            if (const json* u = field(table, "unit")) s.unit = read_text(*u, at, problems, "the unit");
            break;
        case ScreenKind::ShortText:
            if (const json* a = field(table, "accept")) {
                for (const json& item : lua::sequence_of(*a)) {
                    if (item.is_string() && !item.get<std::string>().empty()) s.accepted.push_back(item.get<std::string>());
                    else problems.add(at, "'accept' must list non-empty texts");
                }
                if (a->is_string()) s.accepted.push_back(a->get<std::string>());
            }
            if (s.accepted.empty() && !s.custom_score) problems.add(at, "text screen '" + s.id + "' needs accept = { \"answer\", ... }");
            break;
        case ScreenKind::Hotspot: {
            const json* image = field(table, "image");
            if (!image || !image->is_string()) problems.add(at, "hotspot screen '" + s.id + "' needs image = \"file\"");
            else s.image = image->get<std::string>();
            s.width = read_number(table, "width", at, problems, 1, 100000).value_or(0);
            s.height = read_number(table, "height", at, problems, 1, 100000).value_or(0);
            if (s.width == 0 || s.height == 0) problems.add(at, "hotspot screen '" + s.id + "' needs width and height (the image's size)");
            std::set<std::string> seen;
            for (const json& item : lua::sequence_of(table.value("regions", json()))) {
                if (auto r = read_region(item, at, problems)) {
                    if (!seen.insert(r->id).second) problems.add(at, "region id '" + r->id + "' is used twice");
                    s.regions.push_back(std::move(*r));
                }
            }
            if (s.regions.empty()) problems.add(at, "hotspot screen '" + s.id + "' has no regions");
            if (!correct.is_null()) s.correct_ids = read_id_list(correct, at, problems, "'correct'");
            if (s.correct_ids.empty() && !s.custom_score) problems.add(at, "hotspot screen '" + s.id + "' has no 'correct' region");
            for (const auto& id : s.correct_ids)
                if (!seen.contains(id)) problems.add(at, "'correct' names region '" + id + "', which screen '" + s.id + "' does not have");
            s.max_points = static_cast<int>(read_number(table, "max_points", at, problems, 1, 50)
                                                .value_or(static_cast<double>(std::max<std::size_t>(1, s.correct_ids.size()))));
            break;
        }
        case ScreenKind::Canvas:
            s.width = read_number(table, "width", at, problems, 1, 100000).value_or(800);
            s.height = read_number(table, "height", at, problems, 1, 100000).value_or(600);
            for (const char* hook : {"init", "draw", "click", "done"}) {
                const json* h = field(table, hook);
                if (h && !lua::is_function_ref(*h)) problems.add(at, std::string("'") + hook + "' must be a function");
            }
            if (!field(table, "draw")) problems.add(at, "canvas screen '" + s.id + "' needs a draw function");
            if (!s.custom_score) problems.add(at, "canvas screen '" + s.id + "' needs a score function");
            if (!s.has_solution) problems.add(at, "canvas screen '" + s.id + "' needs solution = { region ids to click }");
            break;
    }
    if (s.custom_score && s.kind != ScreenKind::Canvas && !s.has_solution)
        problems.add(at, "screen '" + s.id + "' scores with a function, so it needs a 'solution' that earns full marks");
    if (const json* shuffle = field(table, "shuffle"); shuffle && !shuffle->is_boolean())
        problems.add(at, "'shuffle' must be true or false");
    return s;
}

DisplayList read_display_list(const json& ops, const Location& at, ProblemList& problems) {
    DisplayList list;
    for (const json& op : lua::sequence_of(ops)) {
        DrawOp d;
        const std::string kind = string_field(op, "op");
        const auto num = [&](const char* name) {
            const json* v = field(op, name);
            if (!v || !v->is_number()) {
                problems.add(at, "draw op '" + kind + "' needs a number '" + name + "'");
                return 0.0;
            }
            return v->get<double>();
        };
        if (kind == "rect" || kind == "image" || kind == "text") {
            d.kind = kind == "rect" ? DrawOp::Kind::Rect : kind == "image" ? DrawOp::Kind::Image : DrawOp::Kind::Text;
            const double x = num("x"), y = num("y");
            const double w = kind == "text" ? number_field(op, "w", 0) : num("w");
            const double h = kind == "text" ? number_field(op, "h", 0) : num("h");
            d.points = {{x, y}, {x + w, y + h}};
        } else if (kind == "circle") {
            d.kind = DrawOp::Kind::Circle;
            d.points = {{num("x"), num("y")}};
            d.radius = num("r");
        } else if (kind == "line") {
            d.kind = DrawOp::Kind::Line;
            d.points = {{num("x1"), num("y1")}, {num("x2"), num("y2")}};
        } else if (kind == "polygon") {
            d.kind = DrawOp::Kind::Polygon;
            const auto coords = lua::sequence_of(op.value("points", json()));
            for (std::size_t i = 0; i + 1 < coords.size(); i += 2)
                if (coords[i].is_number() && coords[i + 1].is_number())
                    d.points.push_back({coords[i].get<double>(), coords[i + 1].get<double>()});
            if (d.points.size() < 3) problems.add(at, "a polygon needs points = { x1, y1, x2, y2, x3, y3, ... }");
        } else {
            problems.add(at, "unknown draw op '" + kind + "' (use rect, circle, line, polygon, text or image)");
            continue;
        }
        if (const json* f = field(op, "fill")) {
            d.fill = parse_color(*f);
            if (!d.fill) problems.add(at, "colours are written \"#rrggbb\" or \"#rrggbbaa\"");
        }
        if (const json* c = field(op, "color")) {
            d.stroke = parse_color(*c);
            if (!d.stroke) problems.add(at, "colours are written \"#rrggbb\" or \"#rrggbbaa\"");
        }
        if (const json* w = field(op, "width"); w && w->is_number() && d.kind == DrawOp::Kind::Line) d.line_width = w->get<double>();
        if (const json* lw = field(op, "line_width"); lw && lw->is_number()) d.line_width = lw->get<double>();
        if (d.kind == DrawOp::Kind::Text) {
            d.text = read_text(op.value("text", json()), at, problems, "canvas text");
            d.text_size = number_field(op, "size", 20);
        }
        if (d.kind == DrawOp::Kind::Image) {
            const json* file = field(op, "file");
            if (file && file->is_string()) d.image = file->get<std::string>();
            else problems.add(at, "an image op needs file = \"path inside the course\"");
        }
        if (const json* r = field(op, "region"); r && r->is_string()) d.region = r->get<std::string>();
        list.push_back(std::move(d));
    }
    return list;
}

}  // namespace cbt::course
