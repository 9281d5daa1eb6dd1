// cbt-kiosk: the trainee's seat. Opens the seat's data, loads the courses and runs either the
// window or, with --headless, the same session answered from a script.
#include <cstdlib>
#include <fstream>
#include <iostream>

#include "apps/common/arguments.hpp"
#include "apps/common/program.hpp"
#include "base/clock.hpp"
#include "session/headless.hpp"
#include "session/seat.hpp"
#include "session/session.hpp"
#include "store/database.hpp"
#include "store/settings.hpp"
#include "sync/discovery.hpp"
#include "sync/kiosk_link.hpp"
#include "sync/sync_worker.hpp"
#include "ui/kiosk_window.hpp"

#include <unistd.h>

#include <chrono>
#include <thread>

namespace {
using namespace cbt;
namespace fs = std::filesystem;

constexpr const char* usage = R"(Usage: cbt-kiosk [options]

The trainee's seat: sign in, take the assigned lessons and tests, see results.
Starts full screen and locked down; the instructor leaves with Ctrl+Alt+Shift+X and the
instructor PIN (see docs/kiosk.md).

Options:
  --windowed               run in a window instead of full-screen kiosk mode
  --data DIR               the seat's data folder (default: $XDG_DATA_HOME/cbt/kiosk)
  --courses DIR            folder of course folders (default: the bundled courses)
  --roster FILE            import trainees from a CSV file (columns: name,pin[,service,id,language])
  --seat N                 set this seat's number
  --instructor-pin PIN     set the instructor PIN (at least 4 digits; stored hashed)
  --lang ru|en             language of the sign-in screen (kept for this seat)
  --screenshot-dir DIR     write a PNG of every new view (documentation, tests)
  --assets DIR             the program's assets folder (translations)
  --version                print the version

Authoring:
  --dev COURSE             preview a course folder in a window: signs in "Course author", re-reads
                           a lesson when its files change and returns to the same screen; Lua
                           errors show on screen with file and line (data: a folder of its own)

Classroom:
  --host URL               the instructor's host, e.g. http://192.168.1.10:8870: pair with it,
                           send every answer to it, take its roster; --host auto listens for
                           the host's beacon on the LAN instead
  --classroom ID           with --host auto: only this classroom's host (two rooms, one network)
  --forget-host            forget the classroom this seat belonged to, so it can pair with another
                           host (a seat never moves to another classroom by itself)
  --pairing-code CODE      the classroom's pairing code: the host approves this kiosk at once
                           (without it the instructor approves the kiosk on the host)
  The environment variables CBT_PAIRING_CODE and CBT_INSTRUCTOR_PIN stand in for
  --pairing-code and --instructor-pin (the boot session passes them so, out of sight of ps).

Headless (no window; for tests, load runs and crash drills):
  --headless --learner NAME [--course ID] [--lesson ID] (--auto correct|wrong | --answers FILE)
             [--delay-ms N] [--seed N] [--stop-at SCREEN] [--json]
  Signs in NAME (added to the roster if missing), plays every unfinished lesson (resuming one
  left open), and prints the results. Run again after an interruption and it carries on.
  --stop-at SCREEN leaves the lesson open on that screen, where the next start (windowed too)
  takes it up.
)";

std::string machine_name() {
    char name[256] = {};
    if (gethostname(name, sizeof name - 1) != 0) return "kiosk";
    return name;
}

// Pairs with the host, waiting up to `wait_ms` for the instructor's approval.
void pair_with_host(sync::KioskLink& link, const std::optional<std::string>& code, int wanted_seat,
                    std::int64_t wait_ms) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(wait_ms);
    std::string shown_code;
    for (;;) {
        const sync::PairResult r = link.pair(code, machine_name(), wanted_seat);
        if (r.status == sync::PairStatus::Approved) {
            std::cerr << "cbt-kiosk: paired with " << link.host_url() << " as seat " << r.seat << "\n";
            return;
        }
        if (r.status == sync::PairStatus::Refused) throw std::runtime_error("the instructor refused this kiosk");
        if (r.status == sync::PairStatus::Pending && r.short_code != shown_code) {
            shown_code = r.short_code;
            std::cerr << "cbt-kiosk: waiting for the instructor to approve this kiosk; code " << r.short_code << "\n";
        }
        if (r.status == sync::PairStatus::Failed) std::cerr << "cbt-kiosk: " << r.message << "\n";
        if (std::chrono::steady_clock::now() > until)
            throw std::runtime_error(r.status == sync::PairStatus::Failed ? r.message
                                                                          : "the kiosk was not approved in time");
        std::this_thread::sleep_for(std::chrono::seconds(1));
    }
}

// --host auto: the host's URL from its beacon (the classroom this seat paired with, if any).
std::string resolve_host(const std::string& given, session::Seat& seat, std::optional<std::string> classroom) {
    if (given != "auto") return given;
    if (!classroom) classroom = store::read_setting(seat.db(), "sync.classroom_id");
    std::cerr << "cbt-kiosk: looking for the host's beacon on the LAN...\n";
    const auto found = sync::listen_for_host(30'000, classroom && !classroom->empty() ? classroom : std::nullopt);
    if (!found)
        throw std::runtime_error("no host announced itself within 30 seconds; check that the host runs and that this "
                                 "seat is on the classroom network, or give --host http://ADDRESS:8870");
    std::cerr << "cbt-kiosk: found classroom " << found->classroom_id << " at " << found->url() << "\n";
    return found->url();
}

// Takes what a sync brought: the roster and seat number for the seat, commands for the session.
void apply_sync(session::Seat& seat, session::Session* session, const sync::SyncOutcome& outcome) {
    if (!outcome.ok) return;
    if (outcome.roster) seat.apply_host_roster(*outcome.roster);
    if (outcome.seat > 0 && outcome.seat != seat.seat_number()) seat.set_seat_number(outcome.seat);
    if (session)
        for (const auto& c : outcome.commands)
            session->apply_command(c.value("kind", ""), c.value("payload", nlohmann::json::object()));
}

int run(const std::vector<std::string>& words) {
    const apps::Arguments args = apps::parse_arguments(
        words,
        {"data", "courses", "roster", "seat", "instructor-pin", "lang", "screenshot-dir", "assets", "learner", "course",
         "lesson", "auto", "answers", "delay-ms", "seed", "dev", "stop-at", "host", "pairing-code", "classroom"},
        {"windowed", "headless", "json", "help", "version", "forget-host"});
    if (args.has("help")) {
        std::cout << usage;
        return 0;
    }
    if (args.has("version")) {
        std::cout << "cbt-kiosk " << CBT_VERSION << "\n";
        return 0;
    }
    if (!args.positional.empty()) throw apps::UsageError("unexpected word '" + args.positional.front() + "'");

    const auto dev_course = args.option("dev");
    if (dev_course && args.has("headless")) throw apps::UsageError("--dev previews in a window; leave out --headless");
    fs::path data = args.option("data").value_or(apps::default_data_dir("kiosk").string());
    if (dev_course && !args.option("data")) data = apps::default_data_dir("kiosk").parent_path() / "dev";
    session::Seat seat(data);
    if (auto file = args.option("roster")) {
        const int n = seat.import_roster_csv(*file);
        std::cerr << "cbt-kiosk: " << n << " trainee(s) imported from " << *file << "\n";
    }
    if (auto n = args.option("seat")) seat.set_seat_number(apps::parse_whole_number(*n, "seat"));
    if (args.has("forget-host")) {
        sync::KioskLink(data / "kiosk.db", seat.device_id(), "").forget_host();
        std::cerr << "cbt-kiosk: this seat no longer belongs to a classroom; it pairs afresh with the next host\n";
    }
    if (auto pin = apps::option_or_environment(args, "instructor-pin", "CBT_INSTRUCTOR_PIN")) {
        try {
            seat.set_instructor_pin(*pin);
        } catch (const std::invalid_argument& e) {
            throw apps::UsageError(e.what());
        }
    }
    if (auto lang = args.option("lang")) {
        if (*lang != "ru" && *lang != "en") throw apps::UsageError("--lang takes ru or en");
        seat.set_default_language(*lang);
    }

    fs::path courses = args.option("courses").value_or(apps::share_dir("courses", CBT_DEFAULT_COURSES_DIR).string());
    if (dev_course) courses = *dev_course;
    // Courses the host distributes are installed in the seat's own library, which wins over the
    // bundled courses with the same id.
    const fs::path library = data / "courses";
    fs::create_directories(library);
    base::SystemClock clock;
    session::Session session(seat, dev_course ? std::vector<fs::path>{courses} : std::vector<fs::path>{library, courses},
                             clock);
    for (const auto& broken : session.broken_courses())
        std::cerr << "cbt-kiosk: warning: course " << broken.folder << " cannot be offered: " << broken.message << "\n";

    if (args.has("headless")) {
        session::HeadlessOptions o;
        const auto learner = args.option("learner");
        if (!learner) throw apps::UsageError("--headless needs --learner NAME");
        o.learner = *learner;
        o.course_id = args.option("course");
        o.lesson_id = args.option("lesson");
        o.stop_at = args.option("stop-at");
        o.language = args.option("lang");
        o.json = args.has("json");
        if (auto d = args.option("delay-ms")) o.delay_ms = apps::parse_whole_number(*d, "delay-ms");
        if (auto seed = args.option("seed")) o.seed = static_cast<std::uint64_t>(apps::parse_whole_number(*seed, "seed"));
        if (args.option("answers") && args.option("auto")) throw apps::UsageError("use --answers or --auto, not both");
        if (auto file = args.option("answers")) {
            std::ifstream in(*file);
            if (!in) throw std::runtime_error("cannot read the answers file " + *file);
            o.answers = nlohmann::json::parse(in, nullptr, false);
            if (!o.answers.is_object())
                throw std::runtime_error("the answers file " + *file + " must hold one JSON object: {\"screen id\": answer}");
            o.mode = session::ScriptMode::AnswersFile;
        } else if (auto how = args.option("auto")) {
            if (*how == "correct") o.mode = session::ScriptMode::AutoCorrect;
            else if (*how == "wrong") o.mode = session::ScriptMode::AutoWrong;
            else throw apps::UsageError("--auto takes correct or wrong");
        } else {
            throw apps::UsageError("--headless needs --auto correct|wrong or --answers FILE");
        }
        if (!args.option("host")) return session::run_headless(session, o, std::cout);

        // In a classroom: pair, take the roster and the trainee's history from other seats, play,
        // then stay until the host holds every event.
        sync::KioskLink link(data / "kiosk.db", seat.device_id(), resolve_host(*args.option("host"), seat, args.option("classroom")));
        pair_with_host(link, apps::option_or_environment(args, "pairing-code", "CBT_PAIRING_CODE"), seat.seat_number(),
                       120'000);
        const sync::SyncOutcome first = link.sync_once();
        apply_sync(seat, nullptr, first);
        std::vector<std::string> errors;
        const auto installed = sync::install_offered(link, first.courses, library, data / "packs", errors);
        for (const auto& e : errors) std::cerr << "cbt-kiosk: " << e << "\n";
        for (const auto& id : installed) std::cerr << "cbt-kiosk: installed course " << id << " from the host\n";
        if (!installed.empty()) session.rescan_courses();
        if (const auto t = seat.find_trainee(o.learner)) apply_sync(seat, nullptr, link.sync_once(t->id));
        const int status = session::run_headless(session, o, std::cout);
        nlohmann::json trainees = nlohmann::json::array();
        for (const auto& t : seat.roster())
            trainees.push_back({{"id", t.id}, {"name", t.name}, {"service", t.service}, {"pin_hash", t.pin_hash}});
        link.offer_trainees(trainees);
        const sync::SyncOutcome last = link.sync_all(120'000);
        apply_sync(seat, nullptr, last);
        if (!last.ok || last.acked_seq < last.last_seq) {
            std::cerr << "cbt-kiosk: not every answer reached the host (" << last.acked_seq << " of " << last.last_seq
                      << " events): " << last.message << "\n";
            return 3;
        }
        std::cerr << "cbt-kiosk: the host holds all " << last.last_seq << " events of this kiosk\n";
        return status;
    }

    ui::WindowOptions w;
    w.kiosk_mode = !args.has("windowed") && !dev_course;
    if (dev_course) {
        if (session.courses().empty() && session.broken_courses().empty())
            throw std::runtime_error(*dev_course + " holds no course.lua: give the folder of one course");
        session::Trainee author;
        author.id = "author";
        author.name = "Course author";
        if (!seat.find_trainee(author.id)) seat.put_trainee(author);
        session.sign_in_trusted(author.id);
        w.authoring = true;
    }
    w.assets_dir = args.option("assets").value_or(apps::share_dir("assets", CBT_DEFAULT_ASSETS_DIR).string());
    if (auto dir = args.option("screenshot-dir")) w.screenshot_dir = *dir;

    // In a classroom the link runs on its own thread; the window applies its news between frames.
    std::unique_ptr<sync::SyncWorker> worker;
    // With --host auto the worker listens for the beacon itself: the window opens at once and the
    // seat teaches on its own until its host appears, whenever that is.
    if (auto given = args.option("host")) {
        sync::WorkerOptions options;
        options.kiosk_db = data / "kiosk.db";
        options.device_id = seat.device_id();
        options.host_url = *given == "auto" ? "" : *given;
        options.classroom = args.option("classroom");
        options.pairing_code = apps::option_or_environment(args, "pairing-code", "CBT_PAIRING_CODE");
        options.device_name = machine_name();
        options.wanted_seat = seat.seat_number();
        options.library_dir = library;
        options.packs_dir = data / "packs";
        worker = std::make_unique<sync::SyncWorker>(std::move(options), [] { ui::wake_kiosk_window(); });
        w.background = [&seat, &worker, trainee = std::string(), code = std::string(),
                        sent_seq = std::int64_t{-1}](session::Session& s) mutable {
            for (const auto& outcome : worker->take()) {
                apply_sync(seat, &s, outcome);
                if (!outcome.installed.empty()) s.rescan_courses();   // at once, or after the open lesson
            }
            const std::string now = s.trainee() ? s.trainee()->id : "";
            if (now != trainee) {
                trainee = now;
                if (!now.empty()) worker->want_history(now);   // their work at other seats
            }
            const sync::LinkStatus status = worker->status();
            if (!status.pending_code.empty() && status.pending_code != code) {
                code = status.pending_code;
                s.notify("notice.pairing_pending", code);
            }
            const std::int64_t last = seat.journal().last_seq(seat.device_id());
            if (last != sent_seq) {
                sent_seq = last;
                worker->poke();   // a new answer goes to the host straight away
            }
        };
    }
    return ui::run_kiosk_window(session, w);
}

}  // namespace

int main(int argc, char** argv) { return cbt::apps::run_program("cbt-kiosk", argc, argv, run); }
