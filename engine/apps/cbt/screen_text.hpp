// Screens and outcomes as plain text for the terminal.
#pragma once
#include <string>

#include "course/lesson_runtime.hpp"

namespace cbt::apps {

// The screen as a trainee would read it, with numbered choices and a hint of how to answer.
std::string screen_as_text(const course::Screen& screen, const course::DisplayList& display, const std::string& lang,
                           const std::string& default_lang);
// The result of an answer: score, feedback, explanation.
std::string outcome_as_text(const course::Outcome& outcome, const std::string& lang, const std::string& default_lang);

}  // namespace cbt::apps
