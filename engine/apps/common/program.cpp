// Shared program plumbing: data and share folders, numbers on the command line, the error boundary.
#include "apps/common/program.hpp"

#include <cstdlib>
#include <iostream>

#include "apps/common/arguments.hpp"

namespace cbt::apps {
namespace fs = std::filesystem;

fs::path default_data_dir(const char* program_folder) {
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return fs::path(xdg) / "cbt" / program_folder;
    if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home) / ".local/share/cbt" / program_folder;
    return fs::path("cbt-data") / program_folder;
}

fs::path share_dir(const char* what, const char* built_from) {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const fs::path installed = exe.parent_path().parent_path() / "share" / "suitcase-cbt" / what;
        if (fs::is_directory(installed, ec)) return installed;
    }
    return built_from;
}

std::optional<std::string> option_or_environment(const Arguments& args, const char* option, const char* variable) {
    if (auto given = args.option(option)) return given;
    const char* value = std::getenv(variable);
    if (value && *value) return std::string(value);
    return std::nullopt;
}

int parse_whole_number(const std::string& text, const char* option) {
    try {
        std::size_t used = 0;
        const int v = std::stoi(text, &used);
        if (used == text.size() && v >= 0) return v;
    } catch (const std::exception&) {
    }
    throw UsageError(std::string("--") + option + " takes a whole number");
}

int run_program(const char* program, int argc, char** argv, const std::function<int(std::vector<std::string>)>& body) {
    try {
        return body(std::vector<std::string>(argv + 1, argv + argc));
    } catch (const UsageError& e) {
        std::cerr << program << ": " << e.what() << "\n(see " << program << " --help)\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << program << ": error: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace cbt::apps
