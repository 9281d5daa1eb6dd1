// cbt play: runs lessons through the same journaled Attempt the kiosk uses, answering from the
// terminal, from an answers file, or automatically.
#include <fstream>
#include <iostream>
#include <sstream>

#include "apps/common/arguments.hpp"
#include "base/clock.hpp"
#include "base/random_id.hpp"
#include "commands.hpp"
#include "course/attempt.hpp"
#include "screen_text.hpp"
#include "store/journal.hpp"

namespace cbt::apps {
using namespace cbt::course;
using nlohmann::json;

namespace {

constexpr const char* play_usage = R"(Usage: cbt play PATH [options]

Plays a course (every lesson, or one) as a trainee would, printing each screen as text.

Options:
  --lesson ID              play only this lesson
  --seed N                 the attempt's random seed (pool draws, shuffles); default: random
  --lang CODE              language to show (default: the course's first language)
  --answers FILE           answer from a JSON file: {"screen id": answer, ...}
                           (keys may also be "lesson/screen"); see docs/authoring.md
  --auto correct|wrong     answer every question right, or wrong, automatically
  --json                   print exactly one JSON object with the results instead of text
  --learner NAME           learner name written to the journal (default: "cbt-play")
  --journal FILE           keep the event journal in this SQLite file (default: in memory)
Without --answers or --auto, answers are read from the terminal.
)";

enum class Mode { Interactive, AnswersFile, AutoCorrect, AutoWrong };

std::vector<std::string> split_words(const std::string& line) {
    std::istringstream in(line);
    std::vector<std::string> words;
    for (std::string w; in >> w;) words.push_back(w);
    return words;
}

std::optional<int> to_index(const std::string& word, std::size_t count) {
    try {
        std::size_t used = 0;
        const int n = std::stoi(word, &used);
        if (used == word.size() && n >= 1 && static_cast<std::size_t>(n) <= count) return n - 1;
    } catch (const std::exception&) {
    }
    return std::nullopt;
}

// Turns a typed line into an answer for the screen; nullopt when it does not parse.
std::optional<Response> parse_typed(const Screen& s, const std::string& line) {
    const auto words = split_words(line);
    switch (s.kind) {
        case ScreenKind::SingleChoice: {
            if (words.size() != 1) return std::nullopt;
            if (auto i = to_index(words[0], s.choices.size())) return ChoiceAnswer{s.choices[*i].id};
            for (const auto& c : s.choices)
                if (c.id == words[0]) return ChoiceAnswer{c.id};
            return std::nullopt;
        }
        case ScreenKind::MultipleChoice:
        case ScreenKind::Ordering: {
            std::vector<std::string> ids;
            for (const auto& w : words) {
                auto i = to_index(w, s.choices.size());
                if (!i) return std::nullopt;
                ids.push_back(s.choices[*i].id);
            }
            if (s.kind == ScreenKind::Ordering) return OrderAnswer{ids};
            return ChoicesAnswer{ids};
        }
        case ScreenKind::TrueFalse: {
            if (words.size() != 1) return std::nullopt;
            const std::string w = words[0];
            if (w == "1" || w == "true" || w == "t" || w == "да") return FlagAnswer{true};
            if (w == "2" || w == "false" || w == "f" || w == "нет") return FlagAnswer{false};
            return std::nullopt;
        }
        case ScreenKind::Matching: {
            if (words.size() != s.pairs.size()) return std::nullopt;
            PairsAnswer a;
            for (std::size_t k = 0; k < words.size(); ++k) {
                auto i = to_index(words[k], s.right_order.size());
                if (!i) return std::nullopt;
                a.right_for_left[s.pairs[k].id] = s.right_order[*i];
            }
            return a;
        }
        case ScreenKind::Numeric: {
            if (words.size() != 1) return std::nullopt;
            std::string w = words[0];
            for (char& c : w)
                if (c == ',') c = '.';
            try {
                std::size_t used = 0;
                const double v = std::stod(w, &used);
                if (used == w.size()) return NumberAnswer{v};
            } catch (const std::exception&) {
            }
            return std::nullopt;
        }
        case ScreenKind::ShortText:
            return TextAnswer{line};
        case ScreenKind::Hotspot: {
            if (words.size() != 2) return std::nullopt;
            try {
                return PointsAnswer{{{std::stod(words[0]), std::stod(words[1])}}};
            } catch (const std::exception&) {
                return std::nullopt;
            }
        }
        case ScreenKind::Canvas:
        case ScreenKind::Info:
            break;
    }
    return std::nullopt;
}

struct Player {
    Mode mode = Mode::Interactive;
    json answers;
    bool quiet = false;   // --json: nothing but the object on stdout
    std::string lang;
    std::string default_lang;

    void say(const std::string& text) const {
        if (!quiet) std::cout << text << std::flush;
    }

    std::string read_line() const {
        std::string line;
        if (!std::getline(std::cin, line)) throw std::runtime_error("the input ended before the lesson did");
        return line;
    }

    Response from_file(const std::string& lesson, const Screen& s) const {
        for (const std::string& key : {lesson + "/" + s.id, s.id}) {
            if (answers.contains(key)) {
                try {
                    return response_from_json(s.kind, answers[key]);
                } catch (const std::invalid_argument& e) {
                    throw std::runtime_error("the answer for screen '" + key + "' in the answers file: " + e.what());
                }
            }
        }
        throw std::runtime_error("the answers file has no answer for screen '" + s.id + "' (lesson " + lesson + ")");
    }

    // Returns the answer to give; for canvases in interactive mode it clicks as the user types.
    Response choose(Attempt& attempt, const std::string& lesson) const {
        LessonRuntime& rt = attempt.runtime();
        const Screen& s = rt.current();
        switch (mode) {
            case Mode::AutoCorrect: return rt.auto_response(true);
            case Mode::AutoWrong: return rt.auto_response(false);
            case Mode::AnswersFile: return from_file(lesson, s);
            case Mode::Interactive: break;
        }
        if (s.kind == ScreenKind::Canvas) {
            for (;;) {
                say("> ");
                const std::string line = read_line();
                if (line == "submit") return ClicksAnswer{rt.canvas_clicks()};
                if (rt.canvas_click(line)) return ClicksAnswer{rt.canvas_clicks()};
                say(screen_as_text(s, rt.display(), lang, default_lang));
            }
        }
        for (;;) {
            say("> ");
            if (auto r = parse_typed(s, read_line())) return *r;
            say("  that is not an answer to this screen; try again\n");
        }
    }
};

json item_json(const std::string& lesson, const ItemResult& item) {
    return {{"lesson", lesson},       {"screen", item.screen_id}, {"kind", kind_name(item.kind)},
            {"weight", item.weight},  {"score", item.score},      {"correct", item.correct},
            {"tries", item.tries},    {"answer", item.answer}};
}

}  // namespace

int run_play(const std::vector<std::string>& words) {
    const Arguments args = parse_arguments(words, {"lesson", "seed", "lang", "answers", "auto", "learner", "journal"},
                                           {"json", "help"});
    if (args.has("help")) {
        std::cout << play_usage;
        return 0;
    }
    if (args.positional.size() != 1) throw UsageError("give exactly one course folder");
    const Course course = load_course(args.positional[0]);

    Player player;
    player.quiet = args.has("json");
    player.default_lang = course.default_language();
    player.lang = args.option("lang").value_or(course.default_language());
    if (std::find(course.languages.begin(), course.languages.end(), player.lang) == course.languages.end())
        throw UsageError("the course has no language '" + player.lang + "'");
    if (args.option("answers") && args.option("auto")) throw UsageError("use --answers or --auto, not both");
    if (auto file = args.option("answers")) {
        std::ifstream in(*file);
        if (!in) throw std::runtime_error("cannot read the answers file " + *file);
        try {
            player.answers = json::parse(in);
        } catch (const json::exception& e) {
            throw std::runtime_error("the answers file " + *file + " is not valid JSON: " + e.what());
        }
        if (!player.answers.is_object()) throw std::runtime_error("the answers file must hold one JSON object");
        player.mode = Mode::AnswersFile;
    } else if (auto how = args.option("auto")) {
        if (*how == "correct") player.mode = Mode::AutoCorrect;
        else if (*how == "wrong") player.mode = Mode::AutoWrong;
        else throw UsageError("--auto takes correct or wrong");
    } else if (player.quiet) {
        throw UsageError("--json needs --answers or --auto");
    }

    std::uint64_t seed = base::random_u64() >> 1;
    if (auto s = args.option("seed")) {
        try {
            seed = std::stoull(*s);
        } catch (const std::exception&) {
            throw UsageError("--seed takes a whole number");
        }
    }
    std::vector<const LessonEntry*> lessons;
    if (auto id = args.option("lesson")) {
        const LessonEntry* entry = course.find_lesson(*id);
        if (!entry) throw UsageError("the course has no lesson '" + *id + "'");
        lessons.push_back(entry);
    } else {
        for (const auto& l : course.lessons) lessons.push_back(&l);
    }

    store::Database db = args.option("journal") ? store::Database::open(*args.option("journal")) : store::Database::open_in_memory();
    store::Journal journal(db, "cbt-play");
    base::SystemClock clock;
    const std::string learner = args.option("learner").value_or("cbt-play");

    json report = {{"course", course.id}, {"version", course.version}, {"content_hash", course.content_hash},
                   {"seed", seed},        {"lang", player.lang},       {"lessons", json::array()},
                   {"items", json::array()}};
    bool all_passed = true;
    double score_sum = 0;
    int scored_lessons = 0;
    for (const LessonEntry* entry : lessons) {
        auto attempt = Attempt::start(course, {entry->id, learner, player.lang, seed}, journal, clock);
        LessonRuntime& rt = attempt->runtime();
        player.say("\n=== " + rt.lesson().title.in(player.lang, player.default_lang) + " ===\n");
        while (!attempt->finished()) {
            const Screen& s = rt.current();
            player.say("\n--- [" + std::to_string(rt.position() + 1) + "/" + std::to_string(rt.length()) + "] " +
                       kind_name(s.kind) + " " + s.id + " ---\n");
            player.say(screen_as_text(s, rt.display(), player.lang, player.default_lang));
            if (is_question(s.kind)) {
                while (!rt.settled()) {
                    const Response response = player.choose(*attempt, entry->id);
                    player.say("  answer: " + response_to_json(response).dump() + "\n");
                    const Outcome outcome = attempt->answer(response);
                    player.say(outcome_as_text(outcome, player.lang, player.default_lang));
                }
            } else if (player.mode == Mode::Interactive) {
                player.say("(press Enter to go on)");
                player.read_line();
            }
            attempt->advance();
        }
        const LessonResult r = rt.result();
        player.say("\nLesson score: " + std::to_string(static_cast<int>(r.score * 100 + 0.5)) + "% - " +
                   (r.passed ? "passed" : "not passed") + "\n");
        json lesson = {{"id", entry->id}, {"score", r.score}, {"passed", r.passed}, {"timed_out", r.timed_out},
                       {"pass_mark", r.pass_mark}, {"attempt", attempt->id()}, {"items", json::array()}};
        for (const auto& item : r.items) {
            lesson["items"].push_back(item_json(entry->id, item));
            report["items"].push_back(item_json(entry->id, item));
        }
        report["lessons"].push_back(lesson);
        all_passed = all_passed && r.passed;
        if (r.has_questions) {
            score_sum += r.score;
            ++scored_lessons;
        }
    }
    report["score"] = scored_lessons ? score_sum / scored_lessons : 1.0;
    report["passed"] = all_passed;
    if (player.quiet) std::cout << report.dump(2) << "\n";
    else std::cout << "\nCourse score: " << static_cast<int>(report["score"].get<double>() * 100 + 0.5) << "% - "
                   << (all_passed ? "passed" : "not passed") << "\n";
    return 0;
}

}  // namespace cbt::apps
