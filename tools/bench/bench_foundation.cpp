// Prints the foundation's figures: loading a generated 200-screen lesson up to its first screen,
// playing it through, and journal appends per second with synchronous=FULL, one event per
// transaction next to batches. Usage: bench_foundation [DATA_DIR]
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <lua.hpp>

#include "base/clock.hpp"
#include "course/attempt.hpp"
#include "course/course.hpp"
#include "course/lesson_runtime.hpp"
#include "course/sandbox.hpp"
#include "store/journal.hpp"

namespace fs = std::filesystem;
using namespace cbt;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point start) { return std::chrono::duration<double, std::milli>(Clock::now() - start).count(); }

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

long peak_rss_kib() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

// A lesson of 200 screens cycling through the question kinds, in two languages.
void write_generated_course(const fs::path& root) {
    fs::create_directories(root / "lessons");
    std::ofstream(root / "course.lua") << R"(return course { id = "bench", version = "1.0.0",
  title = { en = "Bench", ru = "Тест" }, languages = { "en", "ru" }, pass_mark = 0.5,
  lessons = { { id = "big", file = "lessons/big.lua" } } })";
    std::ofstream lesson(root / "lessons/big.lua");
    lesson << "local screens = {}\n";
    lesson << R"(for i = 1, 200 do
  local kind = i % 5
  local id = "s" .. i
  local prompt = { en = "Question number " .. i, ru = "Вопрос номер " .. i }
  if kind == 0 then
    screens[#screens + 1] = info { id = id, title = prompt, body = { para { en = "Some text to read.", ru = "Текст для чтения." } } }
  elseif kind == 1 then
    screens[#screens + 1] = single { id = id, prompt = prompt, shuffle = true, correct = "a", choices = {
      { id = "a", text = { en = "Right", ru = "Верно" } }, { id = "b", text = { en = "Wrong", ru = "Неверно" } },
      { id = "c", text = { en = "Also wrong", ru = "Тоже неверно" } } } }
  elseif kind == 2 then
    screens[#screens + 1] = multiple { id = id, prompt = prompt, correct = { "a", "c" }, choices = {
      { id = "a", text = "A" }, { id = "b", text = "B" }, { id = "c", text = "C" } } }
  elseif kind == 3 then
    screens[#screens + 1] = numeric { id = id, prompt = prompt, answer = i, tolerance = 0.5 }
  else
    screens[#screens + 1] = text_entry { id = id, prompt = prompt, accept = { "ответ " .. i, "answer " .. i } }
  end
end
return lesson { id = "big", title = { en = "Big lesson", ru = "Большой урок" }, screens = screens }
)";
}

}  // namespace

int main(int argc, char** argv) {
    const fs::path data = argc > 1 ? fs::path(argv[1]) : fs::temp_directory_path() / "cbt-bench";
    fs::remove_all(data);
    fs::create_directories(data);
    const fs::path course_dir = data / "course";
    write_generated_course(course_dir);

    std::printf("Suitcase CBT foundation benchmark (data in %s)\n\n", data.c_str());

    // 1. Load the course and show the first screen of a 200-screen lesson.
    std::vector<double> load_ms, first_screen_ms, play_ms;
    for (int run = 0; run < 15; ++run) {
        const auto start = Clock::now();
        const course::Course course = course::load_course(course_dir);
        load_ms.push_back(ms_since(start));
        const auto lesson_start = Clock::now();
        course::LessonRuntime rt(course, "big", static_cast<std::uint64_t>(run), "ru");
        (void)rt.current();
        first_screen_ms.push_back(ms_since(lesson_start));
        const auto play_start = Clock::now();
        while (!rt.finished()) {
            if (course::is_question(rt.current().kind)) rt.answer(rt.auto_response(true));
            rt.advance();
        }
        play_ms.push_back(ms_since(play_start));
    }
    std::printf("200-screen lesson, median of 15 runs:\n");
    std::printf("  load course (manifest + content hash)   %8.2f ms\n", median(load_ms));
    std::printf("  load lesson and build first screen      %8.2f ms\n", median(first_screen_ms));
    std::printf("  answer and advance through all 200      %8.2f ms  (%.3f ms per screen)\n", median(play_ms),
                median(play_ms) / 200);
    std::printf("  peak RSS so far                          %8.1f MiB\n\n", peak_rss_kib() / 1024.0);

    // 2. The price of the sandbox's hooks on plain Lua arithmetic.
    const char* loop = "local s = 0\nfor i = 1, 3000000 do\n  s = s + i % 7\nend\nreturn s";
    std::vector<double> bare_ms, sandboxed_ms;
    for (int run = 0; run < 5; ++run) {
        lua_State* L = luaL_newstate();
        const auto start = Clock::now();
        luaL_loadstring(L, loop);
        lua_call(L, 0, 1);
        bare_ms.push_back(ms_since(start));
        lua_close(L);
        course::Sandbox sandbox;
        const auto sandbox_start = Clock::now();
        sandbox.load(loop, "bench.lua");
        sandbox.call(0, 1, "bench.lua");
        sandboxed_ms.push_back(ms_since(sandbox_start));
    }
    std::printf("A Lua loop of 3 million iterations, median of 5:\n");
    std::printf("  plain Lua state                         %8.2f ms\n", median(bare_ms));
    std::printf("  sandbox (instruction-count hook)        %8.2f ms  (%.1fx)\n\n", median(sandboxed_ms),
                median(sandboxed_ms) / median(bare_ms));

    // 3. Journal appends with synchronous=FULL.
    const auto journal_rate = [&](const char* name, int events, int per_transaction) {
        const fs::path path = data / (std::string(name) + ".db");
        store::Database db = store::Database::open(path);
        store::Journal journal(db, "bench-kiosk");
        std::vector<store::NewEvent> batch;
        const store::NewEvent e{"response", "learner-1", "attempt-1", 0,
                                {{"screen", "q12"}, {"answer", "a"}, {"score", 1.0}, {"correct", true}, {"time_ms", 5123}}};
        const auto start = Clock::now();
        for (int i = 0; i < events; i += per_transaction) {
            batch.assign(static_cast<std::size_t>(std::min(per_transaction, events - i)), e);
            journal.append_all(batch);
        }
        const double seconds = ms_since(start) / 1000;
        std::printf("  %-34s %8d events in %6.2f s = %9.0f events/s\n", name, events, seconds, events / seconds);
        return events / seconds;
    };
    std::printf("Journal appends (WAL, synchronous=FULL), on the filesystem of %s:\n", data.c_str());
    const double single = journal_rate("one event per transaction", 2000, 1);
    const double batched = journal_rate("100 events per transaction", 100000, 100);
    journal_rate("1000 events per transaction", 200000, 1000);
    std::printf("  batching 100 is %.0fx faster than one per transaction\n", batched / single);

    fs::remove_all(data);
    return 0;
}
