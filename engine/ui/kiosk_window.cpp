// The kiosk's main loop. It sleeps in SDL's event wait and draws only when something changed:
// input (then a few frames so ImGui settles), a countdown tick, or a change in the session's
// state. Session calls happen between frames, and any exception there becomes a notice: a
// course can end a lesson, never the kiosk.
#include "ui/kiosk_window.hpp"

#include <SDL.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "course/problem.hpp"
#include "ui/preferences.hpp"
#include "ui/views.hpp"

namespace cbt::ui {
namespace {

constexpr int settle_frames = 3;     // frames drawn after a change before the view is "still"
constexpr int idle_check_ms = 5000;  // how often an idle kiosk looks at the session for outside changes
constexpr float large_text_scale = 1.3f;
constexpr int authoring_reload_ms = 500;  // --dev: how often changed course files are looked for

std::int64_t steady_ns() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// CBT_KIOSK_TIMING=FILE (benchmarks): "first_frame NS" once the first frame is presented
// (CLOCK_MONOTONIC nanoseconds), then "frame MS" for every frame drawn (build, render, present).
class Timing {
public:
    Timing() {
        if (const char* file = std::getenv("CBT_KIOSK_TIMING"); file && *file) out_ = std::fopen(file, "w");
    }
    ~Timing() {
        if (out_) std::fclose(out_);
    }
    Timing(const Timing&) = delete;
    Timing& operator=(const Timing&) = delete;
    void frame(std::int64_t started_ns) {
        if (!out_) return;
        const std::int64_t now = steady_ns();
        if (first_) std::fprintf(out_, "first_frame %lld\n", static_cast<long long>(now));
        first_ = false;
        std::fprintf(out_, "frame %.3f\n", static_cast<double>(now - started_ns) / 1e6);
        std::fflush(out_);
    }

private:
    std::FILE* out_ = nullptr;
    bool first_ = true;
};

const char* stage_name(session::Stage stage) {
    switch (stage) {
        case session::Stage::SignIn:
            return "sign_in";
        case session::Stage::Home:
            return "home";
        case session::Stage::Lesson:
            return "lesson";
        case session::Stage::Results:
            return "results";
    }
    return "?";
}

class Kiosk {
public:
    Kiosk(session::Session& session, const WindowOptions& options)
        : session_(session),
          options_(options),
          catalogues_(load_or_report(options.assets_dir / "i18n")),
          platform_({options.kiosk_mode, options.width, options.height, "Suitcase CBT"}),
          fonts_({options.assets_dir / "fonts", "/usr/share/fonts/truetype/dejavu"}),
          trace_(trace_file()),
          ui_(session, catalogues_, fonts_, textures_, trace_) {
        sign_in_.change_display = home_.change_display =
            lesson_.change_display = [this](const Display& d) { change_display(d); };
        ui_.display = load_display(session.seat(), "").value_or(Display{});
        if (session.trainee()) apply_trainee_display();
        trainee_id_ = session.trainee() ? session.trainee()->id : "";
        if (options.screenshot_dir) {
            std::error_code ec;
            std::filesystem::create_directories(*options.screenshot_dir, ec);
        }
    }

    int run();

private:
    static std::map<std::string, Catalogue> load_or_report(const std::filesystem::path& dir) {
        try {
            return load_catalogues(dir);
        } catch (const std::exception& e) {
            // Without sentences the kiosk still works: every text shows as its [key].
            std::cerr << "cbt-kiosk: warning: " << e.what() << "\n";
            std::map<std::string, Catalogue> none;
            none.emplace("en", Catalogue{});
            return none;
        }
    }

    static std::filesystem::path trace_file() {
        const char* file = std::getenv("CBT_UI_TRACE");
        return file && *file ? std::filesystem::path(file) : std::filesystem::path();
    }

    void change_display(const Display& d) {
        ui_.display = d;
        save_display(session_.seat(), session_.trainee() ? session_.trainee()->id : "", d);
    }

    void apply_trainee_display() {
        const std::string id = session_.trainee()->id;
        if (auto d = load_display(session_.seat(), id))
            ui_.display = *d;
        else
            save_display(session_.seat(), id, ui_.display);  // what they chose before signing in
    }

    std::string language() const {
        if (!session_.trainee() && session_.stage() == session::Stage::SignIn)
            if (auto l = sign_in_.preferred_language()) return *l;
        return session_.language();
    }

    // What the window shows, as a short name: it changes exactly when a new view appears.
    std::string view_name() {
        std::string v;
        if (session_.locked()) {
            v = "locked";
        } else {
            switch (session_.stage()) {
                case session::Stage::SignIn:
                    v = sign_in_.view_name();
                    break;
                case session::Stage::Home:
                    v = "home";
                    break;
                case session::Stage::Results:
                    v = "results";
                    break;
                case session::Stage::Lesson: {
                    const auto& rt = session_.attempt().runtime();
                    if (rt.finished()) {
                        v = "lesson";
                        break;
                    }
                    v = "lesson." + rt.current().id;
                    if (session_.last_outcome()) v += session_.last_outcome()->settled ? ".feedback" : ".retry";
                    break;
                }
            }
        }
        if (!ui_.notices.empty()) v += "+notice";
        if (exit_.open()) v += "+exit";
        return v;
    }

    // Everything outside input that should cause a redraw.
    std::string state_signature() {
        std::string s = view_name() + "|" + session_.lock_message() + "|" + ui_.lang + "|" +
                        (session_.trainee() ? session_.trainee()->id : "") + "|" +
                        (session_.help_requested() ? "h" : "") + "|" + std::to_string(ui_.display.large_text) +
                        std::to_string(ui_.display.high_contrast);
        if (session_.stage() == session::Stage::Lesson && !session_.attempt().finished()) {
            const auto& rt = session_.attempt().runtime();
            s += "|" + std::to_string(rt.position()) + "|" + std::to_string(rt.tries_used()) + "|" +
                 std::to_string(rt.canvas_clicks().size());
        }
        return s;
    }

    void draw_frame();
    void run_actions();
    void trace_state(const std::string& view);

    session::Session& session_;
    WindowOptions options_;
    std::map<std::string, Catalogue> catalogues_;
    Platform platform_;
    Fonts fonts_;
    Textures textures_;
    Trace trace_;
    Ui ui_;
    SignInView sign_in_;
    HomeView home_;
    LessonView lesson_;
    ResultsView results_;
    ExitDialog exit_;
    bool exit_accepted_ = false;
    std::string trainee_id_;
    session::Stage last_stage_ = session::Stage::SignIn;
    std::uint64_t frame_ = 0;
    int shots_ = 0;
    Timing timing_;
    std::int64_t next_reload_ns_ = 0;
};

void Kiosk::draw_frame() {
    const bool dialog = !ui_.notices.empty() || exit_.open();
    ui_.keys_enabled = !dialog;
    ui_.trace_controls = !dialog;
    if (dialog) ImGui::BeginDisabled();
    if (session_.locked()) {
        draw_locked(ui_);
    } else {
        switch (session_.stage()) {
            case session::Stage::SignIn:
                sign_in_.draw(ui_);
                break;
            case session::Stage::Home:
                home_.draw(ui_);
                break;
            case session::Stage::Lesson:
                lesson_.draw(ui_);
                break;
            case session::Stage::Results:
                results_.draw(ui_, lesson_);
                break;
        }
    }
    if (dialog) ImGui::EndDisabled();
    ui_.keys_enabled = true;
    ui_.trace_controls = true;
    if (exit_.open()) {
        if (exit_.draw(ui_)) exit_accepted_ = true;
    } else if (!ui_.notices.empty()) {
        bool dismissed = false;
        draw_notice(ui_, ui_.notices.front(), dismissed);
        if (dismissed)
            ui_.post([this] {
                if (!ui_.notices.empty()) ui_.notices.pop_front();
            });
    }
}

void Kiosk::run_actions() {
    auto actions = std::move(ui_.actions);
    ui_.actions.clear();
    for (auto& action : actions) {
        try {
            action();
        } catch (const course::CourseError& e) {
            // Course code failed outside the session's own guards (a canvas click hook, say):
            // the lesson ends, the kiosk stays.
            ui_.notify("notice.lesson_broken", e.problem().to_string());
            if (session_.stage() == session::Stage::Lesson) session_.leave_lesson();
        } catch (const std::exception& e) {
            ui_.notify("notice.ui_error", e.what());
        }
    }
}

void Kiosk::trace_state(const std::string& view) {
    if (!trace_.enabled()) return;
    trace_.field("view", view);
    trace_.field("stage", stage_name(session_.stage()));
    trace_.field("lang", ui_.lang);
    trace_.field("locked", session_.locked());
    trace_.field("trainee", session_.trainee() ? session_.trainee()->name : "");
    trace_.field("notice", ui_.notices.empty() ? "" : ui_.notices.front().key);
    trace_.field("large_text", ui_.display.large_text);
    trace_.field("high_contrast", ui_.display.high_contrast);
    trace_.field("help_requested", session_.help_requested());
    if (session_.stage() == session::Stage::Lesson && !session_.attempt().finished()) {
        const auto& rt = session_.attempt().runtime();
        trace_.field("screen", rt.current().id);
        trace_.field("kind", course::kind_name(rt.current().kind));
        trace_.field("settled", rt.settled());
        trace_.field("position", rt.position());
        trace_.field("length", rt.length());
        if (const auto& o = session_.last_outcome()) {
            trace_.field("correct", o->correct);
            trace_.field("tries_left", o->tries_left);
        }
    }
    if (session_.stage() == session::Stage::Results) {
        trace_.field("score", session_.result().score);
        trace_.field("passed", session_.result().passed);
    }
}

int Kiosk::run() {
    int need = settle_frames;
    std::string last_signature;
    std::string shot_view;
    int shot_countdown = -1;
    FrameInput input;
    for (;;) {
        int timeout = options_.authoring ? authoring_reload_ms : idle_check_ms;
        if (need > 0 || platform_.has_pending())
            timeout = 0;
        else if (ui_.next_wake_ms >= 0)
            timeout = static_cast<int>(std::min<std::int64_t>(ui_.next_wake_ms, timeout));
        const bool got = platform_.wait(timeout, input);
        if (got) {
            if (input.close_requested && !platform_.kiosk_mode()) return 0;
            if (input.exit_combo && !exit_.open()) exit_.show();
            if (input.any_event) need = std::max(need, settle_frames);
        } else if (ui_.next_wake_ms >= 0) {
            need = std::max(need, 1);  // a countdown on screen moves on
        }
        try {
            if (options_.authoring && steady_ns() >= next_reload_ns_) {
                next_reload_ns_ = steady_ns() + std::int64_t{authoring_reload_ms} * 1'000'000;
                if (session_.reload_changed_courses()) {
                    home_.invalidate();
                    need = std::max(need, settle_frames);
                }
            }
            if (options_.background) options_.background(session_);
            session_.tick();
            while (auto n = session_.take_notice()) ui_.notices.push_back(*n);
        } catch (const std::exception& e) {
            ui_.notify("notice.ui_error", e.what());
        }

        // Sign-in and sign-out change whose display settings apply; stage changes refresh Home.
        const std::string trainee = session_.trainee() ? session_.trainee()->id : "";
        if (trainee != trainee_id_) {
            trainee_id_ = trainee;
            if (trainee.empty()) {
                ui_.display = load_display(session_.seat(), "").value_or(ui_.display);
                sign_in_.reset();
            } else {
                apply_trainee_display();
            }
        }
        if (session_.stage() != last_stage_) {
            last_stage_ = session_.stage();
            home_.invalidate();
        }
        ui_.lang = language();
        const std::string signature = state_signature();
        if (signature != last_signature) {
            last_signature = signature;
            need = std::max(need, settle_frames);
        }
        if (need == 0) continue;

        fonts_.build(platform_, platform_.height(), ui_.display.large_text ? large_text_scale : 1.0f);
        ui_.palette = apply_theme(ui_.display, fonts_.unit());
        ui_.input = input;
        input = FrameInput{};
        ui_.next_wake_ms = -1;
        const std::int64_t frame_started = steady_ns();
        platform_.begin_frame();
        textures_.next_frame();
        trace_.begin_frame();
        const std::string view = view_name();
        try {
            draw_frame();
        } catch (const std::exception& e) {
            ImGui::ErrorCheckEndFrameRecover(nullptr);
            ui_.notify("notice.ui_error", e.what());
        }
        trace_state(view);
        // A new view, or the same view in another language or display setting, gets its own picture.
        const std::string shot_key = view + "|" + ui_.lang + (ui_.display.large_text ? "|large" : "") +
                                     (ui_.display.high_contrast ? "|contrast" : "");
        if (shot_key != shot_view) {
            shot_view = shot_key;
            shot_countdown = settle_frames;
        }
        const bool shoot = options_.screenshot_dir && shot_countdown == 0;
        platform_.end_frame([&] {
            if (!shoot) return;
            char name[32];
            std::snprintf(name, sizeof name, "%03d-", ++shots_);
            std::string file = name + view;
            for (char& c : file)
                if (c == '+' || c == '/') c = '-';
            platform_.write_png(*options_.screenshot_dir / (file + ".png"));
        });
        timing_.frame(frame_started);
        if (shot_countdown >= 0) --shot_countdown;
        trace_.end_frame(++frame_);
        --need;
        if (options_.screenshot_dir && shot_countdown >= 0) need = std::max(need, 1);
        if (exit_accepted_) return 0;
        if (!ui_.actions.empty()) {
            run_actions();
            need = std::max(need, settle_frames);
        }
    }
}

}  // namespace

void wake_kiosk_window() {
    SDL_Event event{};
    event.type = SDL_USEREVENT;
    SDL_PushEvent(&event);   // thread-safe; a no-op before the window exists
}

int run_kiosk_window(session::Session& session, const WindowOptions& options) {
    Kiosk kiosk(session, options);
    return kiosk.run();
}

}  // namespace cbt::ui
