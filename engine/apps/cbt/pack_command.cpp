// cbt pack, cbt verify and cbt install: course packages (.cbtpack) made, checked and installed.
// The three share one way of printing what a pack holds, so their outputs read alike.
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>

#include "apps/common/arguments.hpp"
#include "commands.hpp"
#include "course/course.hpp"
#include "course/package.hpp"

namespace cbt::apps {
using namespace cbt::course;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {
constexpr const char* pack_usage = R"(Usage: cbt pack PATH [-o FILE] [--json]

Packs a course folder into one .cbtpack file for the instructor host and the kiosks. The course
must load (run cbt check first: packing does not play the lessons). Hidden files and folders are
left out, symbolic links refused. The same folder always gives the same bytes, so the pack's
SHA-256 names it. Without -o (or --output) the pack is written to <id>-<version>.cbtpack in the
current folder. Prints the course, its files and the pack's SHA-256; --json prints one object.
Exit status: 0 when the pack was written, 1 when it could not be, 2 for a command-line mistake.
)";

constexpr const char* verify_usage = R"(Usage: cbt verify FILE [--json]

Reads a course pack through and checks it: its manifest, every file's size and SHA-256, the
course's content hash, that it holds only plain files inside the course folder, and the limits
(2000 files, 64 MiB a file, 512 MiB in all). Prints the course id, version, content hash, number
of files and the pack's SHA-256; --json prints one object.
Exit status: 0 when the pack is sound, 1 when it is not (the message says why and what to do),
2 for a command-line mistake.
)";

constexpr const char* install_usage = R"(Usage: cbt install FILE --library DIR [--keep N] [--json]

Verifies a course pack and installs it into the course library DIR: DIR/<id> becomes a link to
DIR/.versions/<id>-<hash>, switched in one step, so a kiosk reading the library sees the old
course or the new one, never a mix. Installing the same pack again changes nothing. Earlier
versions stay for attempts still running on them; --keep N then removes all but the N most
recent of those nothing links to. Prints what was installed; --json prints one object.
Exit status: 0 when the course is installed, 1 when it is not, 2 for a command-line mistake.
)";

json info_json(const PackInfo& info, const std::string& file) {
    json title = json::object();
    for (const auto& lang : info.title.languages()) title[lang] = info.title.in(lang);
    return {{"file", file},
            {"id", info.id},
            {"version", info.version},
            {"title", title},
            {"content_hash", info.content_hash},
            {"files", info.file_count()},
            {"content_bytes", info.content_bytes},
            {"pack_bytes", info.pack_bytes},
            {"pack_sha256", info.pack_sha256}};
}

void print_info(const PackInfo& info) {
    std::cout << "id: " << info.id << "\n"
              << "version: " << info.version << "\n"
              << "title: " << info.title.in("en") << "\n"
              << "content hash: " << info.content_hash << "\n"
              << "files: " << info.file_count() << " (" << info.content_bytes << " bytes)\n"
              << "pack: " << info.pack_bytes << " bytes, sha256 " << info.pack_sha256 << "\n";
}

// Names a course problem by its path from where the command runs, as cbt check does.
[[noreturn]] void rethrow_located(const CourseError& e, const fs::path& course_dir) {
    Problem located = e.problem();
    if (located.file.empty() || located.file == course_dir.string())
        located.file = course_dir.string();
    else
        located.file = (course_dir / located.file).string();
    throw std::runtime_error(located.to_string() + " (a course must load to be packed; cbt check lists every problem)");
}

}  // namespace

int run_pack(const std::vector<std::string>& words) {
    std::vector<std::string> spelled = words;
    for (auto& w : spelled)
        if (w == "-o") w = "--output";  // the short spelling people expect from compilers and tar
    const Arguments args = parse_arguments(spelled, {"output"}, {"json", "help"});
    if (args.has("help")) {
        std::cout << pack_usage;
        return 0;
    }
    if (args.positional.size() != 1) throw UsageError("give exactly one course folder");
    const fs::path course_dir = args.positional[0];
    PackInfo info;
    fs::path out;
    try {
        if (auto o = args.option("output")) {
            out = *o;
        } else {
            const Course course = load_course(course_dir);
            out = course.id + "-" + course.version + ".cbtpack";
        }
        info = pack_course(course_dir, out);
    } catch (const CourseError& e) {
        rethrow_located(e, course_dir);
    }
    if (args.has("json")) {
        std::cout << info_json(info, out.string()).dump(2) << "\n";
        return 0;
    }
    std::cout << "wrote " << out.string() << "\n";
    print_info(info);
    return 0;
}

int run_verify(const std::vector<std::string>& words) {
    const Arguments args = parse_arguments(words, {}, {"json", "help"});
    if (args.has("help")) {
        std::cout << verify_usage;
        return 0;
    }
    if (args.positional.size() != 1) throw UsageError("give exactly one .cbtpack file");
    const PackInfo info = verify_pack(args.positional[0]);
    if (args.has("json")) {
        std::cout << info_json(info, args.positional[0]).dump(2) << "\n";
        return 0;
    }
    std::cout << args.positional[0] << ": ok\n";
    print_info(info);
    return 0;
}

int run_install(const std::vector<std::string>& words) {
    const Arguments args = parse_arguments(words, {"library", "keep"}, {"json", "help"});
    if (args.has("help")) {
        std::cout << install_usage;
        return 0;
    }
    if (args.positional.size() != 1) throw UsageError("give exactly one .cbtpack file");
    const auto library = args.option("library");
    if (!library) throw UsageError("say where the course library is with --library DIR");
    std::optional<std::size_t> keep;
    if (auto k = args.option("keep")) {
        int n = -1;
        try {
            n = std::stoi(*k);
        } catch (const std::exception&) {
        }
        if (n < 0 || n > 1000) throw UsageError("--keep takes a number from 0 to 1000");
        keep = static_cast<std::size_t>(n);
    }
    const InstalledCourse installed = install_pack(args.positional[0], *library);
    std::vector<fs::path> removed;
    if (keep) removed = prune_versions(*library, *keep);
    if (args.has("json")) {
        json out = {{"id", installed.id},
                    {"version", installed.version},
                    {"content_hash", installed.content_hash},
                    {"pack_sha256", installed.pack_sha256},
                    {"link", installed.link.string()},
                    {"path", installed.path.string()},
                    {"changed", installed.changed},
                    {"removed", json::array()}};
        for (const auto& p : removed) out["removed"].push_back(p.string());
        std::cout << out.dump(2) << "\n";
        return 0;
    }
    if (installed.changed)
        std::cout << "installed " << installed.id << " " << installed.version << " as " << installed.link.string()
                  << " (" << installed.path.string() << ")\n";
    else
        std::cout << installed.id << " " << installed.version << " is installed already as " << installed.link.string()
                  << "; nothing changed\n";
    for (const auto& p : removed) std::cout << "removed " << p.string() << "\n";
    return 0;
}

}  // namespace cbt::apps
