// The dashboard's main loop: it sleeps in SDL's event wait, looks at classroom.db and
// last-backup.json once a second and draws only on input or when something shown changed, so an
// idle dashboard costs next to no CPU. Database and report errors become a red status line; the window stays.
#include "ui/host_window.hpp"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <imgui.h>
#include <imgui_internal.h>
#include <netinet/in.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>

#include "store/settings.hpp"
#include "ui/host_views.hpp"

namespace cbt::ui {
namespace {

constexpr int settle_frames = 3;    // frames drawn after input before the view is still
constexpr int refresh_ms = 1000;    // how often classroom.db is looked at
constexpr float text_scale = 0.8f;  // denser than the kiosk: the instructor sits closer and sees more at once

std::int64_t steady_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

enum class Tab { Seats, Pairing, Roster, Reports };

const char* tab_name(Tab t) {
    switch (t) {
        case Tab::Seats:
            return "seats";
        case Tab::Pairing:
            return "pairing";
        case Tab::Roster:
            return "roster";
        case Tab::Reports:
            return "reports";
    }
    return "seats";
}

// The addresses kiosks can reach the server at: every IPv4 address of this machine when it
// listens on all of them, else the one it is bound to.
std::vector<std::string> server_urls(const std::string& bind, int port) {
    std::vector<std::string> out;
    const std::string suffix = ":" + std::to_string(port);
    if (port <= 0) return out;
    if (bind != "0.0.0.0" && !bind.empty()) return {"http://" + bind + suffix};
    ifaddrs* list = nullptr;
    if (getifaddrs(&list) != 0) return out;
    for (ifaddrs* a = list; a; a = a->ifa_next) {
        if (!a->ifa_addr || a->ifa_addr->sa_family != AF_INET) continue;
        char text[INET_ADDRSTRLEN] = {};
        const auto* in = reinterpret_cast<const sockaddr_in*>(a->ifa_addr);
        if (!inet_ntop(AF_INET, &in->sin_addr, text, sizeof text)) continue;
        if (std::string(text).rfind("127.", 0) == 0) continue;
        out.push_back(std::string("http://") + text + suffix);
    }
    freeifaddrs(list);
    if (out.empty()) out.push_back("http://127.0.0.1" + suffix);
    return out;
}

std::map<std::string, Catalogue> load_or_report(const std::filesystem::path& dir) {
    try {
        return load_catalogues(dir);
    } catch (const std::exception& e) {
        // Without sentences the dashboard still works: every text shows as its [key].
        std::cerr << "cbt-host: warning: " << e.what() << "\n";
        std::map<std::string, Catalogue> none;
        none.emplace("en", Catalogue{});
        return none;
    }
}

std::filesystem::path trace_file() {
    const char* file = std::getenv("CBT_UI_TRACE");
    return file && *file ? std::filesystem::path(file) : std::filesystem::path();
}

class Dashboard {
public:
    Dashboard(const std::filesystem::path& data_dir, const HostWindowOptions& options)
        : options_(options),
          model_(data_dir, clock_, options.course_dirs),
          catalogues_(load_or_report(options.assets_dir / "i18n")),
          platform_({false, options.width, options.height, "Suitcase CBT \xE2\x80\x94 Instructor"}),
          fonts_({options.assets_dir / "fonts", "/usr/share/fonts/truetype/dejavu"}),
          trace_(trace_file()),
          ui_(catalogues_, fonts_, trace_),
          urls_(server_urls(options.bind_address, options.port)),
          backup_(data_dir, clock_.wall_ms()) {
        if (options.maximised) SDL_MaximizeWindow(platform_.window());
        ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
        ui_.lang = choose_language();
    }

    int run();

private:
    std::string choose_language() {
        std::string lang;
        if (options_.language) lang = *options_.language;
        if (lang.empty()) lang = store::read_setting(model_.store().db(), "host.language").value_or("");
        if (lang.empty()) {
            const char* env = std::getenv("LANG");
            lang = env && std::string(env).rfind("ru", 0) == 0 ? "ru" : "en";
        }
        return catalogues_.count(lang) ? lang : catalogues_.begin()->first;
    }

    void set_language(const std::string& lang) {
        ui_.lang = lang;
        store::write_setting(model_.store().db(), "host.language", lang);
    }

    std::string signature() {
        std::string s = seats_.signature(ui_, model_) + "|" + std::to_string(model_.version()) + "|" + ui_.status +
                        "|" + backup_.signature();
        for (const auto& d : model_.devices()) s += d.device_id + sync::status_name(d.status) + std::to_string(d.seat);
        return s;
    }

    void draw_frame();
    void top_band();
    void status_bar(float height);
    void trace_state();
    void run_actions();
    void update_title();

    HostWindowOptions options_;
    base::SystemClock clock_;
    HostModel model_;
    std::map<std::string, Catalogue> catalogues_;
    Platform platform_;
    Fonts fonts_;
    Trace trace_;
    HostUi ui_;
    std::vector<std::string> urls_;
    Tab tab_ = Tab::Seats;
    SeatsView seats_;
    PairingView pairing_;
    RosterView roster_;
    ReportsView reports_;
    BackupBanner backup_;  // news of the backup to the USB stick, above every page
    std::uint64_t frame_ = 0;
    std::string title_;
    std::string dialog_;  // the dialog open in the last frame, for the trace
};

void Dashboard::top_band() {
    const float u = ui_.u();
    const float h = std::round(u * 2.9f);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ui_.palette.panel);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(u * 0.8f, (h - host_button_height(ui_)) / 2));
    ImGui::BeginChild(
        "##band", ImVec2(0, h), false,
        ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_NavFlattened);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    const ImVec2 p = ImGui::GetWindowPos(), sz = ImGui::GetWindowSize();
    ImGui::GetWindowDrawList()->AddLine(ImVec2(p.x, p.y + sz.y - 1), ImVec2(p.x + sz.x, p.y + sz.y - 1),
                                        ui_.palette.panel_border, 1.5f);

    // The program's name, then the tabs.
    const std::string title = ui_.tr("host.title");
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (host_button_height(ui_) - ui_.fonts.heading->FontSize) / 2);
    host_text(ui_, title, ui_.palette.primary, ui_.fonts.heading);
    ImGui::SameLine(0, u * 1.2f);
    ImGui::SetCursorPosY((h - host_button_height(ui_)) / 2);

    int help = 0;
    for (const auto& s : model_.seats()) help += s.help;
    const std::size_t pending = model_.pending().size();
    struct TabButton {
        Tab tab;
        std::string label;
        bool alert;
    };
    const TabButton tabs[] = {
        {Tab::Seats, help ? ui_.trf("host.tab.seats_help", {{"n", std::to_string(help)}}) : ui_.tr("host.tab.seats"),
         help > 0},
        {Tab::Pairing,
         pending ? ui_.trf("host.tab.pairing_waiting", {{"n", std::to_string(pending)}}) : ui_.tr("host.tab.pairing"),
         pending > 0},
        {Tab::Roster, ui_.tr("host.tab.roster"), false},
        {Tab::Reports, ui_.tr("host.tab.reports"), false},
    };
    for (const auto& t : tabs) {
        const Tone tone = tab_ == t.tab ? Tone::Selected : t.alert ? Tone::Help : Tone::Normal;
        if (host_button(ui_, std::string("tab.") + tab_name(t.tab), t.label, tone)) tab_ = t.tab;
        ImGui::SameLine();
    }

    // The language toggle at the right end, each language named in itself; before it, how many
    // kiosks are online and locked, when there is room.
    float w = 0;
    for (const auto& [code, cat] : catalogues_) w += host_button_width(ui_, cat.text("language.name")) + u * 0.5f;
    const float x = ImGui::GetWindowContentRegionMax().x - w + u * 0.5f;
    int online = 0, locked = 0;
    for (const auto& s : model_.seats()) {
        online += s.device && s.online;
        locked += s.device && s.locked;
    }
    const std::string on = ui_.trf("host.count.online", {{"n", std::to_string(online)}});
    const std::string lk = std::to_string(locked);
    ImFont* f = ui_.fonts.body;
    const float on_w = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, on.c_str()).x;
    const float lk_w = locked ? f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, lk.c_str()).x + u * 1.6f : 0;
    const float counts_w = u * 1.0f + on_w + lk_w;
    const float counts_x = x - counts_w - u;
    if (counts_x > ImGui::GetCursorPosX()) {
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const ImVec2 o = ImGui::GetWindowPos();
        const float cy = o.y + h / 2;
        float cx = o.x + counts_x;
        dl->AddCircleFilled(ImVec2(cx + u * 0.35f, cy), u * 0.35f, online ? ui_.colors.online : ui_.colors.offline, 16);
        cx += u * 1.0f;
        dl->AddText(f, f->FontSize, ImVec2(cx, cy - f->FontSize / 2), ui_.palette.text_dim, on.c_str());
        cx += on_w;
        if (locked) {
            draw_lock_icon(dl, ImVec2(cx + u * 0.9f, cy - u * 0.1f), u * 0.5f, ui_.colors.locked);
            dl->AddText(f, f->FontSize, ImVec2(cx + u * 1.6f, cy - f->FontSize / 2), ui_.palette.text_dim, lk.c_str());
        }
    }
    if (x > ImGui::GetCursorPosX()) ImGui::SetCursorPosX(x);
    for (const auto& [code, cat] : catalogues_) {
        const std::string lang = code;
        if (host_button(ui_, "language." + code, cat.text("language.name"),
                        code == ui_.lang ? Tone::Selected : Tone::Normal))
            ui_.post([this, lang] { set_language(lang); });
        ImGui::SameLine();
    }
    ImGui::EndChild();
}

void Dashboard::status_bar(float height) {
    const float u = ui_.u();
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ui_.palette.panel);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(u * 0.8f, (height - ImGui::GetTextLineHeight()) / 2));
    ImGui::BeginChild(
        "##status", ImVec2(0, height), false,
        ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_NavFlattened);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    const ImVec2 p = ImGui::GetWindowPos(), sz = ImGui::GetWindowSize();
    ImGui::GetWindowDrawList()->AddLine(p, ImVec2(p.x + sz.x, p.y), ui_.palette.panel_border, 1.5f);
    std::string where;
    for (const auto& url : urls_) where += (where.empty() ? "" : "   ") + url;
    where = where.empty() ? std::string() : ui_.trf("host.status.address", {{"url", where}});
    ImFont* f = ui_.fonts.body;
    const float ww = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, where.c_str()).x;
    const float avail = ImGui::GetContentRegionAvail().x;
    const std::string line = fit_text(f, ui_.status, std::max(u * 5, avail - ww - u));
    ImGui::PushStyleColor(ImGuiCol_Text, ui_.status_error ? ui_.palette.wrong : ui_.palette.text);
    ImGui::TextUnformatted(line.c_str());
    ImGui::PopStyleColor();
    ui_.control("status");
    if (!where.empty() && avail - ww > u * 6) {
        ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ww);
        ImGui::PushStyleColor(ImGuiCol_Text, ui_.palette.text_dim);
        ImGui::TextUnformatted(where.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::EndChild();
}

void Dashboard::draw_frame() {
    const ImGuiIO& io = ImGui::GetIO();
    const float u = ui_.u();
    // F1-F4 switch pages from anywhere.
    if (ui_.input.pressed(SDL_SCANCODE_F1)) tab_ = Tab::Seats;
    if (ui_.input.pressed(SDL_SCANCODE_F2)) tab_ = Tab::Pairing;
    if (ui_.input.pressed(SDL_SCANCODE_F3)) tab_ = Tab::Roster;
    if (ui_.input.pressed(SDL_SCANCODE_F4)) tab_ = Tab::Reports;

    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    // The dashboard keeps keyboard focus, so the arrow keys move between its controls from the start.
    if (!ImGui::IsWindowFocused(ImGuiFocusedFlags_AnyWindow)) ImGui::SetNextWindowFocus();
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ui_.palette.background);
    ImGui::Begin("##dashboard", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();

    top_band();
    backup_.draw(ui_);
    const float status_h = std::round(u * 1.8f);
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(u * 0.8f, u * 0.6f));
    ImGui::BeginChild(
        "##page", ImVec2(0, std::max(u * 4, ImGui::GetContentRegionAvail().y - status_h - spacing)), false,
        ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NavFlattened);
    ImGui::PopStyleVar();
    switch (tab_) {
        case Tab::Seats:
            seats_.draw(ui_, model_);
            break;
        case Tab::Pairing:
            pairing_.draw(ui_, model_);
            break;
        case Tab::Roster:
            roster_.draw(ui_, model_);
            break;
        case Tab::Reports:
            reports_.draw(ui_, model_);
            break;
    }
    ImGui::EndChild();
    status_bar(status_h);
    seats_.draw_dialogs(ui_, model_);
    // Popups are named in the main window's id scope, so this is where to ask which is open.
    dialog_.clear();
    for (const char* id : {"dialog.message", "dialog.assign", "dialog.end"})
        if (ImGui::IsPopupOpen((std::string("###") + id).c_str())) dialog_ = id;
    ImGui::End();
}

void Dashboard::trace_state() {
    if (!trace_.enabled()) return;
    trace_.field("view", tab_name(tab_));
    trace_.field("dialog", dialog_);
    trace_.field("lang", ui_.lang);
    nlohmann::json pending = nlohmann::json::array();
    for (const auto& d : model_.pending()) pending.push_back({{"device", d.device_id}, {"code", model_.code_for(d)}});
    trace_.field("pending", pending);
    trace_.field("seats", seats_.trace_seats(model_));
    trace_.field("selected", seats_.selected_name());
    trace_.field("roster", model_.roster().size());
    trace_.field("status", ui_.status);
    trace_.field("status_error", ui_.status_error);
    trace_.field("backup", backup_.trace(ui_));
}

void Dashboard::run_actions() {
    auto actions = std::move(ui_.actions);
    ui_.actions.clear();
    for (auto& action : actions) {
        try {
            action();
        } catch (const std::exception& e) {
            ui_.say(ui_.trf("host.said.error", {{"error", e.what()}}), true);
        }
    }
}

void Dashboard::update_title() {
    // A seat calling for help shows in the window's title too, for when the dashboard is behind
    // another window.
    int help = 0;
    for (const auto& s : model_.seats()) help += s.help;
    std::string title = "Suitcase CBT \xE2\x80\x94 Instructor";
    if (help) title = "(" + std::to_string(help) + ") " + ui_.tr("host.seat.help") + " \xE2\x80\x94 " + title;
    if (title != title_) {
        title_ = title;
        SDL_SetWindowTitle(platform_.window(), title.c_str());
    }
}

int Dashboard::run() {
    int need = settle_frames;
    std::int64_t next_refresh = 0;
    std::string last_signature;
    FrameInput input;
    for (;;) {
        int timeout = 0;
        if (need == 0 && !platform_.has_pending())
            timeout = static_cast<int>(std::clamp<std::int64_t>(next_refresh - steady_ms(), 0, refresh_ms));
        const bool got = platform_.wait(timeout, input);
        if (got) {
            if (input.close_requested) return 0;
            if (input.any_event) need = std::max(need, settle_frames);
        }
        ui_.now_ms = clock_.wall_ms();
        if (steady_ms() >= next_refresh) {
            next_refresh = steady_ms() + refresh_ms;
            try {
                model_.refresh();
            } catch (const std::exception& e) {
                ui_.say(ui_.trf("host.said.error", {{"error", e.what()}}), true);
            }
            try {
                backup_.poll();
            } catch (const std::exception& e) {
                ui_.say(ui_.trf("host.said.error", {{"error", e.what()}}), true);
            }
            update_title();
            const std::string s = signature();
            if (s != last_signature) {
                last_signature = s;
                need = std::max(need, 1);
            }
        }
        if (need == 0) continue;

        fonts_.build(platform_, platform_.height(), text_scale);
        ui_.palette = apply_theme(Display{}, fonts_.unit());
        ui_.colors = host_colors(false);
        ui_.input = input;
        ui_.redraw_later = false;
        input = FrameInput{};
        platform_.begin_frame();
        trace_.begin_frame();
        try {
            draw_frame();
        } catch (const std::exception& e) {
            ImGui::ErrorCheckEndFrameRecover(nullptr);
            ui_.say(ui_.trf("host.said.error", {{"error", e.what()}}), true);
        }
        trace_state();
        platform_.end_frame();
        trace_.end_frame(++frame_);
        --need;
        if (ui_.redraw_later) last_signature.clear();  // the next tick draws again
        if (!ui_.actions.empty()) {
            run_actions();
            last_signature = signature();
            need = std::max(need, settle_frames);
        }
        // Lesson code runs to learn titles and lengths; the first frame is on screen by then.
        if (!model_.courses_loaded()) {
            try {
                model_.load_courses();
            } catch (const std::exception& e) {
                ui_.say(ui_.trf("host.said.error", {{"error", e.what()}}), true);
            }
            need = std::max(need, 1);
        }
    }
}

}  // namespace

int run_host_window(const std::filesystem::path& data_dir, const HostWindowOptions& options) {
    Dashboard dashboard(data_dir, options);
    return dashboard.run();
}

}  // namespace cbt::ui
