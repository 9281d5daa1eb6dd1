// Item analysis: one pass over each attempt's ordered events collects its first and last answer
// per screen; the figures are then folded per screen and the upper and lower groups formed.
#include "report/item_analysis.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <tuple>

#include "course/attempt.hpp"
#include "report/attempts.hpp"
#include "report/fields.hpp"

namespace cbt::report {
namespace ev = course::event_type;
using detail::flag_field;
using detail::json_field;
using detail::number_field;
using detail::text_field;

namespace {

using ItemKey = std::tuple<std::string, std::string, std::string>;  // course, lesson, screen

// One attempt's answers to one screen.
struct Answered {
    const store::Event* first = nullptr;
    const store::Event* last = nullptr;
};

// One attempt counted for a screen.
struct Counted {
    double first_score = 0;
    bool first_correct = false;
    double score = 0;
    bool correct = false;
    std::string kind;
    nlohmann::json first_answer;
    nlohmann::json answer;
    const AttemptSummary* attempt = nullptr;
};

std::vector<OptionCount> ranked_options(const std::map<std::string, int>& counts, bool free_form) {
    std::vector<OptionCount> out;
    for (const auto& [value, count] : counts) out.push_back({value, count});
    std::stable_sort(out.begin(), out.end(),
                     [](const OptionCount& a, const OptionCount& b) { return a.count > b.count; });
    if (free_form && out.size() > max_free_options) out.resize(max_free_options);
    return out;
}

double mean_score(const std::vector<const Counted*>& group) {
    double sum = 0;
    for (const Counted* c : group) sum += c->score;
    return group.empty() ? 0 : sum / static_cast<double>(group.size());
}

}  // namespace

std::vector<std::string> option_values(const std::string& kind, const nlohmann::json& answer) {
    if (kind == "single" && answer.is_string()) return {answer.get<std::string>()};
    if (kind == "truefalse" && answer.is_boolean()) return {answer.get<bool>() ? "true" : "false"};
    if (kind == "multiple" && answer.is_array()) {
        std::vector<std::string> ids;
        for (const auto& id : answer)
            if (id.is_string()) ids.push_back(id.get<std::string>());
        return ids;
    }
    return {detail::json_text(answer)};
}

std::vector<ItemStats> item_analysis(const ClassRecord& record) {
    const auto grouped = events_by_attempt(distinct_events(record.events));
    const std::vector<AttemptSummary> summaries = attempts(record);

    std::map<ItemKey, std::vector<Counted>> items;
    std::map<ItemKey, std::int64_t> position;
    for (const AttemptSummary& a : summaries) {
        std::map<std::string, Answered> answered;
        for (const store::Event& e : grouped.at(a.id)) {
            const std::string screen = text_field(e.payload, "screen");
            if (e.type == ev::screen_shown) {
                const auto at = static_cast<std::int64_t>(number_field(e.payload, "position", 1e9));
                const auto [it, fresh] = position.emplace(ItemKey{a.course, a.lesson, screen}, at);
                if (!fresh) it->second = std::min(it->second, at);
            } else if (e.type == ev::response) {
                Answered& ans = answered[screen];
                if (!ans.first) ans.first = &e;
                ans.last = &e;
            }
        }
        for (const auto& [screen, ans] : answered) {
            if (!a.finished() && !flag_field(ans.last->payload, "settled", false)) continue;
            Counted c;
            c.attempt = &a;
            c.kind = text_field(ans.last->payload, "kind");
            c.score = number_field(ans.last->payload, "score", 0.0);
            c.correct = flag_field(ans.last->payload, "correct", false);
            c.answer = json_field(ans.last->payload, "answer");
            c.first_score = number_field(ans.first->payload, "score", 0.0);
            c.first_correct = flag_field(ans.first->payload, "correct", false);
            c.first_answer = json_field(ans.first->payload, "answer");
            items[ItemKey{a.course, a.lesson, screen}].push_back(std::move(c));
        }
    }

    std::vector<ItemStats> out;
    for (const auto& [key, counted] : items) {
        ItemStats s;
        std::tie(s.course, s.lesson, s.screen) = key;
        s.kind = counted.back().kind;
        s.responses = static_cast<int>(counted.size());
        double sum = 0, first_sum = 0;
        std::map<std::string, int> options, first_options;
        std::vector<const Counted*> finished;
        for (const Counted& c : counted) {
            s.correct += c.correct ? 1 : 0;
            s.first_try_correct += c.first_correct ? 1 : 0;
            sum += c.score;
            first_sum += c.first_score;
            for (const std::string& v : option_values(c.kind, c.answer)) ++options[v];
            for (const std::string& v : option_values(c.kind, c.first_answer)) ++first_options[v];
            if (c.attempt->finished()) finished.push_back(&c);
        }
        s.facility = sum / s.responses;
        s.first_try_facility = first_sum / s.responses;
        const bool free_form = s.kind != "single" && s.kind != "truefalse" && s.kind != "multiple";
        s.options = ranked_options(options, free_form);
        s.first_try_options = ranked_options(first_options, free_form);

        // Integer arithmetic, rounding half up, so the group size never hinges on floating point.
        const int n = static_cast<int>(finished.size());
        s.ranked = n;
        s.group_size = (discrimination_group_percent * n + 50) / 100;
        if (s.group_size >= discrimination_min_group) {
            std::sort(finished.begin(), finished.end(), [](const Counted* x, const Counted* y) {
                const AttemptSummary &a = *x->attempt, &b = *y->attempt;
                if (*a.score != *b.score) return *a.score > *b.score;
                return std::tie(a.started_at_ms, a.id) < std::tie(b.started_at_ms, b.id);
            });
            const auto g = static_cast<std::ptrdiff_t>(s.group_size);
            const std::vector<const Counted*> upper(finished.begin(), finished.begin() + g);
            const std::vector<const Counted*> lower(finished.end() - g, finished.end());
            s.discrimination = mean_score(upper) - mean_score(lower);
        }
        out.push_back(std::move(s));
    }
    const auto place = [&](const ItemStats& s) {
        const auto it = position.find(ItemKey{s.course, s.lesson, s.screen});
        return it == position.end() ? std::numeric_limits<std::int64_t>::max() : it->second;
    };
    std::stable_sort(out.begin(), out.end(), [&](const ItemStats& a, const ItemStats& b) {
        return std::tuple(a.course, a.lesson, place(a), a.screen) < std::tuple(b.course, b.lesson, place(b), b.screen);
    });
    return out;
}

}  // namespace cbt::report
