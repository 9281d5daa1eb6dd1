// Session state changes. Every change a restart must see (who is signed in, which attempt is
// open) goes to the seat's settings before the call returns; answers go to the journal first.
#include "session/session.hpp"

#include <algorithm>

#include "base/random_id.hpp"
#include "store/settings.hpp"

namespace cbt::session {
using course::Attempt;
using course::CourseError;

namespace {

constexpr int pin_tries_before_wait = 5;
constexpr std::int64_t pin_wait_ms = 30'000;

std::string problem_text(const CourseError& e) { return e.problem().to_string(); }

// Loads a course and gives each lesson entry a title: the home screen lists them, and the lesson
// file's own title wins over the manifest's.
course::Course load_with_titles(const std::filesystem::path& folder) {
    course::Course c = course::load_course(folder);
    for (auto& entry : c.lessons) {
        try {
            course::LessonRuntime probe(c, entry.id, 0, c.default_language());
            if (!probe.lesson().title.empty()) entry.title = probe.lesson().title;
        } catch (const std::exception&) {
            // A broken lesson says so when it is opened; the rest of the course still works.
        }
    }
    return c;
}

}  // namespace

Session::Session(Seat& seat, const std::vector<std::filesystem::path>& course_dirs, const base::Clock& clock)
    : seat_(seat), clock_(clock), course_dirs_(course_dirs) {
    load_courses();
    // The instructor's lock and course assignment outlive a restart.
    locked_ = store::read_setting(seat_.db(), "locked").value_or("0") == "1";
    lock_message_ = store::read_setting(seat_.db(), "lock_message").value_or("");
    if (const auto assigned = store::read_setting(seat_.db(), "assigned_courses")) {
        const auto list = nlohmann::json::parse(*assigned, nullptr, false);
        if (list.is_array())
            for (const auto& id : list)
                if (id.is_string()) assigned_.push_back(id.get<std::string>());
    }
    restore();
}

void Session::load_courses() {
    courses_.clear();
    broken_.clear();
    std::vector<std::filesystem::path> folders;
    for (const auto& dir : course_dirs_) {
        std::error_code ec;
        if (std::filesystem::exists(dir / "course.lua", ec)) {
            folders.push_back(dir);
            continue;
        }
        std::vector<std::filesystem::path> found;
        for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
            if (entry.is_directory() && std::filesystem::exists(entry.path() / "course.lua")) found.push_back(entry.path());
        if (ec) broken_.push_back({dir.string(), "cannot read the course folder: " + ec.message()});
        std::sort(found.begin(), found.end());
        folders.insert(folders.end(), found.begin(), found.end());
    }
    for (const auto& folder : folders) {
        try {
            // A library's link is followed once: a version installed later does not change the files
            // of a course already loaded (an attempt keeps its version to the end).
            std::error_code link_ec;
            const auto real = std::filesystem::is_symlink(folder, link_ec) ? std::filesystem::canonical(folder, link_ec) : folder;
            course::Course c = load_with_titles(link_ec ? folder : real);
            const bool duplicate = std::any_of(courses_.begin(), courses_.end(), [&](auto& o) { return o.id == c.id; });
            if (duplicate) {
                // The first folder given wins: an installed library before the bundled courses.
                const bool same_place = std::any_of(courses_.begin(), courses_.end(), [&](auto& o) {
                    return o.id == c.id && std::filesystem::path(o.root).parent_path() == std::filesystem::path(c.root).parent_path();
                });
                if (same_place) broken_.push_back({folder.string(), "another folder already holds course '" + c.id + "'"});
                continue;
            }
            courses_.push_back(std::move(c));
        } catch (const CourseError& e) {
            broken_.push_back({folder.string(), problem_text(e)});
        }
    }
}

bool Session::rescan_courses() {
    if (stage_ == Stage::Lesson) {
        rescan_pending_ = true;   // after the lesson: never under a running attempt
        return false;
    }
    rescan_pending_ = false;
    load_courses();
    return true;
}

Session::~Session() = default;

void Session::restore() {
    const auto trainee_id = seat_.current_trainee();
    if (!trainee_id) return;
    trainee_ = seat_.find_trainee(*trainee_id);
    if (!trainee_) {
        seat_.set_current(std::nullopt, std::nullopt);
        return;
    }
    stage_ = Stage::Home;
    const auto attempt_id = seat_.current_attempt();
    if (!attempt_id) return;
    const auto events = seat_.journal().for_attempt(*attempt_id);
    const course::Course* c = nullptr;
    if (!events.empty()) c = find_course(events.front().payload.value("course", ""));
    if (!c) {
        seat_.set_current(trainee_->id, std::nullopt);
        return;
    }
    try {
        enter_attempt(*c, Attempt::resume(*c, *attempt_id, seat_.journal(), clock_));
        if (attempt_->finished()) {
            result_ = attempt_->runtime().result();
            stage_ = Stage::Results;
        }
    } catch (const CourseError& e) {
        notices_.push_back({"notice.resume_failed", problem_text(e)});
        attempt_.reset();
        seat_.set_current(trainee_->id, std::nullopt);
    }
}

const course::Course* Session::find_course(const std::string& id) const {
    for (const auto& c : courses_)
        if (c.id == id) return &c;
    return nullptr;
}

void Session::assign_courses(std::vector<std::string> course_ids) { assigned_ = std::move(course_ids); }

std::vector<Trainee> Session::roster() { return seat_.roster(); }

std::int64_t Session::sign_in_wait_ms(const std::string& trainee_id) const {
    const auto it = failed_pins_.find(trainee_id);
    if (it == failed_pins_.end() || it->second.first < pin_tries_before_wait) return 0;
    return std::max<std::int64_t>(0, it->second.second + pin_wait_ms - clock_.wall_ms());
}

SignInResult Session::sign_in(const std::string& trainee_id, const std::string& pin) {
    const auto t = seat_.find_trainee(trainee_id);
    if (!t) return SignInResult::UnknownTrainee;
    if (sign_in_wait_ms(t->id) > 0) return SignInResult::TooManyTries;
    if (!t->pin_hash.empty() && !pin_matches(t->pin_hash, pin)) {
        auto& [count, at] = failed_pins_[t->id];
        ++count;
        at = clock_.wall_ms();
        return count >= pin_tries_before_wait ? SignInResult::TooManyTries : SignInResult::WrongPin;
    }
    failed_pins_.erase(t->id);
    sign_in_trusted(t->id);
    return SignInResult::Ok;
}

void Session::sign_in_trusted(const std::string& trainee_id) {
    auto t = seat_.find_trainee(trainee_id);
    if (!t) throw std::invalid_argument("no trainee '" + trainee_id + "' on this seat's roster");
    if (trainee_ && trainee_->id != t->id) sign_out();
    if (pending_language_ && *pending_language_ != t->language) {
        t->language = *pending_language_;
        seat_.put_trainee(*t);
    }
    pending_language_.reset();
    const bool same = trainee_ && trainee_->id == t->id;
    trainee_ = std::move(t);
    if (same && stage_ != Stage::SignIn) return;   // already here (a restored session)
    stage_ = Stage::Home;
    seat_.set_current(trainee_->id, std::nullopt);
}

void Session::sign_out() {
    attempt_.reset();
    last_outcome_.reset();
    deadline_ms_.reset();
    help_requested_ = false;
    trainee_.reset();
    pending_language_.reset();
    stage_ = Stage::SignIn;
    seat_.set_current(std::nullopt, std::nullopt);
}

std::string Session::language() const {
    if (pending_language_) return *pending_language_;
    if (trainee_ && !trainee_->language.empty()) return trainee_->language;
    return seat_.default_language();
}

void Session::set_language(const std::string& lang) {
    if (!trainee_) {
        pending_language_ = lang;
        return;
    }
    trainee_->language = lang;
    seat_.put_trainee(*trainee_);
}

std::vector<CourseStatus> Session::course_status() {
    std::vector<CourseStatus> out;
    if (!trainee_) return out;
    const auto events = seat_.journal().for_learner(trainee_->id);
    for (const auto& c : courses_) {
        if (!assigned_.empty() && std::find(assigned_.begin(), assigned_.end(), c.id) == assigned_.end()) continue;
        CourseStatus status;
        status.course = &c;
        status.lessons = report::course_progress(c, events);
        for (const auto& p : status.lessons)
            if (p.state == report::LessonState::InProgress) {
                status.continue_lesson = p.lesson_id;
                break;
            }
        if (!status.continue_lesson)
            for (const auto& p : status.lessons)
                if (p.state != report::LessonState::Passed) {
                    status.continue_lesson = p.lesson_id;
                    break;
                }
        out.push_back(std::move(status));
    }
    return out;
}

void Session::enter_attempt(const course::Course& c, std::unique_ptr<Attempt> attempt) {
    attempt_ = std::move(attempt);
    lesson_course_ = &c;
    last_outcome_.reset();
    help_requested_ = false;
    deadline_ms_.reset();
    if (const auto limit = attempt_->runtime().lesson().time_limit_s) {
        const auto events = seat_.journal().for_attempt(attempt_->id());
        const std::int64_t started = events.empty() ? clock_.wall_ms() : events.front().at_ms;
        deadline_ms_ = started + std::int64_t{*limit} * 1000;
    }
    stage_ = Stage::Lesson;
    seat_.set_current(trainee_->id, attempt_->id());
    // A settled screen whose answer was committed before a restart shows its feedback again.
    const auto& rt = attempt_->runtime();
    if (!rt.finished() && rt.settled() && course::is_question(rt.current().kind)) last_outcome_ = settled_outcome();
}

course::Outcome Session::settled_outcome() const {
    const auto& rt = attempt_->runtime();
    course::Outcome o;
    o.settled = true;
    o.tries_used = rt.tries_used();
    o.explanation = rt.current().explanation;
    for (const auto& item : rt.result().items)
        if (item.screen_id == rt.current().id) {
            o.score = item.score;
            o.correct = item.correct;
        }
    return o;
}

void Session::open_lesson(const std::string& course_id, const std::string& lesson_id) {
    if (!trainee_) throw std::logic_error("open_lesson before sign-in");
    const course::Course* c = find_course(course_id);
    if (!c || !c->find_lesson(lesson_id)) {
        notices_.push_back({"notice.lesson_missing", course_id + "/" + lesson_id});
        return;
    }
    const auto events = seat_.journal().for_learner(trainee_->id);
    for (const auto& p : report::course_progress(*c, events)) {
        if (p.lesson_id != lesson_id || !p.open_attempt) continue;
        try {
            enter_attempt(*c, Attempt::resume(*c, *p.open_attempt, seat_.journal(), clock_));
            return;
        } catch (const CourseError& e) {
            // The lesson changed or the replay disagrees: the old attempt stays in the journal as
            // it was, and the trainee starts afresh.
            notices_.push_back({"notice.resume_failed", problem_text(e)});
        } catch (const store::StoreError& e) {
            notices_.push_back({"notice.store_failed", e.what()});
            return;
        }
    }
    std::string lang = language();
    if (std::find(c->languages.begin(), c->languages.end(), lang) == c->languages.end()) lang = c->default_language();
    try {
        enter_attempt(*c, Attempt::start(*c, {lesson_id, trainee_->id, lang, fixed_seed_.value_or(base::random_u64() >> 1)}, seat_.journal(),
                                         clock_));
    } catch (const CourseError& e) {
        notices_.push_back({"notice.lesson_broken", problem_text(e)});
        attempt_.reset();
        stage_ = Stage::Home;
    } catch (const store::StoreError& e) {
        notices_.push_back({"notice.store_failed", e.what()});
        attempt_.reset();
        stage_ = Stage::Home;
    }
}

void Session::reload_attempt() {
    const std::string id = attempt_->id();
    const course::Course& c = *lesson_course_;
    attempt_.reset();
    try {
        enter_attempt(c, Attempt::resume(c, id, seat_.journal(), clock_));
    } catch (const std::exception& e) {
        notices_.push_back({"notice.resume_failed", e.what()});
        stage_ = Stage::Home;
    }
}

template <typename Step>
bool Session::guarded(Step&& step) {
    try {
        step();
        return true;
    } catch (const store::StoreError& e) {
        // Nothing of the step was recorded: carry on from what the journal holds.
        notices_.push_back({"notice.answer_not_saved", e.what()});
        reload_attempt();
    } catch (const CourseError& e) {
        notices_.push_back({"notice.lesson_broken", problem_text(e)});
        leave_lesson();
    } catch (const std::invalid_argument& e) {
        notices_.push_back({"notice.answer_invalid", e.what()});
    }
    return false;
}

std::optional<course::Outcome> Session::answer(const course::Response& response) {
    if (stage_ != Stage::Lesson || locked_) return std::nullopt;
    if (!guarded([&] { last_outcome_ = attempt_->answer(response); })) return std::nullopt;
    return last_outcome_;
}

void Session::after_step() {
    last_outcome_.reset();
    help_requested_ = false;
    if (attempt_->finished()) {
        result_ = attempt_->runtime().result();
        stage_ = Stage::Results;
    }
}

void Session::advance() {
    if (stage_ != Stage::Lesson || locked_ || !attempt_->runtime().settled()) return;
    guarded([&] {
        attempt_->advance();
        after_step();
    });
}

void Session::request_help() {
    if (!trainee_ || help_requested_) return;
    try {
        if (stage_ == Stage::Lesson && attempt_) {
            attempt_->request_help();
        } else {
            store::NewEvent e;
            e.type = course::event_type::help_requested;
            e.learner = trainee_->id;
            e.at_ms = clock_.wall_ms();
            e.payload = {{"screen", ""}};
            seat_.journal().append(e);
        }
        help_requested_ = true;
    } catch (const store::StoreError& e) {
        notices_.push_back({"notice.store_failed", e.what()});
    }
}

std::optional<std::int64_t> Session::time_left_ms() const {
    if (stage_ != Stage::Lesson || !deadline_ms_) return std::nullopt;
    return std::max<std::int64_t>(0, *deadline_ms_ - clock_.wall_ms());
}

void Session::tick() {
    if (stage_ != Stage::Lesson || !deadline_ms_ || clock_.wall_ms() < *deadline_ms_) return;
    guarded([&] {
        attempt_->time_up();
        after_step();
    });
}

void Session::leave_lesson() {
    attempt_.reset();
    if (rescan_pending_) {
        rescan_pending_ = false;
        lesson_course_ = nullptr;
        stage_ = trainee_ ? Stage::Home : Stage::SignIn;
        load_courses();
    }
    lesson_course_ = nullptr;
    last_outcome_.reset();
    deadline_ms_.reset();
    help_requested_ = false;
    stage_ = trainee_ ? Stage::Home : Stage::SignIn;
    if (trainee_) seat_.set_current(trainee_->id, std::nullopt);
}

void Session::close_results() {
    if (stage_ != Stage::Results) return;
    leave_lesson();
}

void Session::set_locked(bool locked, std::string message) {
    locked_ = locked;
    lock_message_ = std::move(message);
    store::Transaction tx(seat_.db());
    store::write_setting(seat_.db(), "locked", locked_ ? "1" : "0");
    store::write_setting(seat_.db(), "lock_message", lock_message_);
    tx.commit();
}

void Session::apply_command(const std::string& kind, const nlohmann::json& payload) {
    const auto text = [&](const char* field) {
        const auto it = payload.find(field);
        return it != payload.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    if (kind == "lock") {
        set_locked(true, text("message"));
    } else if (kind == "unlock") {
        set_locked(false);
    } else if (kind == "message") {
        notices_.push_back({"notice.instructor_message", text("text")});
    } else if (kind == "assign") {
        std::vector<std::string> ids;
        if (const auto it = payload.find("courses"); it != payload.end() && it->is_array())
            for (const auto& id : *it)
                if (id.is_string()) ids.push_back(id.get<std::string>());
        assign_courses(std::move(ids));
        store::write_setting(seat_.db(), "assigned_courses", nlohmann::json(assigned_).dump());
    } else if (kind == "help_ack") {
        if (help_requested_) notices_.push_back({"notice.help_coming", ""});
        help_requested_ = false;
    } else if (kind == "end") {
        sign_out();
    }
}

std::string Session::signature_of(const course::Course& c) const {
    std::string signature;
    std::error_code ec;
    for (auto it = std::filesystem::recursive_directory_iterator(c.root, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        if (!it->is_regular_file(ec)) continue;
        const auto time = it->last_write_time(ec).time_since_epoch().count();
        signature += it->path().generic_string() + '|' + std::to_string(it->file_size(ec)) + '|' +
                     std::to_string(time) + '\n';
    }
    return signature;
}

void Session::capture_replay_point() {
    if (stage_ != Stage::Lesson || !attempt_) return;
    ReplayPoint point;
    point.course_id = lesson_course_->id;
    const auto& rt = attempt_->runtime();
    point.lesson_id = rt.lesson().id;
    point.language = rt.language();
    point.seed = rt.seed();
    point.screen_id = rt.finished() ? std::string() : rt.current().id;
    for (const auto& e : seat_.journal().for_attempt(attempt_->id()))
        if (e.type == course::event_type::response)
            point.answers.emplace_back(e.payload.value("screen", ""), e.payload.value("answer", nlohmann::json()));
    replay_point_ = std::move(point);
}

// Plays the new lesson text forward with the old answers while the screens still match.
void Session::replay(const course::Course& c, const ReplayPoint& point) {
    enter_attempt(c, Attempt::start(c, {point.lesson_id, trainee_->id, point.language, point.seed}, seat_.journal(), clock_));
    std::size_t next_answer = 0;
    for (int step = 0; step < 5000 && stage_ == Stage::Lesson; ++step) {
        auto& rt = attempt_->runtime();
        if (rt.current().id == point.screen_id) break;
        if (course::is_question(rt.current().kind) && !rt.settled()) {
            if (next_answer >= point.answers.size() || point.answers[next_answer].first != rt.current().id) break;
            const course::Response r = course::response_from_json(rt.current().kind, point.answers[next_answer++].second);
            last_outcome_ = attempt_->answer(r);
            continue;
        }
        attempt_->advance();
        after_step();
    }
}

bool Session::reload_changed_courses() {
    bool reloaded = false;
    for (auto& c : courses_) {
        std::string signature = signature_of(c);
        auto& known = file_signatures_[c.id];
        if (known.empty()) known = signature;
        if (signature == known) continue;
        known = std::move(signature);
        reloaded = true;
        const bool lesson_open = stage_ == Stage::Lesson && lesson_course_ == &c;
        if (lesson_open) {
            capture_replay_point();
            leave_lesson();
        }
        try {
            c = load_with_titles(c.root);
        } catch (const CourseError& e) {
            notices_.push_back({"notice.course_broken", problem_text(e)});
            continue;
        }
        if (!replay_point_ || replay_point_->course_id != c.id || !trainee_) continue;
        const ReplayPoint point = *replay_point_;
        try {
            replay(c, point);
            replay_point_.reset();
        } catch (const CourseError& e) {
            notices_.push_back({"notice.lesson_broken", problem_text(e)});
            leave_lesson();
        } catch (const std::exception& e) {
            notices_.push_back({"notice.lesson_broken", e.what()});
            leave_lesson();
        }
    }
    return reloaded;
}

std::optional<Notice> Session::take_notice() {
    if (notices_.empty()) return std::nullopt;
    Notice n = notices_.front();
    notices_.erase(notices_.begin());
    return n;
}

}  // namespace cbt::session
