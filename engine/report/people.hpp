// The classroom's record as reports read it: every event the host holds, plus the roster and the
// seat plan from its database. Reports never look anything up elsewhere, so they stay pure.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "course/text.hpp"
#include "store/journal.hpp"

namespace cbt::report {

// A trainee on the roster.
struct Person {
    std::string id;         // learner id, as events carry it
    std::string name;       // full name as the instructor typed it (any script)
    std::string service;    // customs, border guard, drug control, ...
    std::string id_number;  // the officer's service ID number
};

// Everything a report needs; the host fills it from classroom.db.
struct ClassRecord {
    std::vector<store::Event> events;      // any order, any devices; repeats of a key are harmless
    std::map<std::string, Person> people;  // by learner id; a learner missing here is shown by id
    std::map<std::string, int> seats;      // device id -> seat number
    // Optional titles for exported activities, keyed "course" or "course/lesson"; ids stand in.
    std::map<std::string, course::LocalText> titles;
};

// The name to show for a learner: the roster's name, else the id (events may precede the roster).
inline std::string display_name(const ClassRecord& record, const std::string& learner) {
    const auto it = record.people.find(learner);
    return it != record.people.end() && !it->second.name.empty() ? it->second.name : learner;
}

}  // namespace cbt::report
