// cbt info: what a course holds.
#include <iostream>

#include "apps/common/arguments.hpp"
#include "commands.hpp"
#include "course/lesson_runtime.hpp"

namespace cbt::apps {
using namespace cbt::course;
using nlohmann::json;

namespace {
constexpr const char* info_usage = R"(Usage: cbt info PATH [--json]

Shows a course's id, version, languages, content hash and, per lesson, its title, the screens
an attempt shows, the screens defined (pool items included) and the questions asked.
)";
}  // namespace

int run_info(const std::vector<std::string>& words) {
    const Arguments args = parse_arguments(words, {}, {"json", "help"});
    if (args.has("help")) {
        std::cout << info_usage;
        return 0;
    }
    if (args.positional.size() != 1) throw UsageError("give exactly one course folder");
    const Course course = load_course(args.positional[0]);
    json info = {{"id", course.id},
                 {"version", course.version},
                 {"languages", course.languages},
                 {"pass_mark", course.pass_mark},
                 {"content_hash", course.content_hash},
                 {"lessons", json::array()}};
    json title = json::object();
    for (const auto& lang : course.languages) title[lang] = course.title.in(lang, course.default_language());
    info["title"] = title;
    for (const auto& entry : course.lessons) {
        LessonRuntime rt(course, entry.id, 1, course.default_language());
        int questions = 0;
        json lesson_title = json::object();
        for (const auto& lang : course.languages) lesson_title[lang] = rt.lesson().title.in(lang, course.default_language());
        json languages = json::array();
        for (const auto& lang : course.languages)
            if (rt.lesson().title.has(lang)) languages.push_back(lang);
        const auto plan = rt.plan_ids();
        // Questions per attempt: play the straight path with correct answers and count.
        while (!rt.finished()) {
            if (is_question(rt.current().kind)) {
                ++questions;
                while (!rt.settled()) rt.answer(rt.auto_response(true));
            }
            rt.advance();
        }
        info["lessons"].push_back({{"id", entry.id},
                                   {"file", entry.file},
                                   {"title", lesson_title},
                                   {"languages", languages},
                                   {"screens", plan.size()},
                                   {"screens_defined", rt.defined_ids().size()},
                                   {"questions", questions},
                                   {"pass_mark", rt.pass_mark()},
                                   {"time_limit_s", rt.lesson().time_limit_s ? json(*rt.lesson().time_limit_s) : json()}});
    }
    if (args.has("json")) {
        std::cout << info.dump(2) << "\n";
        return 0;
    }
    std::cout << course.title.in(course.default_language()) << " (" << course.id << " " << course.version << ")\n"
              << "languages: ";
    for (const auto& lang : course.languages) std::cout << lang << " ";
    std::cout << "\npass mark: " << course.pass_mark * 100 << "%\ncontent hash: " << course.content_hash << "\nlessons:\n";
    for (const auto& l : info["lessons"]) {
        std::cout << "  " << l["id"].get<std::string>() << ": " << l["title"][course.default_language()].get<std::string>()
                  << " - " << l["screens"] << " screens shown (" << l["screens_defined"] << " defined), "
                  << l["questions"] << " questions\n";
    }
    return 0;
}

}  // namespace cbt::apps
