// Plain-text rendering of screens for `cbt play`.
#include "screen_text.hpp"

#include <cstdio>
#include <sstream>

namespace cbt::apps {
using namespace cbt::course;

namespace {

std::string format_number(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%g", v);
    return buffer;
}

}  // namespace

std::string screen_as_text(const Screen& s, const DisplayList& display, const std::string& lang, const std::string& dl) {
    std::ostringstream out;
    const auto text = [&](const LocalText& t) { return t.in(lang, dl); };
    if (!s.title.empty()) out << "# " << text(s.title) << "\n";
    for (const Block& b : s.body) {
        if (const auto* p = std::get_if<Paragraph>(&b)) out << text(p->text) << "\n";
        else if (const auto* h = std::get_if<Heading>(&b)) out << "## " << text(h->text) << "\n";
        else if (const auto* l = std::get_if<BulletList>(&b)) {
            int n = 1;
            for (const auto& item : l->items) out << (l->numbered ? "  " + std::to_string(n++) + ". " : "  - ") << text(item) << "\n";
        } else if (const auto* pic = std::get_if<Picture>(&b)) {
            out << "[image " << pic->file << (pic->caption.empty() ? "" : ": " + text(pic->caption)) << "]\n";
        }
    }
    if (!s.prompt.empty()) out << "? " << text(s.prompt) << "\n";
    switch (s.kind) {
        case ScreenKind::SingleChoice:
        case ScreenKind::MultipleChoice:
        case ScreenKind::Ordering: {
            int n = 1;
            for (const auto& c : s.choices) out << "  " << n++ << ") [" << c.id << "] " << text(c.text) << "\n";
            if (s.kind == ScreenKind::MultipleChoice) out << "  (select all that apply: type the numbers, e.g. 1 3)\n";
            if (s.kind == ScreenKind::Ordering) out << "  (type the numbers in the right order, e.g. 2 1 3)\n";
            break;
        }
        case ScreenKind::TrueFalse:
            out << "  1) true   2) false\n";
            break;
        case ScreenKind::Matching: {
            for (std::size_t i = 0; i < s.pairs.size(); ++i) out << "  " << char('A' + i) << ") " << text(s.pairs[i].left) << "\n";
            int n = 1;
            for (const auto& id : s.right_order)
                for (const auto& p : s.pairs)
                    if (p.id == id) out << "     " << n++ << ") " << text(p.right) << "\n";
            out << "  (for A, B, ... type the matching number, e.g. 2 1 3)\n";
            break;
        }
        case ScreenKind::Numeric:
            out << "  (a number" << (s.unit.empty() ? "" : ", in " + text(s.unit)) << ")\n";
            break;
        case ScreenKind::ShortText:
            out << "  (type the answer)\n";
            break;
        case ScreenKind::Hotspot:
            out << "[image " << s.image << ", " << format_number(s.width) << "x" << format_number(s.height) << "]\n";
            for (const auto& r : s.regions)
                if (!r.label.empty()) out << "  region " << r.id << ": " << text(r.label) << "\n";
            out << "  (type x y of the place to click)\n";
            break;
        case ScreenKind::Canvas:
            for (const auto& op : display) {
                if (op.kind == DrawOp::Kind::Text) out << "  \"" << text(op.text) << "\"\n";
                if (!op.region.empty()) out << "  [clickable: " << op.region << "]\n";
            }
            out << "  (type a region to click, or 'submit')\n";
            break;
        case ScreenKind::Info:
            break;
    }
    return out.str();
}

std::string outcome_as_text(const Outcome& o, const std::string& lang, const std::string& dl) {
    std::ostringstream out;
    out << (o.correct ? "  correct" : o.score > 0 ? "  partly correct" : "  not correct") << " (score "
        << format_number(o.score) << ")";
    if (!o.settled) out << " - " << o.tries_left << " tries left";
    out << "\n";
    for (const auto& f : o.feedback) out << "  > " << f.in(lang, dl) << "\n";
    if (!o.explanation.empty()) out << "  " << o.explanation.in(lang, dl) << "\n";
    return out.str();
}

}  // namespace cbt::apps
