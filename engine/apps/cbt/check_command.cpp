// cbt check: prints "file:line: message" for every problem; exit status 0 only when clean.
#include <iostream>

#include "apps/common/arguments.hpp"
#include "commands.hpp"
#include "course/checker.hpp"

namespace cbt::apps {

namespace {
constexpr const char* check_usage = R"(Usage: cbt check PATH... [--seeds N]

Checks each course folder: the manifest, every lesson and screen, answer keys and declared
solutions (by playing them), pools, branching targets, translations and images. Each lesson
is played with N seeds (default 8) so pool draws and generated screens are covered.
Prints one line per problem as file:line: message. Exit status: 0 when every course is clean,
1 when problems were found.
)";
}  // namespace

int run_check(const std::vector<std::string>& words) {
    const Arguments args = parse_arguments(words, {"seeds"}, {"help", "quiet"});
    if (args.has("help")) {
        std::cout << check_usage;
        return 0;
    }
    if (args.positional.empty()) throw UsageError("give at least one course folder");
    course::CheckOptions options;
    if (auto n = args.option("seeds")) {
        int count = 0;
        try {
            count = std::stoi(*n);
        } catch (const std::exception&) {
        }
        if (count < 1 || count > 1000) throw UsageError("--seeds takes a number from 1 to 1000");
        options.seeds.clear();
        for (int i = 1; i <= count; ++i) options.seeds.push_back(static_cast<std::uint64_t>(i));
    }
    std::size_t total = 0;
    for (const std::string& path : args.positional) {
        const auto problems = course::check_course(path, options);
        for (const auto& p : problems) {
            course::Problem located = p;
            located.file = located.file.empty() ? path : (std::filesystem::path(path) / located.file).string();
            std::cout << located.to_string() << "\n";
        }
        if (!args.has("quiet")) {
            std::cerr << path << ": " << (problems.empty() ? "ok" : std::to_string(problems.size()) + " problem(s)") << "\n";
        }
        total += problems.size();
    }
    return total == 0 ? 0 : 1;
}

}  // namespace cbt::apps
