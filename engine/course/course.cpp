// Loading course.lua and hashing a course folder.
#include "course/course.hpp"

#include <lua.hpp>

#include <algorithm>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "base/sha256.hpp"
#include "course/definition_reader.hpp"
#include "course/lua/convert.hpp"
#include "course/sandbox.hpp"

namespace cbt::course {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

bool is_hidden(const fs::path& relative) {
    return std::any_of(relative.begin(), relative.end(), [](const fs::path& part) {
        const std::string s = part.string();
        return !s.empty() && s[0] == '.';
    });
}

// Keeps course-relative paths inside the course folder.
bool is_safe_relative(const std::string& relative) {
    if (relative.empty() || relative[0] == '/' || relative.find('\\') != std::string::npos) return false;
    for (const auto& part : fs::path(relative))
        if (part == "..") return false;
    return true;
}

}  // namespace

const LessonEntry* Course::find_lesson(std::string_view lesson_id) const {
    for (const auto& lesson : lessons)
        if (lesson.id == lesson_id) return &lesson;
    return nullptr;
}

bool Course::has_file(const std::string& relative) const {
    std::error_code ec;
    return is_safe_relative(relative) && fs::is_regular_file(root / relative, ec);
}

std::string Course::read_file(const std::string& relative) const {
    if (!is_safe_relative(relative)) throw CourseError({relative, 0, "the path must stay inside the course folder"});
    const fs::path path = root / relative;
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (ec) throw CourseError({relative, 0, "the file is missing (looked for " + path.string() + ")"});
    if (size > max_source_bytes) throw CourseError({relative, 0, "the file is larger than 4 MiB; is it really Lua?"});
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    if (!in && !in.eof()) throw CourseError({relative, 0, "the file cannot be read"});
    return content.str();
}

std::string course_content_hash(const fs::path& root) {
    std::vector<std::pair<std::string, fs::path>> files;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(root, ec), end; it != end; it.increment(ec)) {
        if (ec) break;
        const fs::path relative = fs::relative(it->path(), root);
        if (is_hidden(relative)) {
            if (it->is_directory()) it.disable_recursion_pending();
            continue;
        }
        if (it->is_regular_file()) files.emplace_back(relative.generic_string(), it->path());
    }
    if (ec) throw CourseError({"", 0, "cannot list the course folder " + root.string() + ": " + ec.message()});
    std::sort(files.begin(), files.end());
    base::Sha256 hash;
    for (const auto& [relative, path] : files) {
        std::ifstream in(path, std::ios::binary);
        std::ostringstream content;
        content << in.rdbuf();
        const std::string bytes = content.str();
        hash.update(relative);
        hash.update(std::string_view("\0", 1));
        hash.update(std::to_string(bytes.size()));
        hash.update(std::string_view("\0", 1));
        hash.update(bytes);
    }
    return hash.hex_digest();
}

Course load_course(const fs::path& root, std::vector<Problem>* problems_out) {
    std::vector<Problem> local;
    std::vector<Problem>& sink = problems_out ? *problems_out : local;
    const std::size_t first_problem = sink.size();
    ProblemList problems(sink);
    const auto fail_now = [&]() {
        if (!problems_out && sink.size() > first_problem) throw CourseError(sink[first_problem]);
    };

    Course course;
    course.root = root;
    const std::string manifest = "course.lua";
    std::error_code ec;
    if (!fs::is_directory(root, ec)) throw CourseError({root.string(), 0, "not a course folder (it does not exist or is not a folder)"});
    if (!fs::is_regular_file(root / manifest, ec)) throw CourseError({manifest, 0, "missing: every course folder needs a course.lua manifest"});

    Sandbox sandbox;
    json table;
    try {
        sandbox.load(course.read_file(manifest), manifest);
        sandbox.call(0, 1, manifest);
        table = lua::to_json(sandbox.state(), -1);
        lua_pop(sandbox.state(), 1);
    } catch (const CourseError& e) {
        sink.push_back(e.problem());
        fail_now();
        return course;
    } catch (const lua::ConvertError& e) {
        sink.push_back({manifest, 0, e.what()});
        fail_now();
        return course;
    }

    const Location at = location_of(table, {manifest, 0});
    if (!table.is_object() || string_field(table, "type") != "course") {
        problems.add(at, "course.lua must end with: return course { id = ..., version = ..., ... }");
        fail_now();
        return course;
    }
    static const std::set<std::string> known = {"type", "id", "version", "title", "description", "languages",
                                                "pass_mark", "lessons", "_file", "_line"};
    for (const auto& [key, v] : table.items())
        if (!known.contains(key)) problems.add(at, "unknown course field '" + key + "'");

    const json id = table.value("id", json());
    if (!id.is_string() || !is_valid_id(id.get<std::string>())) problems.add(at, "the course needs id = \"letters-digits_and-dashes\"");
    else course.id = id.get<std::string>();

    static const std::regex semver(R"(^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?$)");
    const json version = table.value("version", json());
    if (!version.is_string() || !std::regex_match(version.get<std::string>(), semver))
        problems.add(at, "the course needs version = \"major.minor.patch\", like \"1.0.0\"");
    else course.version = version.get<std::string>();

    if (table.contains("title")) course.title = read_text(table["title"], at, problems, "the course title");
    else problems.add(at, "the course has no title");
    if (table.contains("description")) course.description = read_text(table["description"], at, problems, "the description");

    for (const json& lang : lua::sequence_of(table.value("languages", json()))) {
        if (lang.is_string() && lang.get<std::string>().size() >= 2 && lang.get<std::string>().size() <= 5)
            course.languages.push_back(lang.get<std::string>());
        else problems.add(at, "languages must be codes like \"en\" and \"ru\"");
    }
    if (course.languages.empty()) {
        problems.add(at, "the course needs languages = { \"en\", \"ru\" } (the first is the default)");
        course.languages.push_back("en");
    }

    const json pass = table.value("pass_mark", json());
    if (pass.is_number() && pass.get<double>() >= 0 && pass.get<double>() <= 1) course.pass_mark = pass.get<double>();
    else problems.add(at, "the course needs pass_mark = a share from 0 to 1, like 0.7");

    std::set<std::string> seen;
    for (const json& entry : lua::sequence_of(table.value("lessons", json()))) {
        LessonEntry lesson;
        const json lid = entry.value("id", json());
        const json file = entry.value("file", json());
        if (!lid.is_string() || !is_valid_id(lid.get<std::string>())) {
            problems.add(at, "each lesson needs id = \"...\" and file = \"lessons/....lua\"");
            continue;
        }
        lesson.id = lid.get<std::string>();
        if (!seen.insert(lesson.id).second) problems.add(at, "lesson id '" + lesson.id + "' is listed twice");
        if (!file.is_string() || !is_safe_relative(file.get<std::string>())) {
            problems.add(at, "lesson '" + lesson.id + "' needs file = \"a path inside the course folder\"");
            continue;
        }
        lesson.file = file.get<std::string>();
        if (!course.has_file(lesson.file)) problems.add(at, "lesson '" + lesson.id + "': file " + lesson.file + " does not exist");
        if (entry.contains("title")) lesson.title = read_text(entry["title"], at, problems, "a lesson title");
        course.lessons.push_back(std::move(lesson));
    }
    if (course.lessons.empty()) problems.add(at, "the course lists no lessons");

    fail_now();
    course.content_hash = course_content_hash(root);
    return course;
}

}  // namespace cbt::course
