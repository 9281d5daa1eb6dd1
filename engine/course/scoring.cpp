// Built-in scoring rules; see scoring.hpp for the rules themselves.
#include "course/scoring.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <stdexcept>

#include "base/text.hpp"

namespace cbt::course {
namespace {

constexpr double full_marks = 1.0 - 1e-9;

ItemScore settle(double score) {
    ItemScore s;
    s.score = std::clamp(score, 0.0, 1.0);
    s.correct = s.score >= full_marks;
    return s;
}

// (right picks - wrong picks) / right ones, or all-or-nothing.
double set_score(const std::set<std::string>& picked, const std::vector<std::string>& key, std::size_t misses,
                 bool partial) {
    const std::set<std::string> right(key.begin(), key.end());
    std::size_t hits = 0, wrong = misses;
    for (const auto& id : picked) (right.contains(id) ? hits : wrong) += 1;
    if (!partial) return (hits == right.size() && wrong == 0) ? 1.0 : 0.0;
    if (right.empty()) return wrong == 0 ? 1.0 : 0.0;
    return (static_cast<double>(hits) - static_cast<double>(wrong)) / static_cast<double>(right.size());
}

const Choice* find_choice(const Screen& s, const std::string& id) {
    for (const auto& c : s.choices)
        if (c.id == id) return &c;
    return nullptr;
}

}  // namespace

std::string region_at(const Screen& screen, Point p) {
    for (const auto& r : screen.regions)
        if (r.contains(p)) return r.id;
    return {};
}

ItemScore score_builtin(const Screen& s, const Response& response) {
    if (!response_fits(s.kind, response)) {
        throw std::invalid_argument(std::string("the answer does not fit a ") + kind_name(s.kind) + " screen");
    }
    ItemScore result;
    switch (s.kind) {
        case ScreenKind::SingleChoice: {
            const auto& a = std::get<ChoiceAnswer>(response);
            result = settle(!s.correct_ids.empty() && a.id == s.correct_ids.front() ? 1 : 0);
            if (const Choice* c = find_choice(s, a.id); c && !c->feedback.empty()) result.feedback.push_back(c->feedback);
            break;
        }
        case ScreenKind::MultipleChoice: {
            const auto& a = std::get<ChoicesAnswer>(response);
            const std::set<std::string> picked(a.ids.begin(), a.ids.end());
            result = settle(set_score(picked, s.correct_ids, 0, s.partial_credit));
            for (const auto& c : s.choices)
                if (picked.contains(c.id) && !c.feedback.empty()) result.feedback.push_back(c.feedback);
            break;
        }
        case ScreenKind::TrueFalse:
            result = settle(std::get<FlagAnswer>(response).value == s.correct_flag ? 1 : 0);
            break;
        case ScreenKind::Matching: {
            const auto& a = std::get<PairsAnswer>(response);
            std::size_t right = 0;
            for (const auto& p : s.pairs) {
                auto it = a.right_for_left.find(p.id);
                right += (it != a.right_for_left.end() && it->second == p.id);
            }
            const double share = s.pairs.empty() ? 0 : static_cast<double>(right) / static_cast<double>(s.pairs.size());
            result = settle(s.partial_credit ? share : (right == s.pairs.size() ? 1 : 0));
            break;
        }
        case ScreenKind::Ordering: {
            const auto& a = std::get<OrderAnswer>(response);
            std::size_t right = 0;
            for (std::size_t i = 0; i < s.correct_order.size() && i < a.ids.size(); ++i) right += (a.ids[i] == s.correct_order[i]);
            const bool complete = a.ids.size() == s.correct_order.size();
            const double share = s.correct_order.empty() ? 0 : static_cast<double>(right) / static_cast<double>(s.correct_order.size());
            result = settle(s.partial_credit ? share : (complete && right == s.correct_order.size() ? 1 : 0));
            break;
        }
        case ScreenKind::Numeric: {
            const double v = std::get<NumberAnswer>(response).value;
            result = settle(std::isfinite(v) && std::fabs(v - s.number) <= s.tolerance + 1e-9 * std::max(1.0, std::fabs(s.number)) ? 1 : 0);
            break;
        }
        case ScreenKind::ShortText: {
            const std::string typed = base::fold_for_comparison(std::get<TextAnswer>(response).text);
            const bool ok = !typed.empty() && std::any_of(s.accepted.begin(), s.accepted.end(), [&](const std::string& a) {
                return base::fold_for_comparison(a) == typed;
            });
            result = settle(ok ? 1 : 0);
            break;
        }
        case ScreenKind::Hotspot: {
            std::set<std::string> picked;
            std::size_t misses = 0;
            for (const Point& p : std::get<PointsAnswer>(response).points) {
                const std::string id = region_at(s, p);
                if (id.empty()) ++misses;
                else picked.insert(id);
            }
            result = settle(set_score(picked, s.correct_ids, misses, s.partial_credit));
            for (const auto& r : s.regions)
                if (picked.contains(r.id) && !r.feedback.empty()) result.feedback.push_back(r.feedback);
            break;
        }
        case ScreenKind::Canvas:
        case ScreenKind::Info:
            throw std::invalid_argument(std::string("a ") + kind_name(s.kind) + " screen has no built-in scoring");
    }
    return result;
}

}  // namespace cbt::course
