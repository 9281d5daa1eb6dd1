// Display preferences (larger text, high contrast) kept in the seat's settings: one entry for
// the seat (the sign-in screen) and one per trainee, so a trainee who needs large text gets it
// again at every sign-in on this seat.
#pragma once
#include <optional>
#include <string>

#include "session/seat.hpp"
#include "ui/theme.hpp"

namespace cbt::ui {

// The saved display for a trainee ("" = the seat's own); nullopt when none was saved.
std::optional<Display> load_display(session::Seat& seat, const std::string& trainee_id);
// Saves it; a failure to write is ignored, as the choice still applies until sign-out.
void save_display(session::Seat& seat, const std::string& trainee_id, const Display& display);

}  // namespace cbt::ui
