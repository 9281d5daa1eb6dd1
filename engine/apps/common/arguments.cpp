// Command-line parsing for the cbt tool.
#include "apps/common/arguments.hpp"

namespace cbt::apps {

std::optional<std::string> Arguments::option(const std::string& name) const {
    auto it = options.find(name);
    if (it == options.end()) return std::nullopt;
    return it->second;
}

Arguments parse_arguments(const std::vector<std::string>& words, const std::set<std::string>& valued,
                          const std::set<std::string>& switches) {
    Arguments args;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string& w = words[i];
        if (w.size() > 2 && w.rfind("--", 0) == 0) {
            std::string name = w.substr(2);
            std::optional<std::string> inline_value;
            if (auto eq = name.find('='); eq != std::string::npos) {
                inline_value = name.substr(eq + 1);
                name = name.substr(0, eq);
            }
            if (valued.contains(name)) {
                if (inline_value) args.options[name] = *inline_value;
                else if (i + 1 < words.size()) args.options[name] = words[++i];
                else throw UsageError("--" + name + " needs a value");
            } else if (switches.contains(name) && !inline_value) {
                args.flags.insert(name);
            } else {
                throw UsageError("unknown option --" + name);
            }
        } else {
            args.positional.push_back(w);
        }
    }
    return args;
}

}  // namespace cbt::apps
