// Built-in scoring of each question kind: pure functions of the screen's key and the response.
// Canvas screens and questions with a Lua `score` hook are scored by the lesson runtime instead.
#pragma once
#include <string>
#include <vector>

#include "course/response.hpp"
#include "course/screen.hpp"

namespace cbt::course {

// What one answer earned.
struct ItemScore {
    double score = 0;                   // 0..1, before the screen's weight
    bool correct = false;               // full marks
    std::vector<LocalText> feedback;    // per-choice or per-region feedback to show
};

// Scores a response with the screen's built-in rule:
// - single, true/false, numeric (|answer - key| <= tolerance), short text: 1 or 0;
// - multiple and hotspot with partial credit: (right picks - wrong picks) / number of right ones,
//   never below 0; a hotspot click outside every region is a wrong pick;
// - matching with partial credit: share of pairs matched right;
// - ordering with partial credit: share of items in their right place;
// - without partial credit those kinds score 1 only when entirely right.
// Short text compares case-, space- and ё/е-insensitively (Latin and Cyrillic alike).
// Throws std::invalid_argument when the response does not fit the screen's kind.
ItemScore score_builtin(const Screen& screen, const Response& response);

// The region a hotspot click lands in (first listed region containing it), or empty.
std::string region_at(const Screen& screen, Point p);

}  // namespace cbt::course
