// Problem formatting and Lua error message parsing.
#include "course/problem.hpp"

#include <cctype>

namespace cbt::course {

std::string Problem::to_string() const {
    std::string out;
    if (!file.empty()) {
        out = file;
        if (line > 0) out += ":" + std::to_string(line);
        out += ": ";
    }
    return out + message;
}

Problem problem_from_lua_message(const std::string& message, const std::string& fallback_file) {
    // Lua prefixes runtime errors with "chunkname:line: "; chunk names are course-relative paths.
    const auto colon = message.find(':');
    if (colon != std::string::npos && colon > 0) {
        std::size_t end = colon + 1;
        while (end < message.size() && std::isdigit(static_cast<unsigned char>(message[end]))) ++end;
        if (end > colon + 1 && end + 1 < message.size() && message[end] == ':' && message[end + 1] == ' ') {
            const std::string file = message.substr(0, colon);
            if (file.find('\n') == std::string::npos && file.find(' ') == std::string::npos) {
                return {file, std::stoi(message.substr(colon + 1, end - colon - 1)), message.substr(end + 2)};
            }
        }
    }
    return {fallback_file, 0, message};
}

}  // namespace cbt::course
