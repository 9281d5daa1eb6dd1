// Exports of a class record for other systems: a CSV of finished attempts for people and
// spreadsheets, and xAPI 1.0.3 statements for a learning record store (LRS).
//
// CSV (RFC 4180, UTF-8, no byte order mark unless asked, CRLF line ends, header first):
//   trainee,trainee_id,service,id_number,seat,course,course_version,lesson,score,passed,started,finished
// One row per FINISHED attempt, by start time. `score` is a percentage with one decimal ("88.9");
// `passed` is "true" or "false"; times are ISO 8601 UTC to the second ("2026-11-27T09:15:02Z");
// `seat` is empty when the seat plan does not know the device. Fields are written as they are
// (no formula neutralising), so names in any script round-trip through parse_csv.
//
// xAPI: attempt_started -> "attempted" the lesson; response -> "answered" the screen, with
// result.success, result.score.scaled, result.response (the answer's JSON text) and duration;
// attempt_finished -> "passed" or "failed" the lesson, with score, success, completion true and
// duration. No separate "completed" statement: passed/failed already carry completion, and a
// second statement per attempt would only double what an LRS counts. Other events give none.
// Actor: an Agent with account {homePage: classroom IRI, name: learner id} and the roster name.
// Activities: <classroom_iri>/courses/<course>/lessons/<lesson>[/screens/<screen>].
// Ids are name-based UUIDs (see name_uuid): a statement's from its event's (device_id, seq), the
// registration from the attempt id. Exporting twice gives identical ids, so an LRS stores each
// statement once; it answers 409 if the same id comes with other content (a renamed trainee, a
// different classroom IRI), which is the LRS keeping its record rather than a duplicate.
#pragma once
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "report/people.hpp"

namespace cbt::report {

// Options for attempts_csv.
struct CsvOptions {
    // Starts the file with a UTF-8 byte order mark: older Excel needs it to read Cyrillic, most
    // other readers do not want it.
    bool byte_order_mark = false;
};

// The attempts CSV described above.
std::string attempts_csv(const ClassRecord& record, const CsvOptions& options = {});

// The xAPI statements described above, as a JSON array ordered by event time, then key.
// `classroom_iri` identifies this classroom (e.g. "https://academy.example/cbt/room-3"); a
// trailing '/' is ignored.
nlohmann::json xapi_statements(const ClassRecord& record, const std::string& classroom_iri);

// ISO 8601 UTC to the second, the fraction dropped: "2026-11-27T09:15:02Z".
std::string iso8601_seconds(std::int64_t at_ms);
// ISO 8601 UTC with milliseconds, for xAPI timestamps: "2026-11-27T09:15:02.345Z".
std::string iso8601_millis(std::int64_t at_ms);
// An ISO 8601 duration to the hundredth of a second, as xAPI asks: "PT1H2M3.45S"; never negative.
std::string iso8601_duration(std::int64_t ms);

// A name-based UUID (RFC 9562 version 8, RFC 4122 variant): the first 16 bytes of SHA-256(name)
// with the version nibble set to 8 and the variant bits to 10. Version 8 says "custom", which is
// honest: version 5 would promise SHA-1. xAPI 1.0.3 accepts "all versions of variant 2"; a store
// whose own check admits only versions 1-5 would refuse these ids.
std::string name_uuid(std::string_view name);
// A statement's id: name_uuid("cbt-event:" + device_id + ":" + decimal seq).
std::string statement_id(std::string_view device_id, std::int64_t seq);
// An attempt's xAPI registration: name_uuid("cbt-attempt:" + attempt_id).
std::string registration_id(std::string_view attempt_id);

}  // namespace cbt::report
