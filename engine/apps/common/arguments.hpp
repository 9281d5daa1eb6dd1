// A small command-line parser: positional words plus --name value / --flag options.
#pragma once
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace cbt::apps {

// Raised for a command line that does not parse; the message says what to type instead.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct Arguments {
    std::vector<std::string> positional;
    std::map<std::string, std::string> options;   // --name value
    std::set<std::string> flags;                  // --flag

    bool has(const std::string& flag) const { return flags.contains(flag); }
    std::optional<std::string> option(const std::string& name) const;
};

// Parses argv after the command word. `valued` names options that take a value, `switches`
// those that do not; anything else is a UsageError.
Arguments parse_arguments(const std::vector<std::string>& words, const std::set<std::string>& valued,
                          const std::set<std::string>& switches);

}  // namespace cbt::apps
