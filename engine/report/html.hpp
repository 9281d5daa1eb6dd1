// Printable pages for one trainee: a transcript and a certificate of the lessons passed, each one
// self-contained HTML file (inline styles, no scripts or links) that prints anywhere. The page's
// words are English or Russian; names and titles are always escaped.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "course/text.hpp"
#include "report/transcript.hpp"

namespace cbt::report {

// How a page is written.
struct HtmlOptions {
    std::string lang = "en";                          // "ru" or "en" for the page's words; others read as English
    std::string classroom;                            // named in the footer (classroom name or id)
    std::string issuer;                               // the training centre or instructor, on the certificate
    std::int64_t generated_at_ms = 0;                 // shown in the footer; 0 leaves it out
    int utc_offset_minutes = 0;                       // times are shown in this zone, with the offset written
    std::map<std::string, course::LocalText> titles;  // "course" or "course/lesson" -> title; ids stand in
};

// The trainee's transcript: who, a table per lesson (attempts, best and last score, passed, time
// on task), then every attempt (start, seat, score, result, duration).
std::string transcript_html(const Transcript& transcript, const HtmlOptions& options);

// A certificate naming the lessons passed (in `course` only, when given) with the best score of
// each and the date of the last pass. With no lesson passed it says so instead of certifying.
std::string certificate_html(const Transcript& transcript, const HtmlOptions& options, const std::string& course = {});

// Text made safe to place in HTML element content and attribute values.
std::string html_escape(std::string_view text);

}  // namespace cbt::report
