// CSV and xAPI exports over attempt summaries and the deduplicated events. Both are functions of
// the record alone, so the same record always exports byte for byte the same.
#include "report/export.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <tuple>

#include "base/sha256.hpp"
#include "course/attempt.hpp"
#include "report/attempts.hpp"
#include "report/csv.hpp"
#include "report/fields.hpp"

namespace cbt::report {
namespace ev = course::event_type;
using detail::flag_field;
using detail::json_field;
using detail::number_field;
using detail::valid_utf8;
using nlohmann::json;

namespace {

constexpr const char* verb_base = "http://adlnet.gov/expapi/verbs/";
constexpr const char* activity_type_base = "http://adlnet.gov/expapi/activities/";

struct Civil {
    int year;
    unsigned month, day;
    long long hours, minutes, seconds, millis;
};

Civil civil(std::int64_t at_ms) {
    using namespace std::chrono;
    const sys_time<milliseconds> t{milliseconds{at_ms}};
    const sys_days day = floor<days>(t);
    const year_month_day ymd{day};
    const hh_mm_ss<milliseconds> hms{t - day};
    return {static_cast<int>(ymd.year()),
            static_cast<unsigned>(ymd.month()),
            static_cast<unsigned>(ymd.day()),
            hms.hours().count(),
            hms.minutes().count(),
            hms.seconds().count(),
            hms.subseconds().count()};
}

std::string percent(double score) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", score * 100);
    return text;
}

// Ids in events come from kiosks; anything outside RFC 3986's unreserved set is escaped so an
// odd id can never break the IRI's structure.
std::string iri_segment(std::string_view id) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (const unsigned char c : id) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
            c == '_' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

json verb(const char* name) {
    return {{"id", std::string(verb_base) + name}, {"display", {{"en-US", name}}}};
}

// A language map from a title, or the id under "und" (undetermined language) when untitled.
json language_map(const ClassRecord& record, const std::string& key, const std::string& fallback) {
    json map = json::object();
    if (const auto it = record.titles.find(key); it != record.titles.end())
        for (const std::string& lang : it->second.languages())
            map[valid_utf8(lang.empty() ? "und" : lang)] = valid_utf8(it->second.in(lang));
    if (map.empty()) map["und"] = valid_utf8(fallback);
    return map;
}

json activity(const std::string& id, const json& name, const char* type) {
    return {{"objectType", "Activity"},
            {"id", id},
            {"definition", {{"name", name}, {"type", std::string(activity_type_base) + type}}}};
}

double scaled(double score) {
    return std::clamp(score, 0.0, 1.0);
}

}  // namespace

std::string iso8601_seconds(std::int64_t at_ms) {
    const Civil c = civil(at_ms);
    char text[40];
    std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02lld:%02lld:%02lldZ", c.year, c.month, c.day, c.hours, c.minutes,
                  c.seconds);
    return text;
}

std::string iso8601_millis(std::int64_t at_ms) {
    const Civil c = civil(at_ms);
    char text[48];
    std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02lld:%02lld:%02lld.%03lldZ", c.year, c.month, c.day, c.hours,
                  c.minutes, c.seconds, c.millis);
    return text;
}

std::string iso8601_duration(std::int64_t ms) {
    const std::int64_t centis = std::max<std::int64_t>(0, ms) / 10;
    const std::int64_t hours = centis / 360000, minutes = centis / 6000 % 60, seconds = centis / 100 % 60;
    char text[64];
    std::string out = "PT";
    if (hours > 0) out += std::to_string(hours) + "H";
    if (hours > 0 || minutes > 0) out += std::to_string(minutes) + "M";
    std::snprintf(text, sizeof text, "%lld.%02lldS", static_cast<long long>(seconds),
                  static_cast<long long>(centis % 100));
    return out + text;
}

std::string name_uuid(std::string_view name) {
    std::string hex = base::sha256_hex(name).substr(0, 32);
    static constexpr char digits[] = "0123456789abcdef";
    const auto nibble = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
    hex[12] = '8';                                    // version 8: custom, here SHA-256 name-based
    hex[16] = digits[(nibble(hex[16]) & 0x3) | 0x8];  // variant bits 10 (RFC 4122)
    return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" + hex.substr(16, 4) + "-" +
           hex.substr(20, 12);
}

std::string statement_id(std::string_view device_id, std::int64_t seq) {
    return name_uuid("cbt-event:" + std::string(device_id) + ":" + std::to_string(seq));
}

std::string registration_id(std::string_view attempt_id) {
    return name_uuid("cbt-attempt:" + std::string(attempt_id));
}

std::string attempts_csv(const ClassRecord& record, const CsvOptions& options) {
    std::string out = options.byte_order_mark ? "\xEF\xBB\xBF" : "";
    out += csv_record({"trainee", "trainee_id", "service", "id_number", "seat", "course", "course_version", "lesson",
                       "score", "passed", "started", "finished"});
    for (const AttemptSummary& a : attempts(record)) {
        if (!a.finished()) continue;
        Person person;
        if (const auto it = record.people.find(a.learner); it != record.people.end()) person = it->second;
        out += csv_record({display_name(record, a.learner), a.learner, person.service, person.id_number,
                           a.seat ? std::to_string(*a.seat) : std::string(), a.course, a.course_version, a.lesson,
                           percent(*a.score), a.passed ? "true" : "false", iso8601_seconds(a.started_at_ms),
                           iso8601_seconds(*a.finished_at_ms)});
    }
    return out;
}

json xapi_statements(const ClassRecord& record, const std::string& classroom_iri) {
    std::string root = classroom_iri;
    while (!root.empty() && root.back() == '/') root.pop_back();

    std::map<std::string, const AttemptSummary*> by_id;
    const std::vector<AttemptSummary> summaries = attempts(record);
    for (const AttemptSummary& a : summaries) by_id[a.id] = &a;

    using Key = std::tuple<std::int64_t, std::string, std::int64_t>;  // at_ms, device, seq
    std::vector<std::pair<Key, json>> statements;
    for (const auto& [attempt_id, events] : events_by_attempt(distinct_events(record.events))) {
        const auto found = by_id.find(attempt_id);
        if (found == by_id.end()) continue;  // no start held yet: course and lesson unknown
        const AttemptSummary& a = *found->second;
        if (a.learner.empty()) continue;

        json actor = {{"objectType", "Agent"}, {"account", {{"homePage", root}, {"name", valid_utf8(a.learner)}}}};
        if (const auto p = record.people.find(a.learner); p != record.people.end() && !p->second.name.empty())
            actor["name"] = valid_utf8(p->second.name);
        const std::string course_iri = root + "/courses/" + iri_segment(a.course);
        const std::string lesson_iri = course_iri + "/lessons/" + iri_segment(a.lesson);
        const json course = activity(course_iri, language_map(record, a.course, a.course), "course");
        const std::string lesson_key = a.course + "/" + a.lesson;
        const json lesson = activity(lesson_iri, language_map(record, lesson_key, lesson_key), "lesson");
        json context = {{"registration", registration_id(a.id)}, {"platform", "Suitcase CBT"}};
        if (!a.lang.empty()) context["language"] = valid_utf8(a.lang);

        for (const store::Event& e : events) {
            json s = {
                {"id", statement_id(e.device_id, e.seq)}, {"actor", actor}, {"timestamp", iso8601_millis(e.at_ms)}};
            if (e.type == ev::attempt_started) {
                s["verb"] = verb("attempted");
                s["object"] = lesson;
                s["context"] = context;
                s["context"]["contextActivities"] = {{"parent", json::array({course})}};
            } else if (e.type == ev::response) {
                const std::string screen = detail::text_field(e.payload, "screen");
                const std::string screen_key = lesson_key + "/" + screen;
                s["verb"] = verb("answered");
                s["object"] = activity(lesson_iri + "/screens/" + iri_segment(screen),
                                       json{{"und", valid_utf8(screen_key)}}, "cmi.interaction");
                s["result"] = {
                    {"success", flag_field(e.payload, "correct", false)},
                    {"score", {{"scaled", scaled(number_field(e.payload, "score", 0.0))}}},
                    {"response", detail::json_text(json_field(e.payload, "answer"))},
                    {"duration", iso8601_duration(static_cast<std::int64_t>(number_field(e.payload, "time_ms", 0.0)))}};
                s["context"] = context;
                s["context"]["contextActivities"] = {{"parent", json::array({lesson})},
                                                     {"grouping", json::array({course})}};
            } else if (e.type == ev::attempt_finished) {
                const bool passed = flag_field(e.payload, "passed", false);
                s["verb"] = verb(passed ? "passed" : "failed");
                s["object"] = lesson;
                s["result"] = {{"success", passed},
                               {"completion", true},
                               {"score", {{"scaled", scaled(number_field(e.payload, "score", 0.0))}}},
                               {"duration", iso8601_duration(e.at_ms - a.started_at_ms)}};
                s["context"] = context;
                s["context"]["contextActivities"] = {{"parent", json::array({course})}};
            } else {
                continue;
            }
            statements.emplace_back(Key{e.at_ms, e.device_id, e.seq}, std::move(s));
        }
    }
    std::sort(statements.begin(), statements.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    json out = json::array();
    for (auto& [key, s] : statements) out.push_back(std::move(s));
    return out;
}

}  // namespace cbt::report
