// cbt: the course authors' and administrators' command-line tool.
#include <iostream>
#include <string>
#include <vector>

#include "apps/common/arguments.hpp"
#include "commands.hpp"

namespace {

constexpr const char* usage = R"(Usage: cbt <command> [options]

Commands:
  check PATH...   check courses for problems (exit status 0 only when all are clean)
  play PATH       play a course in the terminal, or headless with --answers / --auto
  info PATH       show a course's lessons, screens, languages and content hash
  pack PATH       pack a course folder into one .cbtpack file (-o FILE)
  verify FILE     check a .cbtpack file member by member
  install FILE    install a .cbtpack file into a course library (--library DIR)

Options:
  --version       print the version
  --help          this text; `cbt <command> --help` explains a command
)";

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> words(argv + 1, argv + argc);
    if (words.empty() || words[0] == "--help" || words[0] == "-h" || words[0] == "help") {
        std::cout << usage;
        return words.empty() ? 2 : 0;
    }
    if (words[0] == "--version") {
        std::cout << "cbt " << CBT_VERSION << "\n";
        return 0;
    }
    const std::string command = words[0];
    words.erase(words.begin());
    try {
        if (command == "check") return cbt::apps::run_check(words);
        if (command == "play") return cbt::apps::run_play(words);
        if (command == "info") return cbt::apps::run_info(words);
        if (command == "pack") return cbt::apps::run_pack(words);
        if (command == "verify") return cbt::apps::run_verify(words);
        if (command == "install") return cbt::apps::run_install(words);
        std::cerr << "cbt: unknown command '" << command << "'\n\n" << usage;
        return 2;
    } catch (const cbt::apps::UsageError& e) {
        std::cerr << "cbt " << command << ": " << e.what() << " (see cbt " << command << " --help)\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "cbt " << command << ": " << e.what() << "\n";
        return 1;
    }
}
