// What the programs share beyond argument parsing: where their data and bundled files live, and
// the one place a command's error becomes a message and an exit status.
#pragma once
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace cbt::apps {

class Arguments;

// $XDG_DATA_HOME/cbt/<program_folder> (~/.local/share/cbt/<program_folder> without it).
std::filesystem::path default_data_dir(const char* program_folder);
// The installed layout (bin/../share/suitcase-cbt/<what>) when present, else `built_from`, the
// source tree the program was built from, so a development build runs without installing.
std::filesystem::path share_dir(const char* what, const char* built_from);
// --<option>'s value, or else the environment variable's (when set and not empty). Secrets such
// as a PIN reach a boot session's program this way, out of sight of other users' `ps`.
std::optional<std::string> option_or_environment(const Arguments& args, const char* option, const char* variable);
// A whole number >= 0 given to --<option>; a UsageError otherwise.
int parse_whole_number(const std::string& text, const char* option);
// Runs a program's body: a UsageError gives status 2 with a pointer to --help, any other error
// status 1 with its message, both on standard error after the program's name.
int run_program(const char* program, int argc, char** argv, const std::function<int(std::vector<std::string>)>& body);

}  // namespace cbt::apps
