// Lesson runtime. Randomness is drawn per purpose ("pool:<id>", "screen:<id>", ...) from the
// attempt seed, so a screen's numbers do not depend on the path taken to reach it, and a canvas
// answer can be re-scored by replaying its clicks from a fresh state.
#include "course/lesson_runtime.hpp"

#include <lua.hpp>

#include <algorithm>
#include <cmath>
#include <set>
#include <stdexcept>

#include "course/lua/convert.hpp"
#include "course/scoring.hpp"

namespace cbt::course {
using nlohmann::json;

// The functions behind ctx.result and ctx.score, which read the runtime's standing results.
struct ContextAccess {
    static LessonRuntime& runtime(lua_State* L) {
        return *static_cast<LessonRuntime*>(lua_touserdata(L, lua_upvalueindex(1)));
    }
    static int result(lua_State* L) {
        const char* id = luaL_checkstring(L, 1);
        const LessonRuntime& rt = runtime(L);
        const auto it = rt.item_index_.find(id);
        if (it == rt.item_index_.end()) {
            lua_pushnil(L);
            return 1;
        }
        const ItemResult& item = rt.items_[it->second];
        lua_createtable(L, 0, 4);
        lua_pushnumber(L, item.score);
        lua_setfield(L, -2, "score");
        lua_pushboolean(L, item.correct);
        lua_setfield(L, -2, "correct");
        lua_pushinteger(L, item.tries);
        lua_setfield(L, -2, "tries");
        lua::push_json(L, item.answer);
        lua_setfield(L, -2, "answer");
        return 1;
    }
    static int score(lua_State* L) {
        lua_pushnumber(L, runtime(L).result().score);
        return 1;
    }
};

namespace {

const json* find_field(const json& table, const char* name) {
    if (!table.is_object()) return nullptr;
    const auto it = table.find(name);
    return it == table.end() || it->is_null() ? nullptr : &*it;
}

// Restores the Lua stack height however a C++ block is left.
class StackGuard {
public:
    explicit StackGuard(lua_State* L) : L_(L), top_(lua_gettop(L)) {}
    ~StackGuard() { lua_settop(L_, top_); }
private:
    lua_State* L_;
    int top_;
};

Point inside_point(const Region& r) {
    if (const auto* rect = std::get_if<Region::Rect>(&r.shape)) return {rect->x + rect->w / 2, rect->y + rect->h / 2};
    if (const auto* c = std::get_if<Region::Circle>(&r.shape)) return {c->x, c->y};
    const auto& pts = std::get<Region::Polygon>(r.shape).points;
    Point centroid;
    for (const Point& p : pts) centroid = {centroid.x + p.x / pts.size(), centroid.y + p.y / pts.size()};
    if (r.contains(centroid)) return centroid;
    double min_x = pts[0].x, max_x = pts[0].x, min_y = pts[0].y, max_y = pts[0].y;
    for (const Point& p : pts) {
        min_x = std::min(min_x, p.x), max_x = std::max(max_x, p.x);
        min_y = std::min(min_y, p.y), max_y = std::max(max_y, p.y);
    }
    for (int i = 1; i < 32; ++i)
        for (int j = 1; j < 32; ++j) {
            const Point p{min_x + (max_x - min_x) * i / 32, min_y + (max_y - min_y) * j / 32};
            if (r.contains(p)) return p;
        }
    return pts[0];
}

}  // namespace

LessonRuntime::LessonRuntime(const Course& course, const std::string& lesson_id, std::uint64_t seed,
                             std::string language, SandboxLimits limits)
    : course_(course), seed_(seed), language_(std::move(language)), sandbox_(limits) {
    sandbox_.set_print_sink([this](const std::string& line) { printed_.push_back(line); });
    const LessonEntry* entry = course_.find_lesson(lesson_id);
    if (!entry) throw CourseError({"course.lua", 0, "the course has no lesson '" + lesson_id + "'"});
    lua_State* L = sandbox_.state();
    {
        StackGuard guard(L);
        sandbox_.load(course_.read_file(entry->file), entry->file);
        sandbox_.call(0, 1, entry->file);
        json table;
        try {
            table = lua::to_json(L, -1);
        } catch (const lua::ConvertError& e) {
            throw CourseError({entry->file, 0, e.what()});
        }
        std::vector<Problem> problems;
        ProblemList list(problems);
        lesson_ = read_lesson(table, {entry->file, 0}, list);
        if (!problems.empty()) throw CourseError(problems.front());
        if (lesson_.title.empty()) lesson_.title = entry->title;
    }
    {
        StackGuard guard(L);
        lua_createtable(L, 0, 8);
        lua_newtable(L);
        lua_setfield(L, -2, "vars");
        lua_pushlstring(L, language_.data(), language_.size());
        lua_setfield(L, -2, "lang");
        lua_pushinteger(L, static_cast<lua_Integer>(seed_));
        lua_setfield(L, -2, "seed");
        lua_pushlightuserdata(L, this);
        lua_pushcclosure(L, &ContextAccess::result, 1);
        lua_setfield(L, -2, "result");
        lua_pushlightuserdata(L, this);
        lua_pushcclosure(L, &ContextAccess::score, 1);
        lua_setfield(L, -2, "score");
        sandbox_.push_globals();
        lua_getfield(L, -1, "math");
        lua_getfield(L, -1, "random");
        lua_setfield(L, -4, "random");
        lua_pop(L, 2);
        context_ref_ = luaL_ref(L, LUA_REGISTRYINDEX);
    }
    build_plan();
    enter(0);
}

LessonRuntime::~LessonRuntime() = default;

void LessonRuntime::fail(const std::string& message) const {
    throw CourseError({screen_.file.empty() ? lesson_.file : screen_.file, screen_.line, message});
}

void LessonRuntime::build_plan() {
    std::set<std::string> ids;
    const Location lesson_at{lesson_.file, lesson_.line};
    const auto define = [&](const std::string& id, const Location& at) {
        if (!ids.insert(id).second) throw CourseError({at.file, at.line, "screen id '" + id + "' is used twice in this lesson"});
        defined_ids_.push_back(id);
    };
    const auto id_of = [&](const json& def, const Location& at) {
        const json* id = find_field(def, "id");
        if (!id || !id->is_string() || !is_valid_id(id->get<std::string>()))
            throw CourseError({at.file, at.line, "every screen needs an id of letters, digits, '_', '-' or '.'"});
        return id->get<std::string>();
    };
    for (const json& def : lesson_.entries) {
        const Location at = location_of(def, lesson_at);
        const std::string type = def.is_object() ? string_field(def, "type") : "";
        if (type == "pool") {
            const std::string pool_id = id_of(def, at);
            const json* draw = find_field(def, "draw");
            const auto items = lua::sequence_of(def.value("items", json()));
            if (!draw || !draw->is_number_integer() || draw->get<int>() < 1)
                throw CourseError({at.file, at.line, "pool '" + pool_id + "' needs draw = <how many questions to ask>"});
            if (static_cast<std::size_t>(draw->get<int>()) > items.size())
                throw CourseError({at.file, at.line, "pool '" + pool_id + "' draws " + std::to_string(draw->get<int>()) +
                                                         " questions but holds only " + std::to_string(items.size())});
            const bool shuffle = flag_field(def, "shuffle", true);
            std::vector<std::size_t> order(items.size());
            for (std::size_t i = 0; i < order.size(); ++i) {
                order[i] = i;
                define(id_of(items[i], location_of(items[i], at)), location_of(items[i], at));
            }
            Rng rng = Rng::for_purpose(seed_, "pool:" + pool_id);
            rng.shuffle(order);
            for (int k = 0; k < draw->get<int>(); ++k) {
                const json& item = items[order[static_cast<std::size_t>(k)]];
                plan_.push_back({string_field(item, "id"), item, string_field(item, "type") == "dynamic", shuffle});
            }
        } else {
            const std::string id = id_of(def, at);
            define(id, at);
            plan_.push_back({id, def, type == "dynamic", false});
        }
    }
    if (plan_.empty()) throw CourseError({lesson_.file, lesson_.line, "the lesson has no screens"});
}

void LessonRuntime::push_context() { lua_rawgeti(sandbox_.state(), LUA_REGISTRYINDEX, context_ref_); }

void LessonRuntime::call_hook(const json& ref, Rng* rng, int nargs, int nresults) {
    // The function goes below the arguments the caller already pushed.
    lua_State* L = sandbox_.state();
    lua::push_function(L, ref);
    lua_insert(L, -(nargs + 1));
    sandbox_.set_rng(rng);
    try {
        sandbox_.call(nargs, nresults, screen_.file.empty() ? lesson_.file : screen_.file, screen_.line);
    } catch (...) {
        sandbox_.set_rng(nullptr);
        throw;
    }
    sandbox_.set_rng(nullptr);
}

const json* LessonRuntime::hook(const char* name) const {
    const json* h = find_field(current_definition_, name);
    return h && lua::is_function_ref(*h) ? h : nullptr;
}

void LessonRuntime::enter(std::size_t index) {
    lua_State* L = sandbox_.state();
    StackGuard guard(L);
    const PlanEntry& entry = plan_.at(index);
    const Location at = location_of(entry.definition, {lesson_.file, lesson_.line});
    json definition = entry.definition;
    if (entry.dynamic) {
        const json* build = find_field(definition, "build");
        if (!build || !lua::is_function_ref(*build))
            throw CourseError({at.file, at.line, "dynamic screen '" + entry.id + "' needs build = function(ctx) ... end"});
        Rng rng = Rng::for_purpose(seed_, "screen:" + entry.id);
        push_context();
        screen_.file = at.file;
        screen_.line = at.line;
        call_hook(*build, &rng, 1, 1);
        try {
            definition = lua::to_json(L, -1);
        } catch (const lua::ConvertError& e) {
            throw CourseError({at.file, at.line, std::string("dynamic screen '") + entry.id + "' built bad data: " + e.what()});
        }
        if (definition.is_object() && !definition.contains("id")) definition["id"] = entry.id;
        if (!definition.is_object() || string_field(definition, "id") != entry.id)
            throw CourseError({at.file, at.line, "dynamic screen '" + entry.id + "' must build a screen with the same id"});
    }
    std::vector<Problem> problems;
    ProblemList list(problems);
    Screen screen = read_screen(definition, at, list);
    if (!problems.empty()) throw CourseError(problems.front());

    index_ = index;
    current_definition_ = std::move(definition);
    screen_ = std::move(screen);
    tries_ = 0;
    settled_ = screen_.kind == ScreenKind::Info;
    clicks_.clear();
    display_.clear();
    shuffle_screen(entry);
    if (is_question(screen_.kind) &&
        std::find(shown_questions_.begin(), shown_questions_.end(), screen_.id) == shown_questions_.end())
        shown_questions_.push_back(screen_.id);
    if (screen_.kind == ScreenKind::Canvas) {
        reset_canvas_state();
        redraw();
    }
}

void LessonRuntime::shuffle_screen(const PlanEntry& entry) {
    Rng rng = Rng::for_purpose(seed_, "shuffle:" + screen_.id);
    const json* flag = find_field(current_definition_, "shuffle");
    const bool shuffle_choices = flag && flag->is_boolean() ? flag->get<bool>() : entry.shuffle_by_default;
    if (shuffle_choices && (screen_.kind == ScreenKind::SingleChoice || screen_.kind == ScreenKind::MultipleChoice))
        rng.shuffle(screen_.choices);
    // Ordering and matching are only a task when the shown order is not already the answer.
    if (screen_.kind == ScreenKind::Ordering && screen_.choices.size() > 1) {
        for (int i = 0; i < 8; ++i) {
            rng.shuffle(screen_.choices);
            if (screen_.choices.front().id != screen_.correct_order.front()) break;
        }
    }
    if (screen_.kind == ScreenKind::Matching && screen_.right_order.size() > 1) {
        for (int i = 0; i < 8; ++i) {
            rng.shuffle(screen_.right_order);
            if (screen_.right_order.front() != screen_.pairs.front().id) break;
        }
    }
}

const Screen& LessonRuntime::current() const {
    if (finished_) throw std::logic_error("the lesson is finished; there is no current screen");
    return screen_;
}

void LessonRuntime::reset_canvas_state() {
    lua_State* L = sandbox_.state();
    StackGuard guard(L);
    if (canvas_state_ref_) luaL_unref(L, LUA_REGISTRYINDEX, canvas_state_ref_);
    lua_newtable(L);
    canvas_state_ref_ = luaL_ref(L, LUA_REGISTRYINDEX);
    canvas_rng_.emplace(Rng::for_purpose(seed_, "canvas:" + screen_.id));
    if (const json* init = hook("init")) {
        lua_rawgeti(L, LUA_REGISTRYINDEX, canvas_state_ref_);
        push_context();
        call_hook(*init, &*canvas_rng_, 2, 0);
    }
}

void LessonRuntime::redraw() {
    lua_State* L = sandbox_.state();
    StackGuard guard(L);
    const json* draw = hook("draw");
    if (!draw) fail("canvas screen '" + screen_.id + "' has no draw function");
    lua_rawgeti(L, LUA_REGISTRYINDEX, canvas_state_ref_);
    push_context();
    call_hook(*draw, &*canvas_rng_, 2, 1);
    json ops;
    try {
        ops = lua::to_json(L, -1);
    } catch (const lua::ConvertError& e) {
        fail(std::string("draw returned bad data: ") + e.what());
    }
    std::vector<Problem> problems;
    ProblemList list(problems);
    DisplayList display = read_display_list(ops, {screen_.file, screen_.line}, list);
    if (!problems.empty()) throw CourseError(problems.front());
    display_ = std::move(display);
}

bool LessonRuntime::run_canvas_click(const std::string& region) {
    lua_State* L = sandbox_.state();
    StackGuard guard(L);
    if (const json* click = hook("click")) {
        lua_rawgeti(L, LUA_REGISTRYINDEX, canvas_state_ref_);
        lua_pushlstring(L, region.data(), region.size());
        push_context();
        call_hook(*click, &*canvas_rng_, 3, 0);
    }
    if (const json* done = hook("done")) {
        lua_rawgeti(L, LUA_REGISTRYINDEX, canvas_state_ref_);
        push_context();
        call_hook(*done, &*canvas_rng_, 2, 1);
        return lua_toboolean(L, -1) != 0;
    }
    return false;
}

bool LessonRuntime::canvas_click(const std::string& region) {
    if (finished_ || screen_.kind != ScreenKind::Canvas) throw std::logic_error("the current screen is not a canvas");
    if (settled_) throw std::logic_error("the simulation is already answered");
    clicks_.push_back(region);
    const bool done = run_canvas_click(region);
    redraw();
    return done;
}

double LessonRuntime::score_custom(const Response& response) {
    lua_State* L = sandbox_.state();
    StackGuard guard(L);
    const json* score = hook("score");
    if (!score) fail("screen '" + screen_.id + "' has no score function");
    Rng rng = Rng::for_purpose(seed_, "score:" + screen_.id);
    if (screen_.kind == ScreenKind::Canvas) {
        // Re-run the clicks from a fresh state: the score then depends on the answer alone.
        const auto& clicks = std::get<ClicksAnswer>(response).regions;
        reset_canvas_state();
        clicks_.clear();
        for (const auto& region : clicks) {
            clicks_.push_back(region);
            if (run_canvas_click(region)) break;
        }
        redraw();
        lua_rawgeti(L, LUA_REGISTRYINDEX, canvas_state_ref_);
        push_context();
        call_hook(*score, &*canvas_rng_, 2, 1);
    } else {
        push_context();
        lua::push_json(L, response_to_json(response));
        call_hook(*score, &rng, 2, 1);
    }
    if (!lua_isnumber(L, -1)) fail("the score function of screen '" + screen_.id + "' must return a number from 0 to 1");
    const double value = lua_tonumber(L, -1);
    if (!std::isfinite(value)) fail("the score function of screen '" + screen_.id + "' returned a number that is not finite");
    return std::clamp(value, 0.0, 1.0);
}

Outcome LessonRuntime::answer(const Response& response) {
    if (finished_) throw std::logic_error("the lesson is finished");
    if (!is_question(screen_.kind)) throw std::logic_error("an information screen takes no answer");
    if (settled_) throw std::logic_error("this question is already answered");
    if (!response_fits(screen_.kind, response))
        throw std::invalid_argument(std::string("the answer does not fit a ") + kind_name(screen_.kind) + " screen");

    ItemScore scored;
    if (screen_.custom_score) {
        scored.score = score_custom(response);
        scored.correct = scored.score >= 1.0 - 1e-9;
        if (screen_.kind != ScreenKind::Canvas) {
            // Per-choice feedback still applies when a hook does the scoring.
            try {
                scored.feedback = score_builtin(screen_, response).feedback;
            } catch (const std::invalid_argument&) {
            }
        }
    } else {
        scored = score_builtin(screen_, response);
    }
    ++tries_;
    settled_ = scored.correct || tries_ >= screen_.attempts;
    if (screen_.kind == ScreenKind::Canvas && !settled_) {
        // The next try starts the simulation afresh.
        reset_canvas_state();
        clicks_.clear();
        redraw();
    }

    const auto found = item_index_.find(screen_.id);
    if (found == item_index_.end()) {
        item_index_[screen_.id] = items_.size();
        items_.push_back({});
    }
    ItemResult& item = items_[item_index_[screen_.id]];
    item = {screen_.id, screen_.kind, screen_.weight, scored.score, scored.correct, settled_, tries_, response_to_json(response)};

    Outcome outcome;
    outcome.score = scored.score;
    outcome.correct = scored.correct;
    outcome.settled = settled_;
    outcome.tries_used = tries_;
    outcome.tries_left = std::max(0, screen_.attempts - tries_);
    outcome.feedback = std::move(scored.feedback);
    if (settled_) outcome.explanation = screen_.explanation;
    return outcome;
}

std::size_t LessonRuntime::index_of(const std::string& id, const char* hook_name) const {
    for (std::size_t i = 0; i < plan_.size(); ++i)
        if (plan_[i].id == id) return i;
    const bool defined = std::find(defined_ids_.begin(), defined_ids_.end(), id) != defined_ids_.end();
    fail(std::string("'") + hook_name + "' leads to screen '" + id + "', which " +
         (defined ? "this attempt's pool draw did not include" : "the lesson does not have"));
}

void LessonRuntime::advance() {
    if (finished_) throw std::logic_error("the lesson is finished");
    if (!settled_) throw std::logic_error("answer the question before moving on");
    std::optional<std::string> target;
    if (const json* next = hook("next")) {
        lua_State* L = sandbox_.state();
        StackGuard guard(L);
        Rng rng = Rng::for_purpose(seed_, "next:" + screen_.id);
        push_context();
        const auto it = item_index_.find(screen_.id);
        if (it == item_index_.end()) lua_pushnil(L);
        else {
            lua_pushlightuserdata(L, this);
            lua_pushcclosure(L, &ContextAccess::result, 1);
            lua_pushlstring(L, screen_.id.data(), screen_.id.size());
            lua_call(L, 1, 1);
        }
        call_hook(*next, &rng, 2, 1);
        if (lua_type(L, -1) == LUA_TSTRING) target = lua_tostring(L, -1);
        else if (!lua_isnil(L, -1)) fail("the next function of screen '" + screen_.id + "' must return a screen id, \"end\" or nil");
    } else if (!screen_.next_id.empty()) {
        target = screen_.next_id;
    }
    if (target == "end" || (!target && index_ + 1 >= plan_.size())) {
        finished_ = true;
        return;
    }
    enter(target ? index_of(*target, "next") : index_ + 1);
}

void LessonRuntime::finish_early() {
    if (finished_) return;
    timed_out_ = true;
    finished_ = true;
    for (std::size_t i = index_ + 1; i < plan_.size(); ++i) {
        const std::string type = string_field(plan_[i].definition, "type");
        if (type != "info") shown_questions_.push_back(plan_[i].id);
    }
}

LessonResult LessonRuntime::result() const {
    LessonResult r;
    r.finished = finished_;
    r.timed_out = timed_out_;
    r.pass_mark = pass_mark();
    r.items = items_;
    std::set<std::string> answered;
    for (const auto& item : items_) answered.insert(item.screen_id);
    for (const auto& id : shown_questions_) {
        if (answered.contains(id)) continue;
        ItemResult missing;
        missing.screen_id = id;
        missing.weight = id == screen_.id ? screen_.weight : 1;
        missing.kind = id == screen_.id ? screen_.kind : ScreenKind::SingleChoice;
        r.items.push_back(missing);
        answered.insert(id);
    }
    double total = 0, earned = 0;
    for (const auto& item : r.items) {
        total += item.weight;
        earned += item.weight * item.score;
    }
    r.has_questions = !r.items.empty();
    r.score = total > 0 ? earned / total : (r.has_questions ? 0 : 1);
    r.passed = finished_ && r.score + 1e-9 >= r.pass_mark;
    return r;
}

std::vector<std::string> LessonRuntime::plan_ids() const {
    std::vector<std::string> ids;
    for (const auto& entry : plan_) ids.push_back(entry.id);
    return ids;
}

Response LessonRuntime::auto_response(bool correct) const {
    const Screen& s = current();
    if (const json* declared = find_field(current_definition_, correct ? "solution" : "wrong")) {
        try {
            return response_from_json(s.kind, *declared);
        } catch (const std::invalid_argument& e) {
            fail(std::string("'") + (correct ? "solution" : "wrong") + "' of screen '" + s.id + "' is not a valid answer: " + e.what());
        }
    }
    switch (s.kind) {
        case ScreenKind::SingleChoice:
            if (correct) return ChoiceAnswer{s.correct_ids.empty() ? "" : s.correct_ids.front()};
            for (const auto& c : s.choices)
                if (std::find(s.correct_ids.begin(), s.correct_ids.end(), c.id) == s.correct_ids.end()) return ChoiceAnswer{c.id};
            return ChoiceAnswer{""};
        case ScreenKind::MultipleChoice: {
            if (correct) return ChoicesAnswer{s.correct_ids};
            ChoicesAnswer wrong;
            for (const auto& c : s.choices)
                if (std::find(s.correct_ids.begin(), s.correct_ids.end(), c.id) == s.correct_ids.end()) wrong.ids.push_back(c.id);
            return wrong;
        }
        case ScreenKind::TrueFalse:
            return FlagAnswer{correct ? s.correct_flag : !s.correct_flag};
        case ScreenKind::Matching: {
            PairsAnswer a;
            for (std::size_t i = 0; i < s.pairs.size(); ++i)
                a.right_for_left[s.pairs[i].id] = correct ? s.pairs[i].id : s.pairs[(i + 1) % s.pairs.size()].id;
            return a;
        }
        case ScreenKind::Ordering: {
            OrderAnswer a{s.correct_order};
            if (!correct) std::reverse(a.ids.begin(), a.ids.end());
            return a;
        }
        case ScreenKind::Numeric:
            return NumberAnswer{correct ? s.number : s.number + 2 * s.tolerance + 1};
        case ScreenKind::ShortText:
            return TextAnswer{correct && !s.accepted.empty() ? s.accepted.front() : std::string("-")};
        case ScreenKind::Hotspot: {
            PointsAnswer a;
            if (correct) {
                for (const auto& id : s.correct_ids)
                    for (const auto& r : s.regions)
                        if (r.id == id) a.points.push_back(inside_point(r));
                return a;
            }
            for (int i = 0; i <= 20 && a.points.empty(); ++i)
                for (int j = 0; j <= 20 && a.points.empty(); ++j) {
                    const Point p{s.width * i / 20, s.height * j / 20};
                    if (region_at(s, p).empty()) a.points.push_back(p);
                }
            return a;
        }
        case ScreenKind::Canvas:
            return ClicksAnswer{};
        case ScreenKind::Info:
            break;
    }
    throw std::logic_error("an information screen takes no answer");
}

}  // namespace cbt::course
