// Screen kinds by name, and geometry for regions and canvas hit-testing.
#include "course/screen.hpp"

#include <array>
#include <cmath>
#include <utility>

namespace cbt::course {
namespace {

constexpr std::array<std::pair<ScreenKind, const char*>, 10> kind_names{{
    {ScreenKind::Info, "info"},
    {ScreenKind::SingleChoice, "single"},
    {ScreenKind::MultipleChoice, "multiple"},
    {ScreenKind::TrueFalse, "truefalse"},
    {ScreenKind::Matching, "matching"},
    {ScreenKind::Ordering, "ordering"},
    {ScreenKind::Numeric, "numeric"},
    {ScreenKind::ShortText, "text_entry"},
    {ScreenKind::Hotspot, "hotspot"},
    {ScreenKind::Canvas, "canvas"},
}};

bool polygon_contains(const std::vector<Point>& pts, Point p) {
    bool inside = false;
    for (std::size_t i = 0, j = pts.size() - 1; i < pts.size(); j = i++) {
        const Point a = pts[i], b = pts[j];
        if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) inside = !inside;
    }
    return inside;
}

bool op_contains(const DrawOp& op, Point p) {
    switch (op.kind) {
        case DrawOp::Kind::Rect:
        case DrawOp::Kind::Image:
        case DrawOp::Kind::Text:
            return op.points.size() >= 2 && p.x >= op.points[0].x && p.x <= op.points[1].x &&
                   p.y >= op.points[0].y && p.y <= op.points[1].y;
        case DrawOp::Kind::Circle:
            return !op.points.empty() && std::hypot(p.x - op.points[0].x, p.y - op.points[0].y) <= op.radius;
        case DrawOp::Kind::Polygon:
            return op.points.size() >= 3 && polygon_contains(op.points, p);
        case DrawOp::Kind::Line:
            return false;
    }
    return false;
}

}  // namespace

const char* kind_name(ScreenKind kind) {
    for (const auto& [k, name] : kind_names)
        if (k == kind) return name;
    return "?";
}

std::optional<ScreenKind> kind_from_name(std::string_view name) {
    for (const auto& [k, n] : kind_names)
        if (name == n) return k;
    return std::nullopt;
}

bool Region::contains(Point p) const {
    if (const auto* r = std::get_if<Rect>(&shape)) return p.x >= r->x && p.x <= r->x + r->w && p.y >= r->y && p.y <= r->y + r->h;
    if (const auto* c = std::get_if<Circle>(&shape)) return std::hypot(p.x - c->x, p.y - c->y) <= c->r;
    const auto& poly = std::get<Polygon>(shape);
    return poly.points.size() >= 3 && polygon_contains(poly.points, p);
}

std::string hit_test(const DisplayList& ops, Point p) {
    for (auto it = ops.rbegin(); it != ops.rend(); ++it) {
        if (!it->region.empty() && op_contains(*it, p)) return it->region;
    }
    return {};
}

}  // namespace cbt::course
