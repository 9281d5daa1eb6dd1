// Course checking: static reading of every screen, then play-throughs with the declared
// solutions (and wrong answers) for several seeds, so a course that passes here does not fail on a
// kiosk for a reason that could have been seen.
#include "course/checker.hpp"

#include <lua.hpp>

#include <algorithm>
#include <cctype>
#include <optional>
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
constexpr int max_branch_runs = 512;   // play-throughs spent looking for every branch's screens
constexpr std::uintmax_t max_image_bytes = 2u << 20;
constexpr int max_image_side = 2048;

// Width and height of a PNG or JPEG, read from its header; nullopt when they cannot be found.
std::optional<std::pair<int, int>> picture_size(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::vector<unsigned char> head(64 * 1024);
    in.read(reinterpret_cast<char*>(head.data()), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    const auto be16 = [&](std::size_t at) { return head[at] << 8 | head[at + 1]; };
    if (head.size() >= 24 && head[0] == 0x89 && head[1] == 'P') {
        const auto be32 = [&](std::size_t at) { return be16(at) << 16 | be16(at + 2); };
        return std::pair{be32(16), be32(20)};
    }
    // JPEG: walk the markers to the first start-of-frame, which holds the size.
    for (std::size_t at = 2; at + 9 < head.size();) {
        if (head[at] != 0xFF) return std::nullopt;
        const int marker = head[at + 1];
        if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC)
            return std::pair{be16(at + 7), be16(at + 5)};
        at += 2 + static_cast<std::size_t>(be16(at + 2));
    }
    return std::nullopt;
}

std::string base_extension(const std::string& file) {
    std::string ext = std::filesystem::path(file).extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

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
    LessonChecker(const Course& course, const LessonEntry& entry, std::vector<Problem>& problems,
                  std::set<std::string>& used_files)
        : course_(course), entry_(entry), problems_(problems), used_files_(used_files) {}

    void run(const CheckOptions& options) {
        if (!read_statically()) return;
        const std::size_t before = problems_.size();
        for (std::uint64_t seed : options.seeds) play(seed, true);
        const std::uint64_t first_seed = options.seeds.empty() ? 1 : options.seeds.front();
        play(first_seed, false);
        // Lesson code may choose text by ctx.lang (canvas simulations do); play once in each
        // other language so a missing translation there shows up too.
        for (std::size_t i = 1; i < course_.languages.size(); ++i) play(first_seed, true, course_.languages[i]);
        if (problems_.size() != before) return;   // a lesson that does not play has no paths to judge
        if (has_branches_) explore_branches(options.seeds.empty() ? 1 : options.seeds.front());
        for (const auto& [id, at] : top_level_)
            if (!visited_.contains(id))
                add(at.file, at.line, "screen '" + id + "' is never shown: no path through the lesson reaches it "
                                      "(look at the 'next' of the screens before it)");
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
        used_files_.insert(file);
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
            has_branches_ = has_branches_ || s.has_branching || !s.next_id.empty();
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
                if (def.is_object() && def.contains("id") && def["id"].is_string())
                    top_level_.emplace_back(def["id"].get<std::string>(), location_of(def, at));
            }
        }
        for (const auto& [target, at] : fixed_targets)
            if (target != "end" && !ids.contains(target)) add(at.file, at.line, "'next' leads to screen '" + target + "', which the lesson does not have");
        return problems_.size() == before;
    }

    void play(std::uint64_t seed, bool correct, const std::string& language = {}) {
        try {
            LessonRuntime rt(course_, entry_.id, seed, language.empty() ? course_.default_language() : language);
            for (int step = 0; !rt.finished(); ++step) {
                if (step > max_steps) {
                    add(entry_.file, 0, "playing with seed " + std::to_string(seed) + " never reached the end; look for a branch that loops");
                    return;
                }
                const Screen& s = rt.current();
                visit(rt);
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
            Problem p = e.problem();
            if (!language.empty()) p.message += " (when played in '" + language + "')";
            problems_.push_back(std::move(p));
        } catch (const std::exception& e) {
            add(entry_.file, 0, std::string("playing with seed ") + std::to_string(seed) +
                                    (language.empty() ? "" : " in '" + language + "'") + " failed: " + e.what());
        }
    }

    // Marks the current screen as reachable, by its own id and by its place in the lesson (a
    // dynamic screen's built id may differ from the id it was written with).
    void visit(const LessonRuntime& rt) {
        visited_.insert(rt.current().id);
        const auto plan = rt.plan_ids();
        if (rt.position() < plan.size()) visited_.insert(plan[rt.position()]);
    }

    // The answers worth trying at a screen whose `next` is a function: each choice where there
    // are few, else a right and a wrong answer.
    static std::vector<Response> branch_answers(const LessonRuntime& rt) {
        const Screen& s = rt.current();
        std::vector<Response> out;
        if (s.kind == ScreenKind::SingleChoice)
            for (const Choice& c : s.choices) out.push_back(ChoiceAnswer{c.id});
        else if (s.kind == ScreenKind::TrueFalse) out = {FlagAnswer{true}, FlagAnswer{false}};
        else if (is_question(s.kind)) out = {rt.auto_response(true), rt.auto_response(false)};
        if (out.empty()) out.push_back(rt.auto_response(true));
        return out;
    }

    // Plays the lesson once per combination of answers at its branching screens (up to a budget),
    // so a screen that only a particular answer leads to counts as reachable.
    void explore_branches(std::uint64_t seed) {
        std::vector<std::size_t> choice, count;   // an odometer over the branch points met
        for (int run = 0; run < max_branch_runs; ++run) {
            try {
                LessonRuntime rt(course_, entry_.id, seed, course_.default_language());
                std::size_t point = 0;
                for (int step = 0; !rt.finished() && step < max_steps; ++step) {
                    const Screen& s = rt.current();
                    visit(rt);
                    if (is_question(s.kind)) {
                        Response response = rt.auto_response(true);
                        if (s.has_branching) {
                            const auto options = branch_answers(rt);
                            if (point == choice.size()) {
                                choice.push_back(0);
                                count.push_back(options.size());
                            }
                            response = options[std::min(choice[point], options.size() - 1)];
                            ++point;
                        }
                        while (!rt.settled()) rt.answer(response);
                    }
                    rt.advance();
                }
                choice.resize(point);
                count.resize(point);
            } catch (const std::exception&) {
                return;   // the play-throughs above have reported it
            }
            // Next combination: advance the last branch point that has options left.
            while (!choice.empty() && choice.back() + 1 >= count.back()) {
                choice.pop_back();
                count.pop_back();
            }
            if (choice.empty()) return;
            ++choice.back();
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
    std::set<std::string>& used_files_;
    bool has_branches_ = false;
    std::vector<std::pair<std::string, Location>> top_level_;   // screens outside pools, as written
    std::set<std::string> visited_;
};

// Files in the course that nothing uses, and images too big for a kiosk to show well.
void check_files(const Course& course, const std::set<std::string>& used, std::vector<Problem>& problems) {
    std::set<std::string> lesson_files;
    for (const auto& l : course.lessons) lesson_files.insert(l.file);
    std::error_code ec;
    std::vector<std::string> files;
    for (auto it = std::filesystem::recursive_directory_iterator(course.root, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (!name.empty() && name[0] == '.') {
            if (it->is_directory()) it.disable_recursion_pending();
            continue;
        }
        if (it->is_regular_file()) files.push_back(std::filesystem::relative(it->path(), course.root).generic_string());
    }
    std::sort(files.begin(), files.end());
    for (const std::string& file : files) {
        const std::string ext = base_extension(file);
        if (file == "course.lua" || lesson_files.contains(file)) continue;
        if (ext == ".md" || ext == ".txt") continue;   // notes for authors travel with the course
        if (ext == ".lua") {
            problems.push_back({file, 0, "this Lua file is not a lesson listed in course.lua, so it is never loaded"});
            continue;
        }
        if (!used.contains(file)) {
            problems.push_back({file, 0, "no screen uses this file; remove it, or show it on a screen"});
            continue;
        }
        const auto bytes = std::filesystem::file_size(course.root / file, ec);
        if (!ec && bytes > max_image_bytes)
            problems.push_back({file, 0, "the image is " + std::to_string((bytes + (1 << 19)) >> 20) +
                                             " MiB; keep images under 2 MiB so courses copy and load quickly"});
        if (const auto size = picture_size(course.root / file); size && (size->first > max_image_side || size->second > max_image_side))
            problems.push_back({file, 0, "the image is " + std::to_string(size->first) + "x" + std::to_string(size->second) +
                                             " pixels; scale it to at most " + std::to_string(max_image_side) +
                                             " on each side (a kiosk screen shows no more)"});
    }
}

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
    std::set<std::string> used_files;
    for (const LessonEntry& entry : course.lessons) LessonChecker(course, entry, problems, used_files).run(options);
    check_files(course, used_files, problems);

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
