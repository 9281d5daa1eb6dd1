// Results: the score in big figures, passed or not against the pass mark, and a review of every
// question with the trainee's answer and the author's explanation. Screen texts come from the
// screens seen in this window, else from the lesson file (a resumed attempt's earlier screens).
#include <imgui.h>

#include <cfloat>
#include <cmath>

#include "ui/views.hpp"
#include "ui/widgets.hpp"

namespace cbt::ui {
namespace {

std::string percent(double share) {
    return std::to_string(static_cast<int>(std::lround(share * 100))) + "%";
}

}  // namespace

void ResultsView::draw(Ui& ui, const LessonView& lesson) {
    session::Session& session = ui.session;
    const float u = ui.u();
    course::Attempt& attempt = session.attempt();
    const course::Course& course = session.lesson_course();
    if (attempt.id() != attempt_id_) {
        attempt_id_ = attempt.id();
        written_ = written_screens(attempt.runtime().lesson());
    }
    const course::LessonResult& r = session.result();
    const auto find_screen = [&](const std::string& id) -> const course::Screen* {
        if (lesson.attempt_id() == attempt_id_)
            if (const course::Screen* s = lesson.seen_screen(id)) return s;
        const auto it = written_.find(id);
        return it == written_.end() ? nullptr : &it->second;
    };

    begin_view(ui, "##results");
    begin_band(ui, "top", top_band_height(ui), true);
    ImGui::SetCursorPosY((top_band_height(ui) - ui.fonts.heading->FontSize) / 2);
    ImGui::PushFont(ui.fonts.heading);
    ImGui::TextUnformatted(attempt.runtime().lesson().title.in(ui.lang, course.default_language()).c_str());
    ImGui::PopFont();
    end_band();

    const float bottom = bottom_band_height(ui);
    const float width = begin_content(ui, "content", bottom);
    ImGui::Dummy(ImVec2(0, u * 0.4f));
    const ImU32 verdict_color = r.passed ? ui.palette.correct : ui.palette.wrong;
    if (r.has_questions) {
        ImGui::PushFont(ui.fonts.big);
        ImGui::PushStyleColor(ImGuiCol_Text, verdict_color);
        ImGui::TextUnformatted(percent(r.score).c_str());
        ImGui::PopStyleColor();
        ImGui::PopFont();
        ui.control("score");
        ImGui::SameLine(0, u * 1.2f);
        ImGui::BeginGroup();
        ImGui::Dummy(ImVec2(0, u * 0.2f));
        ImGui::PushFont(ui.fonts.heading);
        ImGui::PushStyleColor(ImGuiCol_Text, verdict_color);
        ImGui::TextUnformatted(r.passed ? ("\xE2\x9C\x93 " + ui.tr("results.passed")).c_str()
                                        : ("\xE2\x9C\x97 " + ui.tr("results.failed")).c_str());
        ImGui::PopStyleColor();
        ImGui::PopFont();
        ui.control("verdict");
        ImGui::PushStyleColor(ImGuiCol_Text, ui.palette.text_dim);
        ImGui::TextUnformatted(ui.trf("results.pass_mark", {{"mark", percent(r.pass_mark)}}).c_str());
        ImGui::PopStyleColor();
        ImGui::EndGroup();
    } else {
        ImGui::PushFont(ui.fonts.title);
        ImGui::TextUnformatted(ui.tr("results.done").c_str());
        ImGui::PopFont();
    }
    if (r.timed_out) {
        ImGui::Dummy(ImVec2(0, u * 0.4f));
        message_box(ui, "results.timed_out", ui.tr("results.timed_out"), "", ui.palette.warning, width);
    }

    if (!r.items.empty()) {
        ImGui::Dummy(ImVec2(0, u * 0.8f));
        ImGui::PushFont(ui.fonts.heading);
        ImGui::TextUnformatted(ui.tr("results.review").c_str());
        ImGui::PopFont();
        ImGui::Dummy(ImVec2(0, u * 0.3f));
    }
    for (std::size_t i = 0; i < r.items.size(); ++i) {
        const course::ItemResult& item = r.items[i];
        const course::Screen* s = find_screen(item.screen_id);
        std::string question = item.screen_id;
        if (s) {
            const std::string prompt = ui.local(s->prompt, course);
            const std::string title = ui.local(s->title, course);
            question = !prompt.empty() ? prompt : !title.empty() ? title : item.screen_id;
        }
        std::string verdict;
        ImU32 accent = ui.palette.wrong;
        if (item.correct) {
            verdict = "\xE2\x9C\x93 " + ui.tr("results.item_correct");
            accent = ui.palette.correct;
        } else if (item.score > 0) {
            verdict = ui.trf("results.item_partly", {{"score", percent(item.score)}});
            accent = ui.palette.warning;
        } else if (item.tries == 0) {
            verdict = "\xE2\x9C\x97 " + ui.tr("results.item_unanswered");
        } else {
            verdict = "\xE2\x9C\x97 " + ui.tr("results.item_wrong");
        }
        std::string body =
            ui.trf("results.your_answer",
                   {{"answer", item.tries == 0 ? ui.tr("review.no_answer")
                                               : describe_answer(ui, course, s, item.kind, item.answer)}});
        if (s) {
            const std::string e = ui.local(s->explanation, course);
            if (!e.empty()) body += "\n\n" + e;
        }
        message_box(ui, "item." + item.screen_id, std::to_string(i + 1) + ". " + question, body, accent, width,
                    verdict);
        ImGui::Dummy(ImVec2(0, u * 0.4f));
    }
    end_content();

    begin_band(ui, "bottom", 0, false);
    {
        const std::string label = ui.tr("results.back");
        const float bw = std::max(button_width(ui, label, ui.fonts.heading), u * 9);
        ImGui::SetCursorPos(
            ImVec2(ImGui::GetWindowWidth() - bw - ImGui::GetStyle().WindowPadding.x, (bottom - u * 2.4f) / 2));
        if (button(ui, "back", label, Look::Primary, ImVec2(bw, u * 2.4f), true, ui.fonts.heading) ||
            (ui.keys() && ui.input.enter()))
            ui.post([&ui] { ui.session.close_results(); });
    }
    end_band();
    end_view();
}

}  // namespace cbt::ui
