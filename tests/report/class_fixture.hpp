// A small classroom for the report tests: one in-memory database written by two kiosks (two
// journals with their own device ids), a manual clock, and attempts played to a plan.
#pragma once
#include <algorithm>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "../course/sample_course.hpp"
#include "base/clock.hpp"
#include "course/attempt.hpp"
#include "report/people.hpp"
#include "store/journal.hpp"

namespace report_test {

// How an attempt is played: which questions are answered right, which right only at the second
// try, where to stop early (after one answer to that screen), and where to call for help.
struct Plan {
    std::set<std::string> right;
    std::set<std::string> wrong_first;
    std::string stop_at;
    std::string help_at;
    std::int64_t step_ms = 1000;
};

// What playing an attempt left behind.
struct Played {
    std::string id;
    int steps = 0;  // screens passed through; each took step_ms
};

// Score of the tour played all wrong.
inline constexpr double tour_all_wrong = 1.0 / 27;

// Every question screen of the tour lesson, on its straight path. Played wrong, each scores 0
// except `chain`: the reversed order keeps the middle step in place, 1/3 by partial credit, so a
// tour played all wrong scores 1/27.
inline const std::set<std::string> tour_questions = {"route",  "concealment", "colour_test", "pairs", "chain",
                                                     "border", "precursor",   "find_tank",   "search"};

struct Classroom {
    cbt::store::Database db = cbt::store::Database::open_in_memory();
    cbt::store::Journal kiosk1{db, "kiosk-01"};
    cbt::store::Journal kiosk2{db, "kiosk-02"};
    cbt::base::ManualClock clock;  // starts at 1'700'000'000'000 ms = 2023-11-14T22:13:20Z
    std::uint64_t next_seed = 1;

    // Plays an attempt at a sample-course lesson on one kiosk by the plan.
    Played play(cbt::store::Journal& kiosk, const std::string& learner, const std::string& lesson, const Plan& plan) {
        auto a = cbt::course::Attempt::start(sample_course(), {lesson, learner, "en", next_seed++}, kiosk, clock);
        Played played{a->id(), 0};
        while (!a->finished()) {
            clock.advance_ms(plan.step_ms);
            ++played.steps;
            auto& rt = a->runtime();
            const std::string id = rt.current().id;
            if (id == plan.help_at) a->request_help();
            if (cbt::course::is_question(rt.current().kind)) {
                bool first = true;
                while (!rt.settled()) {
                    const bool right = plan.right.contains(id) && !(first && plan.wrong_first.contains(id));
                    // The tour's route question shuffles its choices; a fixed wrong one keeps counts known.
                    if (lesson == "tour" && id == "route" && !right)
                        a->answer(cbt::course::ChoiceAnswer{"gulf"});
                    else
                        a->answer(rt.auto_response(right));
                    first = false;
                    if (id == plan.stop_at) return played;
                }
            }
            a->advance();
        }
        return played;
    }

    // Plays an attempt with every question right, or every one wrong.
    Played play_all(cbt::store::Journal& kiosk, const std::string& learner, const std::string& lesson, bool right,
                    std::int64_t step_ms = 1000) {
        Plan plan;
        plan.step_ms = step_ms;
        if (right) {
            auto rt = cbt::course::LessonRuntime(sample_course(), lesson, 0, "en");
            for (const std::string& id : rt.defined_ids()) plan.right.insert(id);
        }
        return play(kiosk, learner, lesson, plan);
    }

    // Every event both kiosks recorded, as the host would hold them.
    std::vector<cbt::store::Event> events() const {
        std::vector<cbt::store::Event> all = kiosk1.after("kiosk-01", 0, 1'000'000);
        const auto more = kiosk1.after("kiosk-02", 0, 1'000'000);
        all.insert(all.end(), more.begin(), more.end());
        return all;
    }

    // The class record with a roster and the seat plan.
    cbt::report::ClassRecord record(std::map<std::string, cbt::report::Person> people = {}) const {
        cbt::report::ClassRecord r;
        r.events = events();
        r.people = std::move(people);
        r.seats = {{"kiosk-01", 1}, {"kiosk-02", 2}};
        return r;
    }
};

// The same events shuffled, with a third of them sent twice: what retried sync batches leave.
inline std::vector<cbt::store::Event> shuffled_with_repeats(std::vector<cbt::store::Event> events, unsigned seed) {
    std::mt19937 rng(seed);
    const std::size_t n = events.size();
    for (std::size_t i = 0; i < n; i += 3) events.push_back(events[i]);
    std::shuffle(events.begin(), events.end(), rng);
    return events;
}

}  // namespace report_test
