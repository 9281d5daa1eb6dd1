// Transcripts and the class summary: fold attempt summaries per trainee and per lesson. The
// attempts are built once and shared, since a class report asks for every trainee at once.
#include "report/transcript.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

namespace cbt::report {

namespace {

using LessonKey = std::pair<std::string, std::string>;  // course, lesson

Transcript build_transcript(const ClassRecord& record, const std::string& learner,
                            const std::vector<AttemptSummary>& all) {
    Transcript t;
    if (const auto it = record.people.find(learner); it != record.people.end()) t.person = it->second;
    t.person.id = learner;
    std::map<LessonKey, std::size_t> index;
    std::map<LessonKey, std::int64_t> last_finished_at;
    for (const AttemptSummary& a : all) {  // already by start time
        if (a.learner != learner) continue;
        t.attempts.push_back(a);
        const LessonKey key{a.course, a.lesson};
        const auto [it, fresh] = index.emplace(key, t.lessons.size());
        if (fresh) {
            LessonRecord fresh_lesson;
            fresh_lesson.course = a.course;
            fresh_lesson.lesson = a.lesson;
            t.lessons.push_back(std::move(fresh_lesson));
        }
        LessonRecord& l = t.lessons[it->second];
        ++l.attempts;
        const std::int64_t time = attempt_duration_ms(a);
        l.time_ms += time;
        t.time_on_task_ms += time;
        if (!a.finished()) continue;
        ++l.finished;
        l.passed = l.passed || a.passed;
        if (!l.best_score || *a.score > *l.best_score) l.best_score = a.score;
        const auto [last, first_finish] = last_finished_at.emplace(key, *a.finished_at_ms);
        if (first_finish || *a.finished_at_ms >= last->second) {
            last->second = *a.finished_at_ms;
            l.last_score = a.score;
        }
    }
    return t;
}

std::optional<double> mean(const std::vector<double>& values) {
    if (values.empty()) return std::nullopt;
    double sum = 0;
    for (double v : values) sum += v;
    return sum / static_cast<double>(values.size());
}

std::optional<std::int64_t> median(std::vector<std::int64_t> values) {
    if (values.empty()) return std::nullopt;
    std::sort(values.begin(), values.end());
    const std::size_t mid = values.size() / 2;
    if (values.size() % 2 == 1) return values[mid];
    return (values[mid - 1] + values[mid]) / 2;
}

}  // namespace

Transcript transcript(const ClassRecord& record, const std::string& learner) {
    return build_transcript(record, learner, attempts(record));
}

std::vector<Transcript> transcripts(const ClassRecord& record) {
    const std::vector<AttemptSummary> all = attempts(record);
    std::set<std::string> learners;
    for (const auto& [id, person] : record.people) learners.insert(id);
    for (const AttemptSummary& a : all)
        if (!a.learner.empty()) learners.insert(a.learner);
    std::vector<Transcript> out;
    for (const std::string& learner : learners) out.push_back(build_transcript(record, learner, all));
    std::stable_sort(out.begin(), out.end(), [&](const Transcript& a, const Transcript& b) {
        return std::pair(display_name(record, a.person.id), a.person.id) <
               std::pair(display_name(record, b.person.id), b.person.id);
    });
    return out;
}

std::vector<LessonSummary> class_summary(const ClassRecord& record) {
    struct Tally {
        std::set<std::string> started, finished, passed;
        std::map<std::string, double> best;  // learner -> best finished score
        std::vector<double> scores;
        std::vector<std::int64_t> times;
        int attempts = 0;
    };
    std::vector<LessonKey> order;
    std::map<LessonKey, Tally> tallies;
    for (const AttemptSummary& a : attempts(record)) {  // by start time, so `order` is first-start order
        const LessonKey key{a.course, a.lesson};
        const auto [it, fresh] = tallies.try_emplace(key);
        if (fresh) order.push_back(key);
        Tally& t = it->second;
        ++t.attempts;
        t.started.insert(a.learner);
        if (!a.finished()) continue;
        t.finished.insert(a.learner);
        if (a.passed) t.passed.insert(a.learner);
        const auto [best, first] = t.best.emplace(a.learner, *a.score);
        if (!first) best->second = std::max(best->second, *a.score);
        t.scores.push_back(*a.score);
        t.times.push_back(attempt_duration_ms(a));
    }
    std::vector<LessonSummary> out;
    for (const LessonKey& key : order) {
        const Tally& t = tallies.at(key);
        LessonSummary s;
        s.course = key.first;
        s.lesson = key.second;
        s.started = static_cast<int>(t.started.size());
        s.finished = static_cast<int>(t.finished.size());
        s.passed = static_cast<int>(t.passed.size());
        s.attempts = t.attempts;
        s.finished_attempts = static_cast<int>(t.scores.size());
        std::vector<double> best;
        for (const auto& [learner, score] : t.best) best.push_back(score);
        s.mean_score = mean(best);
        s.mean_attempt_score = mean(t.scores);
        s.median_time_ms = median(t.times);
        out.push_back(std::move(s));
    }
    return out;
}

}  // namespace cbt::report
