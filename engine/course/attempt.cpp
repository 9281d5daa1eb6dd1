// Journaled attempts and replay.
#include "course/attempt.hpp"

#include <cmath>
#include <set>

#include "base/random_id.hpp"
#include "course/definition_reader.hpp"

namespace cbt::course {
using nlohmann::json;

std::unique_ptr<Attempt> Attempt::start(const Course& course, const AttemptStart& how, store::Journal& journal,
                                        const base::Clock& clock, SandboxLimits limits) {
    std::unique_ptr<Attempt> attempt(new Attempt(course, base::random_hex(), how.learner, journal, clock));
    attempt->runtime_ = std::make_unique<LessonRuntime>(course, how.lesson_id, how.seed, how.language, limits);
    const auto& lesson = attempt->runtime_->lesson();
    // The start and the first screen go in one transaction, so a resumed attempt always knows
    // which screen the trainee saw first.
    const std::int64_t now = clock.wall_ms();
    const std::vector<store::NewEvent> opening = {
        {event_type::attempt_started, how.learner, attempt->id_, now,
         {{"course", course.id},
          {"course_version", course.version},
          {"content_hash", course.content_hash},
          {"lesson", how.lesson_id},
          {"seed", std::to_string(how.seed)},
          {"lang", how.language},
          {"time_limit_s", lesson.time_limit_s ? json(*lesson.time_limit_s) : json()}}},
        {event_type::screen_shown, how.learner, attempt->id_, now,
         {{"screen", attempt->runtime_->current().id}, {"position", attempt->runtime_->position()}}},
    };
    journal.append_all(opening);
    attempt->screen_started_ms_ = clock.steady_ms();
    return attempt;
}

void Attempt::record(const char* type, json payload) {
    store::NewEvent event;
    event.type = type;
    event.learner = learner_;
    event.attempt = id_;
    event.at_ms = clock_.wall_ms();
    event.payload = std::move(payload);
    journal_.append(event);
}

void Attempt::record_position() {
    if (runtime_->finished()) {
        const LessonResult r = runtime_->result();
        record(event_type::attempt_finished,
               {{"score", r.score}, {"passed", r.passed}, {"timed_out", r.timed_out}, {"pass_mark", r.pass_mark}});
        return;
    }
    record(event_type::screen_shown, {{"screen", runtime_->current().id}, {"position", runtime_->position()}});
    screen_started_ms_ = clock_.steady_ms();
}

Outcome Attempt::answer(const Response& response) {
    const Screen& screen = runtime_->current();
    const std::string screen_id = screen.id;
    const ScreenKind kind = screen.kind;
    const double weight = screen.weight;
    Outcome outcome = runtime_->answer(response);
    record(event_type::response, {{"screen", screen_id},
                                  {"kind", kind_name(kind)},
                                  {"answer", response_to_json(response)},
                                  {"score", outcome.score},
                                  {"correct", outcome.correct},
                                  {"settled", outcome.settled},
                                  {"try", outcome.tries_used},
                                  {"weight", weight},
                                  {"time_ms", clock_.steady_ms() - screen_started_ms_}});
    return outcome;
}

void Attempt::advance() {
    runtime_->advance();
    record_position();
}

void Attempt::time_up() {
    if (runtime_->finished()) return;
    runtime_->finish_early();
    record_position();
}

void Attempt::request_help() {
    record(event_type::help_requested, {{"screen", runtime_->finished() ? std::string() : runtime_->current().id}});
}

std::unique_ptr<Attempt> Attempt::resume(const Course& course, const std::string& attempt_id, store::Journal& journal,
                                         const base::Clock& clock, SandboxLimits limits) {
    const std::vector<store::Event> events = journal.for_attempt(attempt_id);
    if (events.empty() || events.front().type != event_type::attempt_started)
        throw CourseError({"", 0, "attempt " + attempt_id + " is not in the journal"});
    const json& start = events.front().payload;
    if (string_field(start, "course") != course.id)
        throw CourseError({"", 0, "attempt " + attempt_id + " belongs to course '" + string_field(start, "course") + "'"});
    if (string_field(start, "content_hash") != course.content_hash)
        throw CourseError({"", 0, "the course '" + course.id + "' has changed since this attempt began (it was version " +
                                      start.value("course_version", "?") + "); the attempt cannot be continued"});

    std::unique_ptr<Attempt> attempt(new Attempt(course, attempt_id, events.front().learner, journal, clock));
    attempt->runtime_ = std::make_unique<LessonRuntime>(course, string_field(start, "lesson"),
                                                        std::stoull(start.value("seed", "0")), start.value("lang", "en"), limits);
    LessonRuntime& rt = *attempt->runtime_;
    const auto diverged = [&](const store::Event& e, const std::string& what) {
        return CourseError({"", 0, "replaying attempt " + attempt_id + " disagrees with the journal at event " +
                                       std::to_string(e.seq) + ": " + what});
    };
    bool first_screen = true;
    for (std::size_t i = 1; i < events.size(); ++i) {
        const store::Event& e = events[i];
        try {
        if (e.type == event_type::screen_shown) {
            if (!first_screen) rt.advance();
            first_screen = false;
            if (rt.finished() || rt.current().id != string_field(e.payload, "screen"))
                throw diverged(e, "expected screen '" + string_field(e.payload, "screen") + "'");
        } else if (e.type == event_type::response) {
            if (rt.finished()) throw diverged(e, "an answer after the end");
            const Response response = response_from_json(rt.current().kind, e.payload.at("answer"));
            const Outcome outcome = rt.answer(response);
            if (std::fabs(outcome.score - number_field(e.payload, "score", -1.0)) > 1e-9)
                throw diverged(e, "the answer scores differently now");
        } else if (e.type == event_type::attempt_finished) {
            if (flag_field(e.payload, "timed_out", false)) rt.finish_early();
            else rt.advance();
            if (!rt.finished()) throw diverged(e, "the lesson did not end where it ended before");
        }
        } catch (const nlohmann::json::exception& bad) {
            throw diverged(e, std::string("the event is malformed: ") + bad.what());
        } catch (const std::invalid_argument& bad) {
            throw diverged(e, std::string("the recorded answer does not fit its screen: ") + bad.what());
        } catch (const std::logic_error& bad) {
            throw diverged(e, bad.what());
        }
    }
    attempt->screen_started_ms_ = clock.steady_ms();
    return attempt;
}

std::vector<std::string> unfinished_attempts(const store::Journal& journal, const std::string& learner) {
    std::vector<std::string> started;
    std::set<std::string> finished;
    for (const store::Event& e : journal.for_learner(learner)) {
        if (e.type == event_type::attempt_started) started.push_back(e.attempt);
        if (e.type == event_type::attempt_finished) finished.insert(e.attempt);
    }
    std::vector<std::string> open;
    for (auto it = started.rbegin(); it != started.rend(); ++it)
        if (!finished.contains(*it)) open.push_back(*it);
    return open;
}

}  // namespace cbt::course
