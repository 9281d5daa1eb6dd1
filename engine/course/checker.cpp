// Course checking: static reading of every screen, then play-throughs with the declared
// solutions (and wrong answers) for several seeds, so a course that passes here does not fail on a
// kiosk for a reason that could have been seen.
#include "course/checker.hpp"

#include <lua.hpp>

#include <algorithm>
#include <fstream>
#include <functional>
#include <set>

#include "course/course.hpp"
#include "course/definition_reader.hpp"
#include "course/lesson_runtime.hpp"
#include "course/lua/convert.hpp"
#include "course/sandbox.hpp"

namespace cbt::course {
using nlohmann::json;

namespace {

constexpr int max_steps = 5000;   // a play-through longer than this is taken for an endless branch

bool is_picture(const Course& course, const std::string& file) {
    std::ifstream in(course.root / file, std::ios::binary);
    unsigned char magic[8] = {};
    in.read(reinterpret_cast<char*>(magic), sizeof magic);
    const bool png = magic[0] == 0x89 && magic[1] == 'P' && magic[2] == 'N' && magic[3] == 'G';
    const bool jpeg = magic[0] == 0xFF && magic[1] == 0xD8 && magic[2] == 0xFF;
    return png || jpeg;
}

class LessonChecker {
public:
    LessonChecker(const Course& course, const LessonEntry& entry, std::vector<Problem>& problems)
        : course_(course), entry_(entry), problems_(problems) {}

    void run(const CheckOptions& options) {
        if (!read_statically()) return;
        for (std::uint64_t seed : options.seeds) play(seed, true);
        play(options.seeds.empty() ? 1 : options.seeds.front(), false);
    }

private:
    void add(const std::string& file, int line, std::string message) {
        problems_.push_back({file, line, std::move(message)});
    }

    void check_texts(const Screen& s) {
        for_each_text(s, [&](const char* what, const LocalText& text, int line) {
            for (const auto& lang : course_.languages)
                if (!text.empty() && !text.has(lang))
                    add(s.file, line, "screen '" + s.id + "': " + what + " has no '" + lang + "' text");
        });
    }

    void check_picture(const Screen& s, const std::string& file, int line) {
        if (file.empty()) return;
        if (!course_.has_file(file)) add(s.file, line, "screen '" + s.id + "': image " + file + " does not exist in the course");
        else if (!is_picture(course_, file)) add(s.file, line, "screen '" + s.id + "': " + file + " is not a PNG or JPEG image");
    }

    void check_screen(const Screen& s) {
        check_texts(s);
        check_picture(s, s.image, s.line);
        for (const Block& b : s.body)
            if (const auto* p = std::get_if<Picture>(&b)) check_picture(s, p->file, p->line ? p->line : s.line);
    }

    // Reads every screen as written (pool items included) without running hooks.
    bool read_statically() {
        Sandbox sandbox;
        json table;
        try {
            sandbox.load(course_.read_file(entry_.file), entry_.file);
            sandbox.call(0, 1, entry_.file);
            table = lua::to_json(sandbox.state(), -1);
        } catch (const CourseError& e) {
            problems_.push_back(e.problem());
            return false;
        } catch (const lua::ConvertError& e) {
            add(entry_.file, 0, e.what());
            return false;
        }
        const std::size_t before = problems_.size();
        ProblemList list(problems_);
        const LessonDefinition lesson = read_lesson(table, {entry_.file, 0}, list);
        for (const auto& lang : course_.languages)
            if (!lesson.title.empty() && !lesson.title.has(lang)) add(entry_.file, lesson.line, "the lesson title has no '" + lang + "' text");
        std::set<std::string> ids;
        std::vector<std::pair<std::string, Location>> fixed_targets;
        const auto read_one = [&](const json& def, const Location& at) {
            const std::string type = def.is_object() ? string_field(def, "type") : "";
            const Location here = location_of(def, at);
            if (const std::string id = def.is_object() ? string_field(def, "id") : ""; !id.empty() && !ids.insert(id).second)
                add(here.file, here.line, "screen id '" + id + "' is used twice in this lesson");
            if (type == "dynamic") {
                const json* build = def.contains("build") ? &def["build"] : nullptr;
                if (!build || !lua::is_function_ref(*build)) add(here.file, here.line, "a dynamic screen needs build = function(ctx) ... end");
                return;
            }
            const Screen s = read_screen(def, at, list);
            check_screen(s);
            if (!s.next_id.empty()) fixed_targets.emplace_back(s.next_id, here);
        };
        for (const json& def : lesson.entries) {
            const Location at = location_of(def, {entry_.file, lesson.line});
            if (def.is_object() && string_field(def, "type") == "pool") {
                const auto items = lua::sequence_of(def.value("items", json()));
                const json draw = def.value("draw", json());
                if (!draw.is_number_integer() || draw.get<int>() < 1) add(at.file, at.line, "a pool needs draw = <how many questions to ask>");
                else if (static_cast<std::size_t>(draw.get<int>()) > items.size())
                    add(at.file, at.line, "pool '" + string_field(def, "id") + "' draws " + std::to_string(draw.get<int>()) +
                                              " questions but holds only " + std::to_string(items.size()));
                for (const json& item : items) read_one(item, at);
            } else {
                read_one(def, at);
            }
        }
        for (const auto& [target, at] : fixed_targets)
            if (target != "end" && !ids.contains(target)) add(at.file, at.line, "'next' leads to screen '" + target + "', which the lesson does not have");
        return problems_.size() == before;
    }

    void play(std::uint64_t seed, bool correct) {
        try {
            LessonRuntime rt(course_, entry_.id, seed, course_.default_language());
            for (int step = 0; !rt.finished(); ++step) {
                if (step > max_steps) {
                    add(entry_.file, 0, "playing with seed " + std::to_string(seed) + " never reached the end; look for a branch that loops");
                    return;
                }
                const Screen& s = rt.current();
                check_screen(s);
                if (s.kind == ScreenKind::Canvas) check_display(s, rt.display());
                if (is_question(s.kind)) {
                    const Response response = rt.auto_response(correct);
                    const std::string id = s.id, file = s.file;
                    const int line = s.line;
                    const Outcome outcome = rt.answer(response);
                    if (correct && !outcome.correct)
                        add(file, line, "screen '" + id + "': its " + (s.has_solution ? "declared solution" : "answer key") +
                                            " earns " + std::to_string(outcome.score) + " instead of full marks");
                    if (!correct && outcome.correct)
                        add(file, line, "screen '" + id + "': a wrong answer earns full marks; check the key or declare wrong = ...");
                    if (s.kind == ScreenKind::Canvas) check_display(rt.current(), rt.display());
                    while (!rt.settled()) rt.answer(rt.auto_response(correct));
                }
                rt.advance();
            }
        } catch (const CourseError& e) {
            problems_.push_back(e.problem());
        } catch (const std::exception& e) {
            add(entry_.file, 0, std::string("playing with seed ") + std::to_string(seed) + " failed: " + e.what());
        }
    }

    void check_display(const Screen& s, const DisplayList& display) {
        for (const DrawOp& op : display) {
            if (op.kind == DrawOp::Kind::Image) check_picture(s, op.image, s.line);
            if (op.kind == DrawOp::Kind::Text)
                for (const auto& lang : course_.languages)
                    if (!op.text.empty() && !op.text.has(lang))
                        add(s.file, s.line, "screen '" + s.id + "': canvas text has no '" + lang + "' text");
        }
    }

    const Course& course_;
    const LessonEntry& entry_;
    std::vector<Problem>& problems_;
};

}  // namespace

void for_each_text(const Screen& s, const std::function<void(const char*, const LocalText&, int)>& visit) {
    const auto at = [&](int line) { return line ? line : s.line; };
    visit("the title", s.title, s.line);
    visit("the prompt", s.prompt, s.line);
    visit("the explanation", s.explanation, s.line);
    visit("the unit", s.unit, s.line);
    for (const Block& b : s.body) {
        if (const auto* p = std::get_if<Paragraph>(&b)) visit("a paragraph", p->text, at(p->line));
        if (const auto* h = std::get_if<Heading>(&b)) visit("a heading", h->text, at(h->line));
        if (const auto* l = std::get_if<BulletList>(&b))
            for (const auto& item : l->items) visit("a list item", item, at(l->line));
        if (const auto* pic = std::get_if<Picture>(&b)) {
            visit("an image caption", pic->caption, at(pic->line));
            visit("an image's alt text", pic->alt, at(pic->line));
        }
    }
    for (const auto& c : s.choices) {
        visit("a choice", c.text, s.line);
        visit("a choice's feedback", c.feedback, s.line);
    }
    for (const auto& p : s.pairs) {
        visit("a pair's left side", p.left, s.line);
        visit("a pair's right side", p.right, s.line);
    }
    for (const auto& r : s.regions) {
        visit("a region label", r.label, s.line);
        visit("a region's feedback", r.feedback, s.line);
    }
}

std::vector<Problem> check_course(const std::filesystem::path& root, const CheckOptions& options) {
    std::vector<Problem> problems;
    Course course;
    try {
        course = load_course(root, &problems);
    } catch (const CourseError& e) {
        return {e.problem()};
    }
    if (!problems.empty()) return problems;
    for (const auto& lang : course.languages)
        if (!course.title.has(lang)) problems.push_back({"course.lua", 0, "the course title has no '" + lang + "' text"});
    for (const LessonEntry& entry : course.lessons) LessonChecker(course, entry, problems).run(options);

    std::vector<Problem> unique;
    std::set<std::string> seen;
    for (auto& p : problems)
        if (seen.insert(p.to_string()).second) unique.push_back(std::move(p));
    std::stable_sort(unique.begin(), unique.end(), [](const Problem& a, const Problem& b) {
        return std::tie(a.file, a.line) < std::tie(b.file, b.line);
    });
    return unique;
}

}  // namespace cbt::course
