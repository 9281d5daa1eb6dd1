// The transcript and certificate pages. The page's words come from a table per language here (the
// report layer has no catalogue). Times use the offset given, never this machine's zone, so a
// page is the same wherever it is made.
#include "report/html.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <set>

namespace cbt::report {
namespace {

struct Words {
    const char* transcript_title;
    const char* certificate_title;
    const char* name;
    const char* service;
    const char* id_number;
    const char* trainee_id;
    const char* lessons;
    const char* course;
    const char* lesson;
    const char* attempts;
    const char* best;
    const char* last;
    const char* result;
    const char* time_on_task;
    const char* started;
    const char* seat;
    const char* score;
    const char* duration;
    const char* passed;
    const char* not_passed;
    const char* not_finished;
    const char* open;
    const char* timed_out;
    const char* total_time;
    const char* no_attempts;
    const char* certifies;
    const char* completed;
    const char* nothing_passed;
    const char* on_date;
    const char* instructor;
    const char* date;
    const char* classroom;
    const char* generated;
    const char* times_in;
    const char* minutes;
    const char* seconds;
    const char* hours;
};

constexpr Words english = {
    "Training transcript",
    "Certificate",
    "Name",
    "Service",
    "ID number",
    "Trainee id",
    "Lessons",
    "Course",
    "Lesson",
    "Attempts",
    "Best score",
    "Last score",
    "Result",
    "Time on task",
    "Started",
    "Seat",
    "Score",
    "Duration",
    "passed",
    "not passed",
    "not finished",
    "in progress",
    "time ran out",
    "Total time on task",
    "No attempts yet.",
    "This is to certify that",
    "has successfully completed",
    "No lesson has been passed yet.",
    "Date of the last pass",
    "Instructor",
    "Date",
    "Classroom",
    "Generated",
    "Times are",
    "min",
    "s",
    "h",
};

constexpr Words russian = {
    "Учебная ведомость",
    "Свидетельство",
    "Ф. И. О.",
    "Служба",
    "Номер удостоверения",
    "Код слушателя",
    "Уроки",
    "Курс",
    "Урок",
    "Попытки",
    "Лучший результат",
    "Последний результат",
    "Итог",
    "Время занятий",
    "Начало",
    "Место",
    "Результат",
    "Длительность",
    "сдан",
    "не сдан",
    "не завершён",
    "идёт",
    "время истекло",
    "Общее время занятий",
    "Попыток пока нет.",
    "Настоящим удостоверяется, что",
    "успешно прошёл(ла)",
    "Пока не сдан ни один урок.",
    "Дата последней сдачи",
    "Преподаватель",
    "Дата",
    "Класс",
    "Создано",
    "Время указано в зоне",
    "мин",
    "с",
    "ч",
};

const Words& words_for(const std::string& lang) {
    return lang == "ru" ? russian : english;
}

std::string e(std::string_view text) {
    return html_escape(text);
}

// "2026-11-27 14:15" in the zone of the options.
std::string local_time(std::int64_t at_ms, const HtmlOptions& o) {
    const std::time_t t = static_cast<std::time_t>(std::floor((at_ms + o.utc_offset_minutes * 60'000.0) / 1000.0));
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
                  tm.tm_min);
    return buf;
}

std::string local_date(std::int64_t at_ms, const HtmlOptions& o) {
    return local_time(at_ms, o).substr(0, 10);
}

std::string zone_name(int offset_minutes) {
    const int a = std::abs(offset_minutes);
    char buf[16];
    std::snprintf(buf, sizeof buf, "UTC%c%02d:%02d", offset_minutes < 0 ? '-' : '+', a / 60, a % 60);
    return buf;
}

std::string duration_text(std::int64_t ms, const Words& w) {
    const std::int64_t s = std::max<std::int64_t>(0, (ms + 500) / 1000);
    char buf[64];
    if (s >= 3600)
        std::snprintf(buf, sizeof buf, "%lld %s %lld %s", static_cast<long long>(s / 3600), w.hours,
                      static_cast<long long>(s % 3600 / 60), w.minutes);
    else if (s >= 60)
        std::snprintf(buf, sizeof buf, "%lld %s %lld %s", static_cast<long long>(s / 60), w.minutes,
                      static_cast<long long>(s % 60), w.seconds);
    else
        std::snprintf(buf, sizeof buf, "%lld %s", static_cast<long long>(s), w.seconds);
    return buf;
}

std::string percent(std::optional<double> score) {
    if (!score) return "—";
    return std::to_string(static_cast<int>(std::lround(std::clamp(*score, 0.0, 1.0) * 100))) + "%";
}

std::string title_of(const HtmlOptions& o, const std::string& key, const std::string& fallback) {
    const auto it = o.titles.find(key);
    if (it == o.titles.end()) return fallback;
    const std::string t = it->second.in(o.lang);
    return t.empty() ? fallback : t;
}

std::string course_title(const HtmlOptions& o, const std::string& course) {
    return title_of(o, course, course);
}

std::string lesson_title(const HtmlOptions& o, const std::string& course, const std::string& lesson) {
    return title_of(o, course + "/" + lesson, lesson);
}

// The shared head: page size and print rules, readable type, ruled tables.
std::string page_start(const HtmlOptions& o, const std::string& title, const char* extra_css) {
    std::string h = "<!DOCTYPE html>\n<html lang=\"" + e(o.lang == "ru" ? "ru" : "en") +
                    "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + e(title) + "</title>\n<style>\n";
    h += "@page { size: A4; margin: 18mm; }\n"
         "body { font-family: 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif; color: #17202b; "
         "font-size: 11pt; line-height: 1.4; max-width: 190mm; margin: 0 auto; padding: 8mm; }\n"
         "h1 { font-size: 20pt; margin: 0 0 4mm; } h2 { font-size: 13pt; margin: 7mm 0 2mm; }\n"
         "table { border-collapse: collapse; width: 100%; page-break-inside: auto; }\n"
         "th, td { border: 1px solid #8c9aab; padding: 1.5mm 2mm; text-align: left; vertical-align: top; }\n"
         "th { background: #eef1f5; } tr { page-break-inside: avoid; }\n"
         "td.num { text-align: right; white-space: nowrap; }\n"
         ".passed { color: #1b7a35; font-weight: bold; } .failed { color: #b42318; }\n"
         "dl.who { display: grid; grid-template-columns: max-content auto; gap: 1mm 6mm; margin: 0; }\n"
         "dl.who dt { color: #4f5b69; } dl.who dd { margin: 0; font-weight: bold; }\n"
         "footer { margin-top: 10mm; color: #4f5b69; font-size: 9pt; border-top: 1px solid #c9d1db; padding-top: 2mm; "
         "}\n"
         "@media print { body { padding: 0; } }\n";
    h += extra_css;
    h += "</style>\n</head>\n<body>\n";
    return h;
}

std::string page_end(const HtmlOptions& o, const Words& w) {
    std::string f = "<footer>";
    std::vector<std::string> parts;
    if (!o.classroom.empty()) parts.push_back(std::string(w.classroom) + ": " + e(o.classroom));
    if (o.generated_at_ms > 0) parts.push_back(std::string(w.generated) + ": " + local_time(o.generated_at_ms, o));
    parts.push_back(std::string(w.times_in) + " " + zone_name(o.utc_offset_minutes));
    for (std::size_t i = 0; i < parts.size(); ++i) f += (i ? " · " : "") + parts[i];
    return f + "</footer>\n</body>\n</html>\n";
}

std::string who(const Transcript& t, const Words& w) {
    std::string h = "<dl class=\"who\">\n";
    const auto row = [&](const char* label, const std::string& value) {
        if (!value.empty()) h += "<dt>" + std::string(label) + "</dt><dd>" + e(value) + "</dd>\n";
    };
    row(w.name, t.person.name.empty() ? t.person.id : t.person.name);
    row(w.service, t.person.service);
    row(w.id_number, t.person.id_number);
    if (!t.person.name.empty()) row(w.trainee_id, t.person.id);
    return h + "</dl>\n";
}

std::string attempt_result(const AttemptSummary& a, const Words& w) {
    if (!a.finished()) return std::string("<span>") + w.open + "</span>";
    std::string r = a.passed ? std::string("<span class=\"passed\">") + w.passed + "</span>"
                             : std::string("<span class=\"failed\">") + w.not_passed + "</span>";
    if (a.timed_out) r += " (" + std::string(w.timed_out) + ")";
    return r;
}

}  // namespace

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string transcript_html(const Transcript& t, const HtmlOptions& o) {
    const Words& w = words_for(o.lang);
    const std::string name = t.person.name.empty() ? t.person.id : t.person.name;
    std::string h = page_start(o, std::string(w.transcript_title) + " — " + name, "");
    h += "<h1>" + std::string(w.transcript_title) + "</h1>\n" + who(t, w);

    h += "<h2>" + std::string(w.lessons) + "</h2>\n";
    if (t.lessons.empty()) {
        h += "<p>" + std::string(w.no_attempts) + "</p>\n";
    } else {
        h += "<table>\n<tr><th>" + std::string(w.course) + "</th><th>" + w.lesson + "</th><th>" + w.attempts +
             "</th><th>" + w.best + "</th><th>" + w.last + "</th><th>" + w.result + "</th><th>" + w.time_on_task +
             "</th></tr>\n";
        for (const LessonRecord& l : t.lessons) {
            const std::string result = l.passed     ? std::string("<span class=\"passed\">") + w.passed + "</span>"
                                       : l.finished ? std::string("<span class=\"failed\">") + w.not_passed + "</span>"
                                                    : std::string(w.not_finished);
            h += "<tr><td>" + e(course_title(o, l.course)) + "</td><td>" + e(lesson_title(o, l.course, l.lesson)) +
                 "</td><td class=\"num\">" + std::to_string(l.attempts) + "</td><td class=\"num\">" +
                 percent(l.best_score) + "</td><td class=\"num\">" + percent(l.last_score) + "</td><td>" + result +
                 "</td><td class=\"num\">" + duration_text(l.time_ms, w) + "</td></tr>\n";
        }
        h += "</table>\n<p>" + std::string(w.total_time) + ": <b>" + duration_text(t.time_on_task_ms, w) + "</b></p>\n";
    }

    if (!t.attempts.empty()) {
        h += "<h2>" + std::string(w.attempts) + "</h2>\n<table>\n<tr><th>" + w.started + "</th><th>" + w.course +
             "</th><th>" + w.lesson + "</th><th>" + w.seat + "</th><th>" + w.score + "</th><th>" + w.result +
             "</th><th>" + w.duration + "</th></tr>\n";
        for (const AttemptSummary& a : t.attempts) {
            h += "<tr><td class=\"num\">" + local_time(a.started_at_ms, o) + "</td><td>" +
                 e(course_title(o, a.course)) + "</td><td>" + e(lesson_title(o, a.course, a.lesson)) +
                 "</td><td class=\"num\">" + (a.seat ? std::to_string(*a.seat) : std::string("—")) +
                 "</td><td class=\"num\">" + percent(a.score) + "</td><td>" + attempt_result(a, w) +
                 "</td><td class=\"num\">" + duration_text(attempt_duration_ms(a), w) + "</td></tr>\n";
        }
        h += "</table>\n";
    }
    return h + page_end(o, w);
}

std::string certificate_html(const Transcript& t, const HtmlOptions& o, const std::string& course) {
    const Words& w = words_for(o.lang);
    const std::string name = t.person.name.empty() ? t.person.id : t.person.name;
    const char* css =
        ".frame { border: 3mm double #1d5fb0; padding: 14mm 12mm; text-align: center; min-height: 200mm; "
        "box-sizing: border-box; }\n"
        ".frame h1 { font-size: 30pt; letter-spacing: 1mm; margin-bottom: 10mm; }\n"
        ".frame .name { font-size: 22pt; font-weight: bold; margin: 5mm 0 2mm; }\n"
        ".frame .detail { color: #4f5b69; margin-bottom: 8mm; }\n"
        ".frame table { width: auto; margin: 6mm auto; } .frame td, .frame th { text-align: left; }\n"
        ".signatures { display: flex; justify-content: space-around; margin-top: 22mm; }\n"
        ".signatures div { border-top: 1px solid #17202b; width: 60mm; padding-top: 1mm; color: #4f5b69; }\n";
    std::string h = page_start(o, std::string(w.certificate_title) + " — " + name, css);
    h += "<div class=\"frame\">\n";
    if (!o.issuer.empty()) h += "<p class=\"detail\">" + e(o.issuer) + "</p>\n";
    h += "<h1>" + std::string(w.certificate_title) + "</h1>\n";

    std::vector<const LessonRecord*> passed;
    for (const LessonRecord& l : t.lessons)
        if (l.passed && (course.empty() || l.course == course)) passed.push_back(&l);
    std::set<std::pair<std::string, std::string>> listed;
    for (const LessonRecord* l : passed) listed.emplace(l->course, l->lesson);
    std::int64_t last_pass_ms = 0;
    for (const AttemptSummary& a : t.attempts)
        if (a.passed && a.finished_at_ms && listed.count({a.course, a.lesson}))
            last_pass_ms = std::max(last_pass_ms, *a.finished_at_ms);

    h += "<p>" + std::string(w.certifies) + "</p>\n<p class=\"name\">" + e(name) + "</p>\n";
    std::string detail;
    if (!t.person.service.empty()) detail += e(t.person.service);
    if (!t.person.id_number.empty())
        detail += (detail.empty() ? "" : ", ") + std::string(w.id_number) + " " + e(t.person.id_number);
    if (!detail.empty()) h += "<p class=\"detail\">" + detail + "</p>\n";

    if (passed.empty()) {
        h += "<p><b>" + std::string(w.nothing_passed) + "</b></p>\n";
    } else {
        h += "<p>" + std::string(w.completed) + ":</p>\n<table>\n<tr><th>" + w.course + "</th><th>" + w.lesson +
             "</th><th>" + w.best + "</th></tr>\n";
        for (const LessonRecord* l : passed)
            h += "<tr><td>" + e(course_title(o, l->course)) + "</td><td>" + e(lesson_title(o, l->course, l->lesson)) +
                 "</td><td class=\"num\">" + percent(l->best_score) + "</td></tr>\n";
        h += "</table>\n";
        if (last_pass_ms > 0)
            h += "<p>" + std::string(w.on_date) + ": <b>" + local_date(last_pass_ms, o) + "</b></p>\n";
    }
    h += "<div class=\"signatures\"><div>" + std::string(w.instructor) + "</div><div>" + w.date + "</div></div>\n";
    h += "</div>\n";
    return h + page_end(o, w);
}

}  // namespace cbt::report
