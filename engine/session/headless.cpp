// Headless play: the session driven by a script instead of a trainee. Only the choice of answer
// differs from the window; signing in, journaling, resuming and scoring are the Session's own.
#include "session/headless.hpp"

#include <algorithm>
#include <chrono>
#include <thread>

namespace cbt::session {
using nlohmann::json;

namespace {

void pause(int delay_ms) {
    if (delay_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
}

course::Response scripted_answer(const HeadlessOptions& o, const std::string& lesson, course::LessonRuntime& rt) {
    switch (o.mode) {
        case ScriptMode::AutoCorrect: return rt.auto_response(true);
        case ScriptMode::AutoWrong: return rt.auto_response(false);
        case ScriptMode::AnswersFile: break;
    }
    const course::Screen& s = rt.current();
    for (const std::string& key : {lesson + "/" + s.id, s.id}) {
        if (!o.answers.contains(key)) continue;
        try {
            return course::response_from_json(s.kind, o.answers[key]);
        } catch (const std::invalid_argument& e) {
            throw std::runtime_error("the answer for screen '" + key + "' in the answers file: " + e.what());
        }
    }
    throw std::runtime_error("the answers file has no answer for screen '" + s.id + "' (lesson " + lesson + ")");
}

// Plays the open attempt to its end. Returns false when the session left the lesson instead
// (a lesson error, reported as a notice).
bool play_open_attempt(Session& session, const HeadlessOptions& o, std::ostream& log, bool& stopped) {
    const std::string lesson = session.attempt().runtime().lesson().id;
    while (session.stage() == Stage::Lesson) {
        session.tick();
        if (session.stage() != Stage::Lesson) break;
        course::LessonRuntime& rt = session.attempt().runtime();
        const course::Screen& screen = rt.current();
        if (o.stop_at && screen.id == *o.stop_at) {
            stopped = true;
            return true;
        }
        if (course::is_question(screen.kind) && !rt.settled()) {
            pause(o.delay_ms);
            const course::Response response = scripted_answer(o, lesson, rt);
            const auto outcome = session.answer(response);
            if (!outcome) return false;
            if (!o.json)
                log << "  " << screen.id << ": " << course::response_to_json(response).dump() << " -> "
                    << static_cast<int>(outcome->score * 100 + 0.5) << "%\n";
            continue;
        }
        pause(o.delay_ms);
        session.advance();
        if (session.stage() == Stage::Home) return false;
    }
    return session.stage() == Stage::Results;
}

}  // namespace

int run_headless(Session& session, const HeadlessOptions& o, std::ostream& out) {
    auto trainee = session.seat().find_trainee(o.learner);
    if (!trainee) {
        Trainee t;
        t.name = o.learner;
        trainee = session.seat().put_trainee(t);
    }
    session.sign_in_trusted(trainee->id);
    if (o.language) session.set_language(*o.language);
    if (o.seed) session.set_fixed_seed(*o.seed);
    if (o.course_id) session.assign_courses({*o.course_id});
    if (o.course_id && !std::any_of(session.courses().begin(), session.courses().end(),
                                    [&](const auto& c) { return c.id == *o.course_id; }))
        throw std::runtime_error("no course '" + *o.course_id + "' is installed on this seat");

    int status = 0;
    json errors = json::array();
    auto report_notices = [&] {
        while (auto n = session.take_notice()) {
            if (o.json) errors.push_back({{"notice", n->key}, {"detail", n->detail}});
            else out << "error: " << n->key << ": " << n->detail << "\n";
            status = 1;
        }
    };
    auto finish_results = [&] {
        if (session.stage() != Stage::Results) return;
        const auto& r = session.result();
        if (!o.json)
            out << "  result: " << static_cast<int>(r.score * 100 + 0.5) << "% "
                << (r.passed ? "passed" : "not passed") << "\n";
        session.close_results();
    };

    // A restart lands on the lesson that was open; finish it before anything else.
    report_notices();
    bool stopped = false;
    if (session.stage() == Stage::Lesson) {
        if (!o.json) out << "resuming " << session.attempt().runtime().lesson().id << "\n";
        if (!play_open_attempt(session, o, out, stopped)) report_notices();
    }
    finish_results();

    for (const CourseStatus& cs : session.course_status()) {
        for (const auto& p : cs.lessons) {
            if (o.lesson_id && p.lesson_id != *o.lesson_id) continue;
            if (p.state == report::LessonState::Passed || p.state == report::LessonState::Failed) continue;
            pause(o.delay_ms);
            session.open_lesson(cs.course->id, p.lesson_id);
            if (session.stage() != Stage::Lesson) {
                report_notices();
                continue;
            }
            if (!o.json) out << cs.course->id << "/" << p.lesson_id << "\n";
            if (!play_open_attempt(session, o, out, stopped)) report_notices();
            if (stopped) break;
            finish_results();
        }
        if (stopped) break;
    }
    if (o.stop_at && !stopped) {
        out << "error: screen '" << *o.stop_at << "' was never shown\n";
        return 1;
    }

    // The summary comes from the journal, so a run that was interrupted and restarted reports
    // exactly what an uninterrupted one would.
    json summary = {{"learner", session.trainee()->id},
                    {"name", session.trainee()->name},
                    {"device_id", session.seat().device_id()},
                    {"lessons", json::array()}};
    bool all_passed = true;
    for (const CourseStatus& cs : session.course_status()) {
        for (const auto& p : cs.lessons) {
            if (o.lesson_id && p.lesson_id != *o.lesson_id) continue;
            json lesson = {{"course", cs.course->id},
                           {"lesson", p.lesson_id},
                           {"state", report::state_name(p.state)},
                           {"score", p.last_score ? json(*p.last_score) : json()},
                           {"attempts", p.finished_attempts}};
            all_passed = all_passed && p.state == report::LessonState::Passed;
            summary["lessons"].push_back(lesson);
        }
    }
    summary["passed"] = all_passed;
    summary["errors"] = errors;
    if (o.json) out << summary.dump(2) << "\n";
    else out << (all_passed ? "all lessons passed" : "not every lesson passed") << "\n";
    return status;
}

}  // namespace cbt::session
