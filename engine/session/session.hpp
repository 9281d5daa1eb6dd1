// The kiosk's session logic without any window: sign-in, the home screen's course progress, the
// lesson being played, results, help requests and the instructor's lock. The windowed kiosk
// and --headless drive this same object, so tests of one are tests of the other.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.hpp"
#include "course/attempt.hpp"
#include "course/course.hpp"
#include "report/progress.hpp"
#include "session/seat.hpp"

namespace cbt::session {

enum class Stage { SignIn, Home, Lesson, Results };

enum class SignInResult { Ok, UnknownTrainee, WrongPin, TooManyTries };

// Something to tell the trainee: a catalogue key for the sentence, and details (a file and line,
// a course id) that are shown as they are.
struct Notice {
    std::string key;
    std::string detail;
};

// A course the seat offers, with the signed-in trainee's progress in it.
struct CourseStatus {
    const course::Course* course = nullptr;
    std::vector<report::LessonProgress> lessons;   // in the course's order
    std::optional<std::string> continue_lesson;    // the lesson "Continue" opens, if any
};

// A course folder that could not be loaded, kept to say so on the home screen.
struct BrokenCourse {
    std::string folder;
    std::string message;
};

class Session {
public:
    // Loads every course folder found in the given directories (each a folder of course folders,
    // or a course folder itself). Restores the trainee and open attempt of the last run.
    Session(Seat& seat, const std::vector<std::filesystem::path>& course_dirs, const base::Clock& clock);
    ~Session();

    Stage stage() const { return stage_; }
    Seat& seat() { return seat_; }
    const std::vector<course::Course>& courses() const { return courses_; }
    const std::vector<BrokenCourse>& broken_courses() const { return broken_; }
    // Reads the course folders again (a package was installed). During a lesson it waits until
    // the lesson is left; returns true when it read them now.
    bool rescan_courses();
    // Limits offered courses to these ids (empty = every course found).
    void assign_courses(std::vector<std::string> course_ids);
    // Makes every new attempt use this seed, so a scripted run draws the same screens each time
    // (load runs, crash drills). Normally each attempt gets a fresh random seed.
    void set_fixed_seed(std::optional<std::uint64_t> seed) { fixed_seed_ = seed; }

    // --- Sign-in
    std::vector<Trainee> roster();
    // Checks the PIN (a trainee without a PIN signs in with any). After five wrong PINs the
    // trainee must wait sign_in_wait_ms() before the next try.
    SignInResult sign_in(const std::string& trainee_id, const std::string& pin);
    // Signs in without a PIN (headless runs, the instructor's override).
    void sign_in_trusted(const std::string& trainee_id);
    std::int64_t sign_in_wait_ms(const std::string& trainee_id) const;
    void sign_out();
    const Trainee* trainee() const { return trainee_ ? &*trainee_ : nullptr; }

    // The language the kiosk speaks now: the trainee's, or the seat default before sign-in.
    std::string language() const;
    // Changes the language; remembered for the signed-in trainee.
    void set_language(const std::string& lang);

    // --- Home
    std::vector<CourseStatus> course_status();
    // Opens a lesson: resumes the trainee's unfinished attempt at it, or starts a new one.
    // On a broken lesson or a failed resume the stage stays Home and a notice says why.
    void open_lesson(const std::string& course_id, const std::string& lesson_id);

    // --- Lesson (stage Lesson)
    course::Attempt& attempt() { return *attempt_; }
    const course::Course& lesson_course() const { return *lesson_course_; }
    // Scores and journals an answer. If the journal cannot be written, nothing is recorded,
    // the attempt is reloaded from the journal and a notice says why; returns nullopt then.
    std::optional<course::Outcome> answer(const course::Response& response);
    // The outcome of the last answer on the current screen, for feedback; cleared by advance().
    const std::optional<course::Outcome>& last_outcome() const { return last_outcome_; }
    // Goes to the next screen; when the lesson ends the stage becomes Results.
    void advance();
    // Journals a help request at the current screen (also allowed on Home).
    void request_help();
    bool help_requested() const { return help_requested_; }
    // Milliseconds left on a timed lesson; nullopt when the lesson has no limit.
    std::optional<std::int64_t> time_left_ms() const;
    // Call regularly: ends a timed lesson whose time is up (stage becomes Results).
    void tick();
    // Back to Home; the attempt stays open and "Continue" resumes it.
    void leave_lesson();

    // --- Results (stage Results)
    const course::LessonResult& result() const { return result_; }
    void close_results();

    // --- Instructor's lock (any stage): while locked the kiosk shows only the lock screen.
    bool locked() const { return locked_; }
    const std::string& lock_message() const { return lock_message_; }
    // Kept in the seat's settings: a locked kiosk that restarts is still locked.
    void set_locked(bool locked, std::string message = {});

    // The next notice to show, oldest first.
    std::optional<Notice> take_notice();
    // Adds a notice from outside the session (the classroom link's pairing code, ...).
    void notify(std::string key, std::string detail) { notices_.push_back({std::move(key), std::move(detail)}); }

    // Carries out an instruction from the instructor's host: "lock" {message}, "unlock",
    // "message" {text}, "assign" {courses}, "help_ack", "end" (signs the trainee out). Unknown
    // kinds are ignored, so an older kiosk keeps working with a newer host.
    void apply_command(const std::string& kind, const nlohmann::json& payload);

    // --- Authoring (cbt-kiosk --dev): call now and then. Re-reads every course whose files have
    // changed. An open lesson of a re-read course starts again with the same seed and the same
    // answers, up to the screen that was shown (or where the new text first differs); a course
    // or lesson that no longer loads gives a notice naming file and line, and the lesson comes
    // back once it is fixed. Returns true when anything was re-read.
    bool reload_changed_courses();

private:
    void restore();
    void load_courses();
    const course::Course* find_course(const std::string& id) const;
    void enter_attempt(const course::Course& c, std::unique_ptr<course::Attempt> attempt);
    course::Outcome settled_outcome() const;
    void reload_attempt();
    void after_step();
    // Runs one step of the lesson; a journal, lesson or answer error becomes a notice. True when
    // the step went through.
    template <typename Step>
    bool guarded(Step&& step);

    Seat& seat_;
    const base::Clock& clock_;
    std::vector<std::filesystem::path> course_dirs_;
    bool rescan_pending_ = false;
    std::vector<course::Course> courses_;
    std::vector<BrokenCourse> broken_;
    std::vector<std::string> assigned_;
    std::optional<std::uint64_t> fixed_seed_;
    Stage stage_ = Stage::SignIn;
    std::optional<Trainee> trainee_;
    std::optional<std::string> pending_language_;   // chosen on the sign-in screen, before a name
    std::unique_ptr<course::Attempt> attempt_;
    const course::Course* lesson_course_ = nullptr;
    std::optional<course::Outcome> last_outcome_;
    std::optional<std::int64_t> deadline_ms_;
    course::LessonResult result_;
    bool help_requested_ = false;
    bool locked_ = false;
    std::string lock_message_;
    std::vector<Notice> notices_;
    std::map<std::string, std::pair<int, std::int64_t>> failed_pins_;   // trainee -> (count, last at)

    // What --dev needs to bring a lesson back after its files change.
    struct ReplayPoint {
        std::string course_id, lesson_id, language, screen_id;
        std::uint64_t seed = 0;
        std::vector<std::pair<std::string, nlohmann::json>> answers;   // (screen, answer) in order
    };
    std::map<std::string, std::string> file_signatures_;   // course id -> files' names, sizes, times
    std::optional<ReplayPoint> replay_point_;
    std::string signature_of(const course::Course& c) const;
    void capture_replay_point();
    void replay(const course::Course& c, const ReplayPoint& point);
};

}  // namespace cbt::session
