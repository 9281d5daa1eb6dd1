// Item analysis per question screen: how many answered, how hard it was (facility), how well it
// separates strong from weak attempts (discrimination), and which answers were chosen.
//
// Rules, fixed so that two reports of the same events always agree:
// - An attempt counts for a screen through its LAST response there (the settled one). That
//   response counts when it is settled, or when the attempt has finished (a time-out fixes an
//   unsettled answer); an open attempt's unsettled answer may still change and waits.
// - Facility = mean of the counted responses' scores (0..1, before weight).
// - First try: the attempt's first response to the screen, for the same counted attempts.
// - Discrimination (Kelley's upper-lower index): take the FINISHED attempts counted for the
//   screen, rank them by attempt score (highest first; ties by earlier start, then attempt id),
//   and form groups of g = round(0.27 * n) attempts at each end (halves round up). D = facility
//   of the upper group minus that of the lower group, in -1..1. When g < 2 (fewer than 6
//   attempts) D is unset: one attempt per group says nothing about the item.
//   Ranking only the attempts that met the screen makes pool items (drawn by some attempts only)
//   comparable with fixed ones; for a fixed screen it is every finished attempt of the lesson.
// - Options: single -> the choice id; truefalse -> "true"/"false"; multiple -> each ticked id
//   (so counts may sum past `responses`); every other kind -> the answer's JSON text, top 10.
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "report/people.hpp"

namespace cbt::report {

// How often one answer value was chosen.
struct OptionCount {
    std::string value;
    int count = 0;
};

// The figures for one question screen of one lesson.
struct ItemStats {
    std::string course;
    std::string lesson;
    std::string screen;
    std::string kind;                            // as journaled: "single", "multiple", ...
    int responses = 0;                           // attempts counted (see the rules above)
    int correct = 0;                             // of those, settled on full marks
    double facility = 0;                         // mean settled score, 0..1
    int first_try_correct = 0;                   // right at the first try
    double first_try_facility = 0;               // mean first-try score, 0..1
    std::optional<double> discrimination;        // upper minus lower group facility; unset below 6 attempts
    int ranked = 0;                              // finished attempts ranked for discrimination
    int group_size = 0;                          // g: attempts in each of the upper and lower groups
    std::vector<OptionCount> options;            // settled answers, most chosen first (ties by value)
    std::vector<OptionCount> first_try_options;  // first answers: shows which distractor misleads
};

// The share of ranked attempts, in percent, placed in each of the upper and lower groups.
inline constexpr int discrimination_group_percent = 27;
// Smallest group for which a discrimination index is given.
inline constexpr int discrimination_min_group = 2;
// Most option values listed for kinds whose answers are free-form (numbers, text, pairs, ...).
inline constexpr std::size_t max_free_options = 10;

// Every answered question screen, by course, lesson, then place in the lesson (earliest position
// it was shown at), then screen id.
std::vector<ItemStats> item_analysis(const ClassRecord& record);

// The values an answer contributes to the option counts, per the rules above.
std::vector<std::string> option_values(const std::string& kind, const nlohmann::json& answer);

}  // namespace cbt::report
