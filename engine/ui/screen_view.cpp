// Screen widgets per kind. Layout is one centred column; pictures, hotspot images and canvases
// are scaled to fit the column and a share of the window height. Keyboard: digits pick choices,
// arrows work matching rows and ordering moves, Enter is the lesson view's business.
#include "ui/screen_view.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cfloat>
#include <charconv>
#include <cmath>
#include <sstream>

#include "course/definition_reader.hpp"
#include "course/scoring.hpp"
#include "ui/widgets.hpp"

namespace cbt::ui {
using namespace cbt::course;

namespace {

ImU32 to_u32(const Color& c) {
    return IM_COL32(c.r, c.g, c.b, c.a);
}

bool contains(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// Room a picture may take: the column's width and a share of the window's height.
ImVec2 fit(float w, float h, float max_w, float max_h) {
    if (w <= 0 || h <= 0) return ImVec2(max_w, max_h);
    const float s = std::min(max_w / w, max_h / h);
    return ImVec2(std::floor(w * s), std::floor(h * s));
}

float window_height() {
    return ImGui::GetIO().DisplaySize.y;
}

// Indents the cursor so a block `w` wide sits in the middle of a column `width` wide.
void centre_in(float width, float w) {
    if (w < width) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (width - w) / 2);
}

void draw_picture(Ui& ui, const Course& course, const Picture& pic, float width) {
    const Texture& t = ui.textures.get(course, pic.file);
    const float u = ui.u();
    if (t.ok()) {
        const ImVec2 size =
            fit(static_cast<float>(t.width), static_cast<float>(t.height), width, window_height() * 0.42f);
        const float x = ImGui::GetCursorPosX();
        centre_in(width, size.x);
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        ImGui::Image(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(t.id)), size);
        ImGui::GetWindowDrawList()->AddRect(pos, ImVec2(pos.x + size.x, pos.y + size.y), ui.palette.panel_border);
        ImGui::SetCursorPosX(x);
    } else {
        // The alt text stands in, in a frame, so the trainee knows a picture belongs here.
        const std::string alt = ui.local(pic.alt, course);
        message_box(ui, "picture.missing", ui.tr("lesson.picture_missing"), alt, ui.palette.text_dim, width);
    }
    const std::string caption = ui.local(pic.caption, course);
    if (!caption.empty()) {
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        ImGui::PushStyleColor(ImGuiCol_Text, ui.palette.text_dim);
        ImGui::TextUnformatted(caption.c_str());
        ImGui::PopStyleColor();
        ImGui::PopTextWrapPos();
    }
    ImGui::Dummy(ImVec2(0, u * 0.2f));
}

void wrapped(Ui& ui, const std::string& s, float width, ImFont* font = nullptr, ImU32 color = 0) {
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    text(ui, s, font, color);
    ImGui::PopTextWrapPos();
}

}  // namespace

void reset_draft(ScreenDraft& draft, const std::string& key, const Screen& screen) {
    if (draft.key == key) return;
    draft = ScreenDraft{};
    draft.key = key;
    for (const auto& c : screen.choices) draft.order.push_back(c.id);
}

void draw_blocks(Ui& ui, const Course& course, const std::vector<Block>& blocks, float width) {
    const float u = ui.u();
    for (const Block& block : blocks) {
        if (const auto* p = std::get_if<Paragraph>(&block)) {
            wrapped(ui, ui.local(p->text, course), width);
            ImGui::Dummy(ImVec2(0, u * 0.15f));
        } else if (const auto* h = std::get_if<Heading>(&block)) {
            ImGui::Dummy(ImVec2(0, u * 0.2f));
            wrapped(ui, ui.local(h->text, course), width, ui.fonts.heading);
        } else if (const auto* list = std::get_if<BulletList>(&block)) {
            const float x = ImGui::GetCursorPosX();
            int n = 0;
            for (const auto& item : list->items) {
                const std::string mark = list->numbered ? std::to_string(++n) + "." : "\xE2\x80\xA2";
                ImGui::SetCursorPosX(x + u * 0.5f);
                ImGui::TextUnformatted(mark.c_str());
                ImGui::SameLine(x + u * 1.8f);
                ImGui::PushTextWrapPos(x + width);
                ImGui::TextUnformatted(ui.local(item, course).c_str());
                ImGui::PopTextWrapPos();
            }
            ImGui::Dummy(ImVec2(0, u * 0.15f));
        } else if (const auto* pic = std::get_if<Picture>(&block)) {
            draw_picture(ui, course, *pic, width);
        }
    }
}

void draw_reading(Ui& ui, const ScreenContext& ctx, float width) {
    const Screen& s = ctx.screen;
    const std::string title = ui.local(s.title, ctx.course);
    if (!title.empty()) {
        wrapped(ui, title, width, ui.fonts.title);
        ImGui::Dummy(ImVec2(0, ui.u() * 0.2f));
    }
    draw_blocks(ui, ctx.course, s.body, width);
    const std::string prompt = ui.local(s.prompt, ctx.course);
    if (!prompt.empty()) {
        wrapped(ui, prompt, width, ui.fonts.heading);
        ImGui::Dummy(ImVec2(0, ui.u() * 0.3f));
    }
}

namespace {

// After a built-in scored question settles, choices are outlined right or wrong.
std::optional<bool> verdict_for(const ScreenContext& ctx, const std::string& id, bool chosen) {
    if (ctx.answerable || ctx.screen.custom_score) return std::nullopt;
    if (contains(ctx.screen.correct_ids, id)) return true;
    if (chosen) return false;
    return std::nullopt;
}

void draw_single(Ui& ui, const ScreenContext& ctx, ScreenDraft& d, float width) {
    const auto& choices = ctx.screen.choices;
    if (ctx.answerable && ui.keys())
        if (const auto n = ui.input.digit(); n && *n >= 1 && static_cast<std::size_t>(*n) <= choices.size())
            d.choice = choices[*n - 1].id;
    for (std::size_t i = 0; i < choices.size(); ++i) {
        const Choice& c = choices[i];
        Card look;
        look.badge = std::to_string(i + 1);
        look.marker = Marker::Radio;
        look.selected = d.choice == c.id;
        look.enabled = ctx.answerable;
        look.verdict = verdict_for(ctx, c.id, look.selected);
        if (card(ui, "choice." + c.id, ui.local(c.text, ctx.course), width, look)) d.choice = c.id;
    }
}

void draw_multiple(Ui& ui, const ScreenContext& ctx, ScreenDraft& d, float width) {
    const auto& choices = ctx.screen.choices;
    const auto toggle = [&](const std::string& id) {
        if (!d.picked.erase(id)) d.picked.insert(id);
    };
    if (ctx.answerable && ui.keys())
        if (const auto n = ui.input.digit(); n && *n >= 1 && static_cast<std::size_t>(*n) <= choices.size())
            toggle(choices[*n - 1].id);
    for (std::size_t i = 0; i < choices.size(); ++i) {
        const Choice& c = choices[i];
        Card look;
        look.badge = std::to_string(i + 1);
        look.marker = Marker::Check;
        look.selected = d.picked.count(c.id) != 0;
        look.enabled = ctx.answerable;
        look.verdict = verdict_for(ctx, c.id, look.selected);
        if (card(ui, "choice." + c.id, ui.local(c.text, ctx.course), width, look)) toggle(c.id);
    }
}

void draw_true_false(Ui& ui, const ScreenContext& ctx, ScreenDraft& d, float width) {
    if (ctx.answerable && ui.keys()) {
        if (const auto n = ui.input.digit(); n == 1)
            d.flag = true;
        else if (n == 2)
            d.flag = false;
    }
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float w = std::min((width - gap) / 2, ui.u() * 14);
    for (int i = 0; i < 2; ++i) {
        const bool value = i == 0;
        if (i == 1) ImGui::SameLine();
        Card look;
        look.badge = std::to_string(i + 1);
        look.marker = Marker::Radio;
        look.selected = d.flag == value;
        look.enabled = ctx.answerable;
        look.font = ui.fonts.bold;
        if (!ctx.answerable && !ctx.screen.custom_score) {
            if (value == ctx.screen.correct_flag)
                look.verdict = true;
            else if (look.selected)
                look.verdict = false;
        }
        if (card(ui, value ? "flag.true" : "flag.false", value ? ui.tr("answer.true") : ui.tr("answer.false"), w, look,
                 ui.u() * 3))
            d.flag = value;
    }
}

std::string letter(Ui& ui, std::size_t i) {
    // Letters come from the catalogue, so Russian screens label options А, Б, В.
    const std::string& letters = ui.tr("matching.letters");
    std::vector<std::string> all;
    for (std::size_t k = 0; k < letters.size();) {
        const unsigned char c = static_cast<unsigned char>(letters[k]);
        const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        all.push_back(letters.substr(k, len));
        k += len;
    }
    return i < all.size() ? all[i] : std::to_string(i + 1);
}

void draw_matching(Ui& ui, const ScreenContext& ctx, ScreenDraft& d, float width) {
    const Screen& s = ctx.screen;
    const float u = ui.u();
    const auto& rights = s.right_order;
    const auto right_text = [&](const std::string& id) -> std::string {
        for (const auto& p : s.pairs)
            if (p.id == id) return ui.local(p.right, ctx.course);
        return id;
    };
    if (ctx.answerable && ui.keys() && !s.pairs.empty()) {
        const int rows = static_cast<int>(s.pairs.size());
        if (ui.input.pressed(SDL_SCANCODE_DOWN)) d.row = std::min(d.row + 1, rows - 1);
        if (ui.input.pressed(SDL_SCANCODE_UP)) d.row = std::max(d.row - 1, 0);
        const std::string& left = s.pairs[static_cast<std::size_t>(d.row)].id;
        const auto cycle = [&](int step) {
            if (rights.empty()) return;
            int at = -1;
            for (std::size_t i = 0; i < rights.size(); ++i)
                if (d.matches.count(left) && d.matches[left] == rights[i]) at = static_cast<int>(i);
            const int n = static_cast<int>(rights.size());
            at = at < 0 ? (step > 0 ? 0 : n - 1) : (at + step + n) % n;
            d.matches[left] = rights[static_cast<std::size_t>(at)];
        };
        if (ui.input.pressed(SDL_SCANCODE_RIGHT)) cycle(1);
        if (ui.input.pressed(SDL_SCANCODE_LEFT)) cycle(-1);
        if (const auto n = ui.input.digit(); n && *n >= 1 && static_cast<std::size_t>(*n) <= rights.size()) {
            d.matches[left] = rights[static_cast<std::size_t>(*n - 1)];
            d.row = std::min(d.row + 1, rows - 1);
        }
    }

    // The right-hand options, lettered, then one row per left item with a button per letter.
    wrapped(ui, ui.tr("matching.options"), width, ui.fonts.bold);
    for (std::size_t i = 0; i < rights.size(); ++i) {
        const float tx_off = u * 2.7f;
        const ImVec2 text_size = ui.fonts.body->CalcTextSizeA(ui.fonts.body->FontSize, FLT_MAX,
                                                              width - tx_off - u * 0.7f, right_text(rights[i]).c_str());
        const float h = std::max(u * 2.1f, text_size.y + u * 0.8f);
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        ImGui::Dummy(ImVec2(width, h));
        ui.control("option." + rights[i]);
        // Drawn as a plain (not clickable) panel: options are chosen with the letters below.
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + h), ui.palette.panel, u * 0.3f);
        dl->AddRect(pos, ImVec2(pos.x + width, pos.y + h), ui.palette.panel_border, u * 0.3f, 0, ui.palette.border);
        const float r = u * 0.75f;
        dl->AddCircleFilled(ImVec2(pos.x + u * 0.7f + r, pos.y + h / 2), r, ui.palette.button_border, 24);
        const std::string l = letter(ui, i);
        const ImVec2 ls = ui.fonts.bold->CalcTextSizeA(ui.fonts.bold->FontSize, FLT_MAX, 0, l.c_str());
        dl->AddText(ui.fonts.bold, ui.fonts.bold->FontSize,
                    ImVec2(pos.x + u * 0.7f + r - ls.x / 2, pos.y + h / 2 - ls.y / 2), ui.palette.panel, l.c_str());
        const float tx = pos.x + tx_off;
        const float wrap = width - (tx - pos.x) - u * 0.7f;
        const std::string t = right_text(rights[i]);
        const ImVec2 ts = ui.fonts.body->CalcTextSizeA(ui.fonts.body->FontSize, FLT_MAX, wrap, t.c_str());
        dl->AddText(ui.fonts.body, ui.fonts.body->FontSize, ImVec2(tx, pos.y + (h - ts.y) / 2), ui.palette.text,
                    t.c_str(), nullptr, wrap);
    }
    ImGui::Dummy(ImVec2(0, u * 0.4f));
    wrapped(ui, ui.tr("matching.instructions"), width, ui.fonts.bold);

    const float bw = u * 2.6f;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float letters_w = static_cast<float>(rights.size()) * (bw + gap);
    const bool stacked = width - letters_w < u * 12;  // narrow window: letters go under the item
    for (std::size_t row = 0; row < s.pairs.size(); ++row) {
        const MatchPair& pair = s.pairs[row];
        const auto chosen = d.matches.find(pair.id);
        Card look;
        look.badge = std::to_string(row + 1);
        look.enabled = ctx.answerable;
        look.selected = ctx.answerable && static_cast<int>(row) == d.row;
        if (!ctx.answerable && !s.custom_score && chosen != d.matches.end()) look.verdict = chosen->second == pair.id;
        const float left_w = stacked ? width : width - letters_w;
        const float h = std::max(card_height(ui, ui.local(pair.left, ctx.course), left_w, look), bw);
        if (card(ui, "match." + pair.id, ui.local(pair.left, ctx.course), left_w, look, h))
            d.row = static_cast<int>(row);
        for (std::size_t i = 0; i < rights.size(); ++i) {
            if (i > 0 || !stacked) ImGui::SameLine();
            const bool on = chosen != d.matches.end() && chosen->second == rights[i];
            if (button(ui, "match." + pair.id + "." + rights[i], letter(ui, i), on ? Look::Selected : Look::Normal,
                       ImVec2(bw, stacked ? bw : h), ctx.answerable)) {
                d.matches[pair.id] = rights[i];
                d.row = static_cast<int>(row);
            }
        }
        if (stacked) ImGui::Dummy(ImVec2(0, u * 0.3f));
    }
}

void draw_ordering(Ui& ui, const ScreenContext& ctx, ScreenDraft& d, float width) {
    const Screen& s = ctx.screen;
    const float u = ui.u();
    const auto text_of = [&](const std::string& id) -> std::string {
        for (const auto& c : s.choices)
            if (c.id == id) return ui.local(c.text, ctx.course);
        return id;
    };
    const auto move = [&](int from, int to) {
        if (from < 0 || to < 0 || from >= static_cast<int>(d.order.size()) || to >= static_cast<int>(d.order.size()))
            return;
        std::swap(d.order[static_cast<std::size_t>(from)], d.order[static_cast<std::size_t>(to)]);
        d.order_pick = to;
    };
    if (ctx.answerable && ui.keys()) {
        if (const auto n = ui.input.digit(); n && *n >= 1 && static_cast<std::size_t>(*n) <= d.order.size())
            d.order_pick = *n - 1;
        if (ui.input.pressed(SDL_SCANCODE_UP) || ui.input.pressed_with(SDL_SCANCODE_UP, KMOD_SHIFT)) {
            if (d.order_pick < 0)
                d.order_pick = 0;
            else
                move(d.order_pick, d.order_pick - 1);
        }
        if (ui.input.pressed(SDL_SCANCODE_DOWN) || ui.input.pressed_with(SDL_SCANCODE_DOWN, KMOD_SHIFT)) {
            if (d.order_pick < 0)
                d.order_pick = 0;
            else
                move(d.order_pick, d.order_pick + 1);
        }
    }
    wrapped(ui, ui.tr("ordering.instructions"), width, nullptr, ui.palette.text_dim);
    const float bw = u * 2.8f;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float card_w = width - 2 * (bw + gap);
    for (std::size_t i = 0; i < d.order.size(); ++i) {
        const std::string& id = d.order[i];
        Card look;
        look.badge = std::to_string(i + 1);
        look.enabled = ctx.answerable;
        look.selected = ctx.answerable && static_cast<int>(i) == d.order_pick;
        if (!ctx.answerable && !s.custom_score && i < s.correct_order.size()) look.verdict = s.correct_order[i] == id;
        const float h = card_height(ui, text_of(id), card_w, look);
        const std::string item_id = id;  // `id` refers into d.order, which the buttons may reorder
        if (card(ui, "order." + item_id, text_of(item_id), card_w, look, h)) d.order_pick = static_cast<int>(i);
        ImGui::SameLine();
        if (button(ui, "order." + item_id + ".up", "\xE2\x96\xB2", Look::Normal, ImVec2(bw, h),
                   ctx.answerable && i > 0))
            move(static_cast<int>(i), static_cast<int>(i) - 1);
        ImGui::SameLine();
        if (button(ui, "order." + item_id + ".down", "\xE2\x96\xBC", Look::Normal, ImVec2(bw, h),
                   ctx.answerable && i + 1 < d.order.size()))
            move(static_cast<int>(i), static_cast<int>(i) + 1);
    }
}

int number_filter(ImGuiInputTextCallbackData* data) {
    const ImWchar c = data->EventChar;
    if ((c >= '0' && c <= '9') || c == ',' || c == '.' || c == '-' || c == '+' || c == ' ') return 0;
    return 1;
}

void draw_typed(Ui& ui, const ScreenContext& ctx, ScreenDraft& d, float width) {
    const Screen& s = ctx.screen;
    const float u = ui.u();
    const bool numeric = s.kind == ScreenKind::Numeric;
    const float field_w = numeric ? std::min(width, u * 12) : width;
    if (!ctx.answerable) {
        // Shown as text once settled, so the field lets go of the keyboard (Enter goes on).
        Card look;
        look.enabled = false;
        look.verdict = ctx.outcome ? std::optional<bool>(ctx.outcome->correct) : std::nullopt;
        std::string shown = d.typed;
        if (numeric && !ui.local(s.unit, ctx.course).empty()) shown += " " + ui.local(s.unit, ctx.course);
        card(ui, "answer.field", shown, field_w, look);
        return;
    }
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(u * 0.6f, u * 0.6f));
    ImGui::PushFont(ui.fonts.heading);
    ImGui::SetNextItemWidth(field_w);
    if (d.focus_field) {
        ImGui::SetKeyboardFocusHere();
        d.focus_field = false;
    }
    const ImGuiInputTextFlags flags = ImGuiInputTextFlags_EnterReturnsTrue |
                                      (numeric ? ImGuiInputTextFlags_CallbackCharFilter : ImGuiInputTextFlags_None);
    const bool entered = ImGui::InputText("##answer", &d.typed, flags, numeric ? number_filter : nullptr);
    ui.control("answer.field");
    ImGui::PopFont();
    ImGui::PopStyleVar();
    if (numeric) {
        const std::string unit = ui.local(s.unit, ctx.course);
        if (!unit.empty()) {
            ImGui::SameLine();
            ImGui::AlignTextToFramePadding();
            ImGui::PushFont(ui.fonts.heading);
            ImGui::TextUnformatted(unit.c_str());
            ImGui::PopFont();
        }
        const bool bad = !d.typed.empty() && !parse_number(d.typed);
        wrapped(ui, bad ? ui.tr("numeric.not_a_number") : ui.tr("numeric.hint"), width, nullptr,
                bad ? ui.palette.wrong : ui.palette.text_dim);
    } else {
        wrapped(ui, ui.tr("text.hint"), width, nullptr, ui.palette.text_dim);
    }
    if (entered && ctx.submit) ctx.submit();
}

void draw_marker(Ui& ui, ImDrawList* dl, ImVec2 c, int n) {
    const float r = ui.u() * 0.75f;
    dl->AddCircleFilled(c, r, ui.palette.primary, 24);
    dl->AddCircle(c, r, IM_COL32(255, 255, 255, 255), 24, 3);
    const std::string label = std::to_string(n);
    const ImVec2 ts = ui.fonts.bold->CalcTextSizeA(ui.fonts.bold->FontSize, FLT_MAX, 0, label.c_str());
    dl->AddText(ui.fonts.bold, ui.fonts.bold->FontSize, ImVec2(c.x - ts.x / 2, c.y - ts.y / 2), ui.palette.primary_text,
                label.c_str());
}

void draw_region_outline(ImDrawList* dl, const Region& r, ImVec2 origin, float sx, float sy, ImU32 color, float w) {
    const auto at = [&](double x, double y) {
        return ImVec2(origin.x + static_cast<float>(x) * sx, origin.y + static_cast<float>(y) * sy);
    };
    if (const auto* rect = std::get_if<Region::Rect>(&r.shape)) {
        dl->AddRect(at(rect->x, rect->y), at(rect->x + rect->w, rect->y + rect->h), color, 0, 0, w);
    } else if (const auto* c = std::get_if<Region::Circle>(&r.shape)) {
        dl->AddCircle(at(c->x, c->y), static_cast<float>(c->r) * sx, color, 0, w);
    } else {
        std::vector<ImVec2> pts;
        for (const Point& p : std::get<Region::Polygon>(r.shape).points) pts.push_back(at(p.x, p.y));
        dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), color, ImDrawFlags_Closed, w);
    }
}

void draw_hotspot(Ui& ui, const ScreenContext& ctx, ScreenDraft& d, float width) {
    const Screen& s = ctx.screen;
    const Texture& t = ui.textures.get(ctx.course, s.image);
    // Regions are written in the author's units (width x height), defaulting to image pixels.
    const float units_w = s.width > 0 ? static_cast<float>(s.width) : static_cast<float>(t.width);
    const float units_h = s.height > 0 ? static_cast<float>(s.height) : static_cast<float>(t.height);
    const ImVec2 size = fit(units_w, units_h, width, window_height() * 0.42f);
    const float x = ImGui::GetCursorPosX();
    centre_in(width, size.x);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    if (ImGui::InvisibleButton("hotspot.image", size) && ctx.answerable && units_w > 0 && units_h > 0) {
        const ImVec2 m = ImGui::GetIO().MousePos;
        const Point p{(m.x - pos.x) / size.x * units_w, (m.y - pos.y) / size.y * units_h};
        // With one point allowed a new click moves it; with more, clicks add until the limit.
        if (s.max_points <= 1)
            d.points = {p};
        else if (static_cast<int>(d.points.size()) < s.max_points)
            d.points.push_back(p);
    }
    ui.control("hotspot.image");
    if (ctx.answerable && ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 end(pos.x + size.x, pos.y + size.y);
    if (t.ok())
        dl->AddImage(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(t.id)), pos, end);
    else
        dl->AddRectFilled(pos, end, ui.palette.panel_border);
    dl->AddRect(pos, end, ui.palette.panel_border);
    const float sx = units_w > 0 ? size.x / units_w : 1, sy = units_h > 0 ? size.y / units_h : 1;
    if (!ctx.answerable && !s.custom_score)
        for (const Region& r : s.regions)
            if (contains(s.correct_ids, r.id)) draw_region_outline(dl, r, pos, sx, sy, ui.palette.correct, 4);
    for (std::size_t i = 0; i < d.points.size(); ++i)
        draw_marker(
            ui, dl,
            ImVec2(pos.x + static_cast<float>(d.points[i].x) * sx, pos.y + static_cast<float>(d.points[i].y) * sy),
            static_cast<int>(i) + 1);
    ImGui::SetCursorPosX(x);
    if (!t.ok()) wrapped(ui, ui.tr("lesson.picture_missing"), width, nullptr, ui.palette.wrong);
    if (ctx.answerable) {
        const std::string hint = s.max_points <= 1
                                     ? ui.tr("hotspot.hint_one")
                                     : ui.trf("hotspot.hint_many", {{"count", std::to_string(s.max_points)}});
        wrapped(ui, hint, width, nullptr, ui.palette.text_dim);
        if (s.max_points > 1 && !d.points.empty()) {
            if (button(ui, "hotspot.clear", ui.tr("hotspot.clear"))) d.points.clear();
        }
    }
}

void draw_canvas(Ui& ui, const ScreenContext& ctx, float width) {
    const Screen& s = ctx.screen;
    const float units_w = s.width > 0 ? static_cast<float>(s.width) : 400;
    const float units_h = s.height > 0 ? static_cast<float>(s.height) : 300;
    // A simulation is the whole exercise: it takes the rest of the visible area below the prompt
    // (but never less than a third of the window), so the trainee sees all of it without scrolling.
    const float room = ImGui::GetContentRegionAvail().y - ui.u() * 1.6f;
    const ImVec2 size = fit(units_w, units_h, width, std::max(window_height() * 0.35f, room));
    const float sx = size.x / units_w, sy = size.y / units_h;
    const float x = ImGui::GetCursorPosX();
    centre_in(width, size.x);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool clicked = ImGui::InvisibleButton("canvas", size);
    ui.control("canvas");
    const ImVec2 m = ImGui::GetIO().MousePos;
    const Point at{(m.x - pos.x) / sx, (m.y - pos.y) / sy};
    if (ctx.answerable && ImGui::IsItemHovered() && !hit_test(ctx.display, at).empty())
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    if (clicked && ctx.answerable && ctx.canvas_click) {
        const std::string region = hit_test(ctx.display, at);
        if (!region.empty()) ctx.canvas_click(region);
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 end(pos.x + size.x, pos.y + size.y);
    dl->PushClipRect(pos, end, true);
    dl->AddRectFilled(pos, end, IM_COL32(255, 255, 255, 255));
    const auto p = [&](const Point& q) {
        return ImVec2(pos.x + static_cast<float>(q.x) * sx, pos.y + static_cast<float>(q.y) * sy);
    };
    const float scale = std::min(sx, sy);
    for (const DrawOp& op : ctx.display) {
        const float lw = std::max(1.0f, static_cast<float>(op.line_width) * scale);
        switch (op.kind) {
            case DrawOp::Kind::Rect:
                if (op.points.size() < 2) break;
                if (op.fill) dl->AddRectFilled(p(op.points[0]), p(op.points[1]), to_u32(*op.fill));
                if (op.stroke) dl->AddRect(p(op.points[0]), p(op.points[1]), to_u32(*op.stroke), 0, 0, lw);
                break;
            case DrawOp::Kind::Circle:
                if (op.points.empty()) break;
                if (op.fill)
                    dl->AddCircleFilled(p(op.points[0]), static_cast<float>(op.radius) * scale, to_u32(*op.fill), 0);
                if (op.stroke)
                    dl->AddCircle(p(op.points[0]), static_cast<float>(op.radius) * scale, to_u32(*op.stroke), 0, lw);
                break;
            case DrawOp::Kind::Line: {
                std::vector<ImVec2> pts;
                for (const Point& q : op.points) pts.push_back(p(q));
                const Color c = op.stroke ? *op.stroke : op.fill ? *op.fill : Color{};
                dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), to_u32(c), 0, lw);
                break;
            }
            case DrawOp::Kind::Polygon: {
                std::vector<ImVec2> pts;
                for (const Point& q : op.points) pts.push_back(p(q));
                if (op.fill) dl->AddConvexPolyFilled(pts.data(), static_cast<int>(pts.size()), to_u32(*op.fill));
                if (op.stroke)
                    dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), to_u32(*op.stroke), ImDrawFlags_Closed,
                                    lw);
                break;
            }
            case DrawOp::Kind::Text: {
                if (op.points.empty()) break;
                const Color c = op.stroke ? *op.stroke : op.fill ? *op.fill : Color{};
                const float wrap = op.points.size() >= 2 ? static_cast<float>(op.points[1].x - op.points[0].x) * sx : 0;
                const std::string t = ui.local(op.text, ctx.course);
                const float px = static_cast<float>(op.text_size) * scale;
                // The atlas font nearest above the size keeps scaled text sharp.
                ImFont* f = ui.fonts.body;
                for (ImFont* candidate : {ui.fonts.heading, ui.fonts.title})
                    if (f->FontSize < px * 0.95f) f = candidate;
                dl->AddText(f, px, p(op.points[0]), to_u32(c), t.c_str(), nullptr, wrap > 0 ? wrap : 0);
                break;
            }
            case DrawOp::Kind::Image: {
                if (op.points.size() < 2) break;
                const Texture& t = ui.textures.get(ctx.course, op.image);
                if (t.ok())
                    dl->AddImage(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(t.id)), p(op.points[0]),
                                 p(op.points[1]));
                else
                    dl->AddRectFilled(p(op.points[0]), p(op.points[1]), ui.palette.panel_border);
                break;
            }
        }
    }
    dl->PopClipRect();
    dl->AddRect(pos, end, ui.palette.panel_border, 0, 0, ui.palette.border);
    // Regions named for the trace, so a test can click them like a trainee.
    if (ui.trace.enabled() && ui.trace_controls)
        for (const DrawOp& op : ctx.display) {
            if (op.region.empty() || op.points.empty()) continue;
            ImVec2 a, b;
            if (op.kind == DrawOp::Kind::Circle) {
                const ImVec2 c = p(op.points[0]);
                const float r = static_cast<float>(op.radius) * scale * 0.7f;
                a = ImVec2(c.x - r, c.y - r), b = ImVec2(c.x + r, c.y + r);
            } else {
                a = b = p(op.points[0]);
                for (const Point& q : op.points) {
                    const ImVec2 v = p(q);
                    a = ImVec2(std::min(a.x, v.x), std::min(a.y, v.y)),
                    b = ImVec2(std::max(b.x, v.x), std::max(b.y, v.y));
                }
            }
            ui.trace.control("region." + op.region, a.x, a.y, b.x, b.y);
        }
    ImGui::SetCursorPosX(x);
    if (ctx.answerable) wrapped(ui, ui.tr("canvas.hint"), width, nullptr, ui.palette.text_dim);
}

}  // namespace

void draw_answer(Ui& ui, const ScreenContext& ctx, ScreenDraft& draft, float width) {
    ImGui::PushID(ctx.screen.id.c_str());
    switch (ctx.screen.kind) {
        case ScreenKind::Info:
            break;
        case ScreenKind::SingleChoice:
            draw_single(ui, ctx, draft, width);
            break;
        case ScreenKind::MultipleChoice:
            draw_multiple(ui, ctx, draft, width);
            break;
        case ScreenKind::TrueFalse:
            draw_true_false(ui, ctx, draft, width);
            break;
        case ScreenKind::Matching:
            draw_matching(ui, ctx, draft, width);
            break;
        case ScreenKind::Ordering:
            draw_ordering(ui, ctx, draft, width);
            break;
        case ScreenKind::Numeric:
        case ScreenKind::ShortText:
            draw_typed(ui, ctx, draft, width);
            break;
        case ScreenKind::Hotspot:
            draw_hotspot(ui, ctx, draft, width);
            break;
        case ScreenKind::Canvas:
            draw_canvas(ui, ctx, width);
            break;
    }
    ImGui::PopID();
}

std::optional<Response> draft_response(const Screen& s, const ScreenDraft& d, const LessonRuntime& runtime) {
    switch (s.kind) {
        case ScreenKind::Info:
            return std::nullopt;
        case ScreenKind::SingleChoice:
            if (d.choice) return ChoiceAnswer{*d.choice};
            return std::nullopt;
        case ScreenKind::MultipleChoice: {
            if (d.picked.empty()) return std::nullopt;
            ChoicesAnswer a;
            for (const auto& c : s.choices)  // in display order, as the trainee saw them
                if (d.picked.count(c.id)) a.ids.push_back(c.id);
            return a;
        }
        case ScreenKind::TrueFalse:
            if (d.flag) return FlagAnswer{*d.flag};
            return std::nullopt;
        case ScreenKind::Matching: {
            if (d.matches.size() < s.pairs.size()) return std::nullopt;
            PairsAnswer a;
            a.right_for_left = d.matches;
            return a;
        }
        case ScreenKind::Ordering:
            return OrderAnswer{d.order};
        case ScreenKind::Numeric:
            if (const auto v = parse_number(d.typed)) return NumberAnswer{*v};
            return std::nullopt;
        case ScreenKind::ShortText:
            if (d.typed.find_first_not_of(" \t") == std::string::npos) return std::nullopt;
            return TextAnswer{d.typed};
        case ScreenKind::Hotspot:
            if (d.points.empty()) return std::nullopt;
            return PointsAnswer{d.points};
        case ScreenKind::Canvas:
            return ClicksAnswer{runtime.canvas_clicks()};
    }
    return std::nullopt;
}

std::optional<double> parse_number(const std::string& typed) {
    std::string s;
    for (char c : typed) {
        if (c == ' ' || c == '\t') continue;
        s += c == ',' ? '.' : c;
    }
    if (!s.empty() && s[0] == '+') s.erase(0, 1);
    if (s.empty() || std::count(s.begin(), s.end(), '.') > 1) return std::nullopt;
    double v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

std::string format_number(double value, const std::string& lang) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.10g", value);
    std::string s = buf;
    if (lang == "ru")
        for (char& c : s)
            if (c == '.') c = ',';
    return s;
}

std::string describe_answer(Ui& ui, const Course& course, const Screen* screen, ScreenKind kind,
                            const nlohmann::json& answer) {
    if (answer.is_null()) return ui.tr("review.no_answer");
    const auto choice_text = [&](const std::string& id) -> std::string {
        if (screen)
            for (const auto& c : screen->choices)
                if (c.id == id) return ui.local(c.text, course);
        return id;
    };
    const auto join = [](const std::vector<std::string>& parts, const char* sep) {
        std::string out;
        for (const auto& p : parts) out += (out.empty() ? "" : sep) + p;
        return out;
    };
    try {
        const Response r = response_from_json(kind, answer);
        if (const auto* a = std::get_if<ChoiceAnswer>(&r)) return choice_text(a->id);
        if (const auto* a = std::get_if<ChoicesAnswer>(&r)) {
            std::vector<std::string> parts;
            for (const auto& id : a->ids) parts.push_back(choice_text(id));
            return parts.empty() ? ui.tr("review.nothing_selected") : join(parts, "; ");
        }
        if (const auto* a = std::get_if<FlagAnswer>(&r)) return a->value ? ui.tr("answer.true") : ui.tr("answer.false");
        if (const auto* a = std::get_if<PairsAnswer>(&r)) {
            std::vector<std::string> parts;
            for (const auto& [left, right] : a->right_for_left) {
                std::string l = left, rt = right;
                if (screen)
                    for (const auto& p : screen->pairs) {
                        if (p.id == left) l = ui.local(p.left, course);
                        if (p.id == right) rt = ui.local(p.right, course);
                    }
                parts.push_back(l + " \xE2\x86\x92 " + rt);
            }
            return join(parts, "; ");
        }
        if (const auto* a = std::get_if<OrderAnswer>(&r)) {
            std::vector<std::string> parts;
            for (const auto& id : a->ids) parts.push_back(choice_text(id));
            return join(parts, " \xE2\x86\x92 ");
        }
        if (const auto* a = std::get_if<NumberAnswer>(&r)) {
            std::string s = format_number(a->value, ui.lang);
            if (screen && !ui.local(screen->unit, course).empty()) s += " " + ui.local(screen->unit, course);
            return s;
        }
        if (const auto* a = std::get_if<TextAnswer>(&r)) return "\xC2\xAB" + a->text + "\xC2\xBB";
        if (const auto* a = std::get_if<PointsAnswer>(&r)) {
            std::vector<std::string> parts;
            for (const Point& p : a->points) {
                const std::string id = screen ? region_at(*screen, p) : std::string();
                std::string label = ui.tr("review.outside");
                if (screen)
                    for (const auto& reg : screen->regions)
                        if (reg.id == id) label = reg.label.empty() ? id : ui.local(reg.label, course);
                parts.push_back(label);
            }
            return ui.trf("review.clicked", {{"where", join(parts, "; ")}});
        }
        if (const auto* a = std::get_if<ClicksAnswer>(&r))
            return ui.trf("review.steps", {{"count", std::to_string(a->regions.size())}});
    } catch (const std::exception&) {
        // An answer this build cannot read is shown as recorded rather than hidden.
    }
    return answer.dump();
}

std::map<std::string, Screen> written_screens(const LessonDefinition& lesson) {
    std::map<std::string, Screen> out;
    std::vector<Problem> problems;
    ProblemList list(problems);
    const Location at{lesson.file, lesson.line};
    const auto add = [&](const nlohmann::json& def) {
        if (!def.is_object() || string_field(def, "type") == "dynamic") return;
        try {
            Screen s = read_screen(def, at, list);
            if (!s.id.empty()) out.emplace(s.id, std::move(s));
        } catch (const std::exception&) {
            // The review falls back to the screen id for anything it cannot read.
        }
    };
    for (const auto& def : lesson.entries) {
        if (def.is_object() && string_field(def, "type") == "pool") {
            const auto items = def.find("items");
            if (items != def.end() && (items->is_array() || items->is_object()))
                for (const auto& item : *items) add(item);
        } else {
            add(def);
        }
    }
    return out;
}

}  // namespace cbt::ui
