// The typed model of one lesson screen, built from the plain data a lesson's Lua produces.
// The kiosk renders it; tests and `cbt play` inspect it. No Lua types leak out of here.
#pragma once
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "course/text.hpp"

namespace cbt::course {

// [SECTION] Kinds
enum class ScreenKind {
    Info,            // reading only: title, paragraphs, lists, images
    SingleChoice,    // one correct choice
    MultipleChoice,  // "select all that apply"
    TrueFalse,
    Matching,        // pair each left item with a right item
    Ordering,        // put items in the right order
    Numeric,         // a number within a tolerance
    ShortText,       // typed text compared with accepted answers
    Hotspot,         // click the right places on an image
    Canvas,          // a simulation drawn from a Lua display list, clicked through regions
};

// The name authors use for a kind ("single", "multiple", ...).
const char* kind_name(ScreenKind kind);
// Parses an author's kind name; empty for an unknown one.
std::optional<ScreenKind> kind_from_name(std::string_view name);
// True for every kind that is answered and scored.
inline bool is_question(ScreenKind kind) { return kind != ScreenKind::Info; }

// [SECTION] Content blocks
// Each block keeps the line its constructor was written on (0 when written as a plain string).
struct Paragraph { LocalText text; int line = 0; };
struct Heading { LocalText text; int line = 0; };
struct BulletList { std::vector<LocalText> items; bool numbered = false; int line = 0; };
struct Picture {
    std::string file;     // path inside the course folder
    LocalText caption;
    LocalText alt;        // said instead of the picture when it cannot be shown
    int line = 0;
};
using Block = std::variant<Paragraph, Heading, BulletList, Picture>;

// [SECTION] Question parts
struct Choice {
    std::string id;
    LocalText text;
    LocalText feedback;   // shown after answering when this choice was picked
};

struct MatchPair {
    std::string id;
    LocalText left;
    LocalText right;
};

struct Point { double x = 0, y = 0; bool operator==(const Point&) const = default; };

// A clickable area in image or canvas coordinates; exactly one shape is set.
struct Region {
    struct Rect { double x, y, w, h; };
    struct Circle { double x, y, r; };
    struct Polygon { std::vector<Point> points; };
    std::string id;
    std::variant<Rect, Circle, Polygon> shape;
    LocalText label;
    LocalText feedback;
    bool contains(Point p) const;
};

// [SECTION] Canvas display list
struct Color { unsigned char r = 0, g = 0, b = 0, a = 255; bool operator==(const Color&) const = default; };

struct DrawOp {
    enum class Kind { Rect, Circle, Line, Polygon, Text, Image };
    Kind kind = Kind::Rect;
    std::vector<Point> points;   // Rect: top-left, bottom-right; Circle: centre; Line: ends; Polygon: corners
    double radius = 0;           // Circle
    std::optional<Color> fill;
    std::optional<Color> stroke;
    double line_width = 1;
    LocalText text;              // Text
    double text_size = 20;       // Text, in canvas units
    std::string image;           // Image: file inside the course folder
    std::string region;          // non-empty: clicking this shape sends the region id to the lesson
};
using DisplayList = std::vector<DrawOp>;

// Topmost op under a point that carries a region; empty when none.
std::string hit_test(const DisplayList& ops, Point p);

// [SECTION] Screen
struct Screen {
    std::string id;
    ScreenKind kind = ScreenKind::Info;
    std::string file;   // course-relative file and line where the author wrote it
    int line = 0;

    LocalText title;
    std::vector<Block> body;
    LocalText prompt;
    LocalText explanation;   // shown once the question is settled

    // Choices (single, multiple), items (ordering, in display order), pairs (matching).
    std::vector<Choice> choices;
    std::vector<MatchPair> pairs;
    std::vector<std::string> right_order;   // matching: right-hand ids in display order

    // Answer keys.
    std::vector<std::string> correct_ids;   // single/multiple choices; hotspot regions
    std::vector<std::string> correct_order; // ordering
    bool correct_flag = false;              // true/false
    double number = 0, tolerance = 0;       // numeric
    LocalText unit;                         // numeric, shown beside the field
    std::vector<std::string> accepted;      // short text, any language

    // Hotspot image and regions.
    std::string image;
    double width = 0, height = 0;           // hotspot image / canvas size in its own units
    std::vector<Region> regions;
    int max_points = 1;                     // hotspot: clicks allowed

    // Scoring rules.
    double weight = 1;
    int attempts = 1;                       // tries allowed before the answer is settled
    bool partial_credit = true;             // multiple, matching, ordering, hotspot
    bool custom_score = false;              // a Lua `score` hook decides
    bool has_solution = false;              // the author declared a solution (canvas, custom)
    bool has_branching = false;             // `next` is a Lua hook
    std::string next_id;                    // fixed `next`, or empty for the following screen
};

}  // namespace cbt::course
