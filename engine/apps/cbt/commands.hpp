// The cbt tool's commands; each takes the words after its name and returns the exit status.
#pragma once
#include <string>
#include <vector>

namespace cbt::apps {

int run_check(const std::vector<std::string>& words);
int run_play(const std::vector<std::string>& words);
int run_info(const std::vector<std::string>& words);
int run_pack(const std::vector<std::string>& words);
int run_verify(const std::vector<std::string>& words);
int run_install(const std::vector<std::string>& words);

}  // namespace cbt::apps
