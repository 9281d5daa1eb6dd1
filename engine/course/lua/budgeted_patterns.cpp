// Lua 5.4 patterns (manual §6.4.1) for find/match/gmatch/gsub, with every unit of matching work
// counted and periodically handed to a charge callback that may raise a Lua error.
// Errors leave through longjmp, so nothing below the lua_CFunction entry points owns a resource:
// all matching state is plain data, and gsub builds its output in a luaL_Buffer.
#include "course/lua/budgeted_patterns.hpp"

#include <cctype>
#include <cstdarg>
#include <cstddef>
#include <cstdlib>
#include <cstring>

#include <lua.hpp>

namespace cbt::course::lua {
namespace {

constexpr int max_captures = 32;      // Lua's LUA_MAXCAPTURES; scripts may rely on the limit
constexpr int max_match_depth = 200;  // Lua's own nesting limit, which also bounds our C stack
constexpr std::uint64_t charge_interval = 1000;
// Bulk byte work (memcmp, copies, set scans) is cheap per byte; this keeps a step roughly
// comparable in cost to one character comparison in the backtracking loop.
constexpr std::size_t bytes_per_step = 32;

constexpr char escape_char = '%';
constexpr std::ptrdiff_t capture_open = -1;
constexpr std::ptrdiff_t capture_position = -2;

struct Capture {
    const char* start;
    std::ptrdiff_t length;  // capture_open while unclosed, capture_position for "()"
};

struct MatchState {
    lua_State* L;
    ChargeSteps charge;
    const char* subject;
    const char* subject_end;
    const char* pattern_end;
    int depth_left;
    int level;  // number of captures started
    std::uint64_t pending_steps;
    Capture captures[max_captures];
};

// luaL_error is not declared noreturn; this wrapper lets the compiler (and readers) know.
[[noreturn]] void raise_error(lua_State* L, const char* format, ...) {
    va_list args;
    va_start(args, format);
    luaL_where(L, 1);
    lua_pushvfstring(L, format, args);
    va_end(args);
    lua_concat(L, 2);
    lua_error(L);
    std::abort();
}

unsigned char byte_at(const char* p) { return static_cast<unsigned char>(*p); }

void init_state(MatchState& ms, lua_State* L, ChargeSteps charge, const char* subject,
                std::size_t subject_len, const char* pattern, std::size_t pattern_len) {
    ms.L = L;
    ms.charge = charge;
    ms.subject = subject;
    ms.subject_end = subject + subject_len;
    ms.pattern_end = pattern + pattern_len;
    ms.depth_left = max_match_depth;
    ms.level = 0;
    ms.pending_steps = 0;
}

// Every attempt at a new subject position starts with no captures and a full depth allowance.
void restart(MatchState& ms) {
    ms.level = 0;
    ms.depth_left = max_match_depth;
}

void spend(MatchState& ms, std::uint64_t steps) {
    ms.pending_steps += steps;
    if (ms.pending_steps >= charge_interval) {
        const std::uint64_t due = ms.pending_steps;
        ms.pending_steps = 0;
        ms.charge(ms.L, due);
    }
}

void spend_bytes(MatchState& ms, std::size_t bytes) { spend(ms, 1 + bytes / bytes_per_step); }

// Without this, many short calls would each stay under the interval and never be charged.
void settle(MatchState& ms) {
    if (ms.pending_steps > 0) {
        const std::uint64_t due = ms.pending_steps;
        ms.pending_steps = 0;
        ms.charge(ms.L, due);
    }
}

ChargeSteps charge_upvalue(lua_State* L) {
    return *static_cast<ChargeSteps*>(lua_touserdata(L, lua_upvalueindex(1)));
}

// Uses the same <cctype> calls as Lua so both agree under whatever locale the host has set.
// 'z' (the NUL byte) is undocumented since 5.2 but still honoured by Lua 5.4.
bool in_class(unsigned char c, unsigned char class_letter) {
    bool hit = false;
    switch (std::tolower(class_letter)) {
    case 'a': hit = std::isalpha(c) != 0; break;
    case 'c': hit = std::iscntrl(c) != 0; break;
    case 'd': hit = std::isdigit(c) != 0; break;
    case 'g': hit = std::isgraph(c) != 0; break;
    case 'l': hit = std::islower(c) != 0; break;
    case 'p': hit = std::ispunct(c) != 0; break;
    case 's': hit = std::isspace(c) != 0; break;
    case 'u': hit = std::isupper(c) != 0; break;
    case 'w': hit = std::isalnum(c) != 0; break;
    case 'x': hit = std::isxdigit(c) != 0; break;
    case 'z': hit = c == 0; break;
    default: return class_letter == c;  // "%." and friends: the escaped character itself
    }
    return std::isupper(class_letter) ? !hit : hit;
}

// Returns the end of the single-character item at `p` (a literal, '.', "%x" or "[set]").
// Malformed items are reported only when the matcher reaches them, exactly as Lua does, so a
// broken tail after a failing prefix is not an error.
const char* item_end(MatchState& ms, const char* p) {
    const char* const end = ms.pattern_end;
    const char first = *p++;
    if (first == escape_char) {
        if (p >= end) raise_error(ms.L, "malformed pattern (ends with '%%')");
        return p + 1;
    }
    if (first != '[') return p;
    if (p < end && *p == '^') ++p;
    // The first member is consumed before looking for ']', which is how "[]]" and "[^]]"
    // get a literal ']'. An escape hides the character after it, including ']'.
    do {
        if (p >= end) raise_error(ms.L, "malformed pattern (missing ']')");
        const char member = *p++;
        if (member == escape_char && p < end) ++p;
    } while (p >= end || *p != ']');
    return p + 1;
}

// `open` points at '[' and `close` at the ']' that item_end found.
// A range needs a plain (unescaped) first character and a character after '-' that is not the
// closing bracket; anything else is a literal. These rules also decide odd sets like "[a-%%]".
bool set_contains(const char* open, const char* close, unsigned char c) {
    const char* q = open + 1;
    bool negated = false;
    if (*q == '^') {
        negated = true;
        ++q;
    }
    for (; q < close; ++q) {
        if (*q == escape_char) {
            ++q;
            if (in_class(c, byte_at(q))) return !negated;
        } else if (q + 2 < close && q[1] == '-') {
            if (byte_at(q) <= c && c <= byte_at(q + 2)) return !negated;
            q += 2;
        } else if (byte_at(q) == c) {
            return !negated;
        }
    }
    return negated;
}

std::uint64_t item_cost(const char* p, const char* ep) {
    return 1 + static_cast<std::uint64_t>(ep - p) / bytes_per_step;
}

bool item_matches(const MatchState& ms, const char* s, const char* p, const char* ep) {
    if (s >= ms.subject_end) return false;
    const unsigned char c = byte_at(s);
    switch (*p) {
    case '.': return true;
    case escape_char: return in_class(c, byte_at(p + 1));
    case '[': return set_contains(p, ep - 1, c);
    default: return byte_at(p) == c;
    }
}

const char* match(MatchState& ms, const char* s, const char* p);

// Greedy repetition: take as many as possible, then give them back one at a time.
const char* match_greedy(MatchState& ms, const char* s, const char* p, const char* ep) {
    const std::uint64_t cost = item_cost(p, ep);
    std::ptrdiff_t count = 0;
    while (item_matches(ms, s + count, p, ep)) {
        spend(ms, cost);
        ++count;
    }
    for (;; --count) {
        if (const char* end = match(ms, s + count, ep + 1)) return end;
        if (count == 0) return nullptr;
    }
}

// Lazy repetition: try the rest of the pattern first, extend by one item only when it fails.
const char* match_lazy(MatchState& ms, const char* s, const char* p, const char* ep) {
    const std::uint64_t cost = item_cost(p, ep);
    for (;;) {
        if (const char* end = match(ms, s, ep + 1)) return end;
        spend(ms, cost);
        if (!item_matches(ms, s, p, ep)) return nullptr;
        ++s;
    }
}

const char* open_capture(MatchState& ms, const char* s, const char* p, std::ptrdiff_t kind) {
    if (ms.level >= max_captures) raise_error(ms.L, "too many captures");
    ms.captures[ms.level].start = s;
    ms.captures[ms.level].length = kind;
    ++ms.level;
    const char* end = match(ms, s, p);
    if (end == nullptr) --ms.level;  // backtracking: forget the capture we opened
    return end;
}

const char* close_capture(MatchState& ms, const char* s, const char* p) {
    int index = ms.level - 1;
    while (index >= 0 && ms.captures[index].length != capture_open) --index;
    if (index < 0) raise_error(ms.L, "invalid pattern capture");
    Capture& capture = ms.captures[index];
    capture.length = s - capture.start;
    const char* end = match(ms, s, p);
    if (end == nullptr) capture.length = capture_open;
    return end;
}

// `p` points just after "%b".
const char* match_balanced(MatchState& ms, const char* s, const char* p) {
    if (ms.pattern_end - p < 2) {
        raise_error(ms.L, "malformed pattern (missing arguments to '%%b')");
    }
    const char opener = p[0];
    const char closer = p[1];
    if (s >= ms.subject_end || *s != opener) return nullptr;
    // The closer is tested first so that "%b''" pairs quotes instead of nesting them.
    std::ptrdiff_t depth = 1;
    while (++s < ms.subject_end) {
        spend(ms, 1);
        if (*s == closer) {
            if (--depth == 0) return s + 1;
        } else if (*s == opener) {
            ++depth;
        }
    }
    return nullptr;
}

const char* match_back_reference(MatchState& ms, const char* s, char digit) {
    const int index = digit - '1';
    if (index < 0 || index >= ms.level || ms.captures[index].length == capture_open) {
        raise_error(ms.L, "invalid capture index %%%d", index + 1);
    }
    const Capture& capture = ms.captures[index];
    // A position capture has no text; Lua lets a reference to it fail rather than error.
    if (capture.length < 0) return nullptr;
    const auto length = static_cast<std::size_t>(capture.length);
    if (static_cast<std::size_t>(ms.subject_end - s) < length) return nullptr;
    spend_bytes(ms, length);
    if (std::memcmp(capture.start, s, length) != 0) return nullptr;
    return s + length;
}

// Matches pattern `p` against the subject from `s`, returning the end of the match or null.
// Plain items are consumed in a loop; only choices that may need undoing (captures and the
// quantifiers once they have matched) recurse, which is what the depth limit counts.
const char* match_here(MatchState& ms, const char* s, const char* p) {
    const char* const end = ms.pattern_end;
    for (;;) {
        spend(ms, 1);
        if (p == end) return s;
        switch (*p) {
        case '(':
            if (p + 1 < end && p[1] == ')') return open_capture(ms, s, p + 2, capture_position);
            return open_capture(ms, s, p + 1, capture_open);
        case ')':
            return close_capture(ms, s, p + 1);
        case '$':
            if (p + 1 == end) return s == ms.subject_end ? s : nullptr;
            break;  // elsewhere '$' is an ordinary character
        case escape_char:
            if (p + 1 < end) {
                const char code = p[1];
                if (code == 'b') {
                    s = match_balanced(ms, s, p + 2);
                    if (s == nullptr) return nullptr;
                    p += 4;
                    continue;
                }
                if (code == 'f') {
                    p += 2;
                    if (p >= end || *p != '[') {
                        raise_error(ms.L, "missing '[' after '%%f' in pattern");
                    }
                    const char* set_end = item_end(ms, p);
                    // Outside the subject the frontier sees NUL characters.
                    const unsigned char before = s == ms.subject ? 0 : byte_at(s - 1);
                    const unsigned char here = s < ms.subject_end ? byte_at(s) : 0;
                    spend(ms, item_cost(p, set_end));
                    if (set_contains(p, set_end - 1, before) ||
                        !set_contains(p, set_end - 1, here)) {
                        return nullptr;
                    }
                    p = set_end;
                    continue;
                }
                if (code >= '0' && code <= '9') {
                    s = match_back_reference(ms, s, code);
                    if (s == nullptr) return nullptr;
                    p += 2;
                    continue;
                }
            }
            break;
        default:
            break;
        }

        const char* ep = item_end(ms, p);
        const char quantifier = ep < end ? *ep : '\0';
        spend(ms, item_cost(p, ep));
        if (!item_matches(ms, s, p, ep)) {
            if (quantifier == '*' || quantifier == '?' || quantifier == '-') {
                p = ep + 1;  // zero repetitions, nothing to undo later
                continue;
            }
            return nullptr;
        }
        switch (quantifier) {
        case '?':
            if (const char* match_end = match(ms, s + 1, ep + 1)) return match_end;
            p = ep + 1;
            continue;
        case '+': return match_greedy(ms, s + 1, p, ep);
        case '*': return match_greedy(ms, s, p, ep);
        case '-': return match_lazy(ms, s, p, ep);
        default:
            ++s;
            p = ep;
            continue;
        }
    }
}

const char* match(MatchState& ms, const char* s, const char* p) {
    if (ms.depth_left == 0) raise_error(ms.L, "pattern too complex");
    --ms.depth_left;
    const char* end = match_here(ms, s, p);
    ++ms.depth_left;
    return end;
}

// Pushes capture `index`; with no captures at all, index 0 stands for the whole match.
void push_capture(MatchState& ms, int index, const char* s, const char* e) {
    if (index >= ms.level) {
        if (index != 0) raise_error(ms.L, "invalid capture index %%%d", index + 1);
        spend_bytes(ms, static_cast<std::size_t>(e - s));
        lua_pushlstring(ms.L, s, static_cast<std::size_t>(e - s));
        return;
    }
    const Capture& capture = ms.captures[index];
    if (capture.length == capture_open) raise_error(ms.L, "unfinished capture");
    if (capture.length == capture_position) {
        lua_pushinteger(ms.L, static_cast<lua_Integer>(capture.start - ms.subject) + 1);
        return;
    }
    spend_bytes(ms, static_cast<std::size_t>(capture.length));
    lua_pushlstring(ms.L, capture.start, static_cast<std::size_t>(capture.length));
}

// find passes whole_match_if_none=false: it already returned the match bounds.
int push_captures(MatchState& ms, const char* s, const char* e, bool whole_match_if_none) {
    const int count = (ms.level == 0 && whole_match_if_none) ? 1 : ms.level;
    luaL_checkstack(ms.L, count, "too many captures");
    for (int i = 0; i < count; ++i) push_capture(ms, i, s, e);
    return count;
}

// Lua's reading of an init argument, as a 0-based offset that may lie past the end.
std::size_t start_offset(lua_Integer init, std::size_t length) {
    if (init > 0) return static_cast<std::size_t>(init) - 1;
    if (init == 0 || init < -static_cast<lua_Integer>(length)) return 0;
    return length - static_cast<std::size_t>(-init);
}

// find treats a pattern without any of these as plain text (so e.g. ")" is not an error).
bool has_specials(const char* pattern, std::size_t length) {
    static constexpr char specials[] = "^$*+?.([%-";
    for (std::size_t i = 0; i < length; ++i) {
        if (pattern[i] != '\0' && std::strchr(specials, pattern[i]) != nullptr) return true;
    }
    return false;
}

const char* plain_search(MatchState& ms, const char* from, const char* needle,
                         std::size_t needle_len) {
    if (needle_len == 0) return from;
    const char* const end = ms.subject_end;
    if (static_cast<std::size_t>(end - from) < needle_len) return nullptr;
    const char* const last_start = end - needle_len;
    const char* s = from;
    while (s <= last_start) {
        const char* hit = static_cast<const char*>(
            std::memchr(s, needle[0], static_cast<std::size_t>(last_start - s) + 1));
        spend_bytes(ms, static_cast<std::size_t>((hit ? hit : last_start) - s));
        if (hit == nullptr) return nullptr;
        spend_bytes(ms, needle_len);
        if (std::memcmp(hit + 1, needle + 1, needle_len - 1) == 0) return hit;
        s = hit + 1;
    }
    return nullptr;
}

int find_or_match(lua_State* L, bool is_find) {
    std::size_t subject_len = 0;
    std::size_t pattern_len = 0;
    const char* subject = luaL_checklstring(L, 1, &subject_len);
    const char* pattern = luaL_checklstring(L, 2, &pattern_len);
    const std::size_t init = start_offset(luaL_optinteger(L, 3, 1), subject_len);
    if (init > subject_len) {
        luaL_pushfail(L);
        return 1;
    }
    MatchState ms;
    init_state(ms, L, charge_upvalue(L), subject, subject_len, pattern, pattern_len);

    if (is_find && (lua_toboolean(L, 4) || !has_specials(pattern, pattern_len))) {
        const char* hit = plain_search(ms, subject + init, pattern, pattern_len);
        settle(ms);
        if (hit == nullptr) {
            luaL_pushfail(L);
            return 1;
        }
        lua_pushinteger(L, static_cast<lua_Integer>(hit - subject) + 1);
        lua_pushinteger(L, static_cast<lua_Integer>(hit - subject + pattern_len));
        return 2;
    }

    const bool anchored = pattern_len > 0 && pattern[0] == '^';
    const char* p = anchored ? pattern + 1 : pattern;
    const char* s = subject + init;
    for (;;) {
        restart(ms);
        if (const char* e = match(ms, s, p)) {
            if (is_find) {
                lua_pushinteger(L, static_cast<lua_Integer>(s - subject) + 1);
                lua_pushinteger(L, static_cast<lua_Integer>(e - subject));
                const int count = push_captures(ms, nullptr, nullptr, false) + 2;
                settle(ms);
                return count;
            }
            const int count = push_captures(ms, s, e, true);
            settle(ms);
            return count;
        }
        if (anchored || s >= ms.subject_end) break;
        ++s;
    }
    settle(ms);
    luaL_pushfail(L);
    return 1;
}

int budgeted_find(lua_State* L) { return find_or_match(L, true); }

int budgeted_match(lua_State* L) { return find_or_match(L, false); }

struct GmatchCursor {
    std::size_t next;  // offset where the next search starts; may be length + 1
    std::size_t last_end;
    bool has_last;
};

// Upvalues: charge, subject, pattern, cursor. A leading '^' is literal here, as in Lua 5.4.
int gmatch_step(lua_State* L) {
    std::size_t subject_len = 0;
    std::size_t pattern_len = 0;
    const char* subject = lua_tolstring(L, lua_upvalueindex(2), &subject_len);
    const char* pattern = lua_tolstring(L, lua_upvalueindex(3), &pattern_len);
    auto* cursor = static_cast<GmatchCursor*>(lua_touserdata(L, lua_upvalueindex(4)));
    MatchState ms;
    init_state(ms, L, charge_upvalue(L), subject, subject_len, pattern, pattern_len);
    for (std::size_t at = cursor->next; at <= subject_len; ++at) {
        restart(ms);
        const char* e = match(ms, subject + at, pattern);
        // Lua 5.4 skips a match ending where the previous one ended (an empty match right
        // after a non-empty one), so "%a*" over "ab" yields only "ab".
        if (e == nullptr || (cursor->has_last && e == subject + cursor->last_end)) continue;
        cursor->next = cursor->last_end = static_cast<std::size_t>(e - subject);
        cursor->has_last = true;
        const int count = push_captures(ms, subject + at, e, true);
        settle(ms);
        return count;
    }
    cursor->next = subject_len + 1;
    settle(ms);
    return 0;
}

int budgeted_gmatch(lua_State* L) {
    std::size_t subject_len = 0;
    luaL_checklstring(L, 1, &subject_len);
    luaL_checkstring(L, 2);
    std::size_t init = start_offset(luaL_optinteger(L, 3, 1), subject_len);
    if (init > subject_len) init = subject_len + 1;
    lua_settop(L, 2);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_pushvalue(L, 1);
    lua_pushvalue(L, 2);
    auto* cursor = static_cast<GmatchCursor*>(lua_newuserdatauv(L, sizeof(GmatchCursor), 0));
    cursor->next = init;
    cursor->last_end = 0;
    cursor->has_last = false;
    lua_pushcclosure(L, gmatch_step, 4);
    return 1;
}

void append_capture(MatchState& ms, luaL_Buffer* out, int index, const char* s, const char* e) {
    if (index >= ms.level) {
        if (index != 0) raise_error(ms.L, "invalid capture index %%%d", index + 1);
        spend_bytes(ms, static_cast<std::size_t>(e - s));
        luaL_addlstring(out, s, static_cast<std::size_t>(e - s));
        return;
    }
    const Capture& capture = ms.captures[index];
    if (capture.length == capture_open) raise_error(ms.L, "unfinished capture");
    if (capture.length == capture_position) {
        lua_pushinteger(ms.L, static_cast<lua_Integer>(capture.start - ms.subject) + 1);
        luaL_addvalue(out);
        return;
    }
    spend_bytes(ms, static_cast<std::size_t>(capture.length));
    luaL_addlstring(out, capture.start, static_cast<std::size_t>(capture.length));
}

// Expands a gsub replacement string; "%" must be followed by a digit or another "%".
void append_template(MatchState& ms, luaL_Buffer* out, const char* s, const char* e,
                     const char* text, std::size_t text_len) {
    spend_bytes(ms, text_len);
    const char* const text_end = text + text_len;
    while (text < text_end) {
        const auto* escape = static_cast<const char*>(
            std::memchr(text, escape_char, static_cast<std::size_t>(text_end - text)));
        if (escape == nullptr) {
            luaL_addlstring(out, text, static_cast<std::size_t>(text_end - text));
            return;
        }
        luaL_addlstring(out, text, static_cast<std::size_t>(escape - text));
        const char code = escape + 1 < text_end ? escape[1] : '\0';
        if (code == escape_char) {
            luaL_addchar(out, escape_char);
        } else if (code == '0') {
            spend_bytes(ms, static_cast<std::size_t>(e - s));
            luaL_addlstring(out, s, static_cast<std::size_t>(e - s));
        } else if (code >= '1' && code <= '9') {
            append_capture(ms, out, code - '1', s, e);
        } else {
            raise_error(ms.L, "invalid use of '%c' in replacement string", escape_char);
        }
        text = escape + 2;
    }
}

// Returns whether the output differs from the matched text's source (for Lua parity only:
// an unchanged subject is returned as the original string).
bool append_replacement(MatchState& ms, luaL_Buffer* out, const char* s, const char* e,
                        int replacement_type, const char* text, std::size_t text_len) {
    lua_State* L = ms.L;
    if (replacement_type == LUA_TFUNCTION) {
        lua_pushvalue(L, 3);
        const int count = push_captures(ms, s, e, true);
        lua_call(L, count, 1);
    } else if (replacement_type == LUA_TTABLE) {
        push_capture(ms, 0, s, e);
        lua_gettable(L, 3);
    } else {
        append_template(ms, out, s, e, text, text_len);
        return true;
    }
    if (!lua_toboolean(L, -1)) {  // false or nil keeps the matched text
        lua_pop(L, 1);
        spend_bytes(ms, static_cast<std::size_t>(e - s));
        luaL_addlstring(out, s, static_cast<std::size_t>(e - s));
        return false;
    }
    if (!lua_isstring(L, -1)) {
        raise_error(L, "invalid replacement value (a %s)", luaL_typename(L, -1));
    }
    std::size_t value_len = 0;
    lua_tolstring(L, -1, &value_len);
    spend_bytes(ms, value_len);
    luaL_addvalue(out);
    return true;
}

int budgeted_gsub(lua_State* L) {
    std::size_t subject_len = 0;
    std::size_t pattern_len = 0;
    const char* subject = luaL_checklstring(L, 1, &subject_len);
    const char* pattern = luaL_checklstring(L, 2, &pattern_len);
    const int replacement_type = lua_type(L, 3);
    const lua_Integer max_replacements =
        luaL_optinteger(L, 4, static_cast<lua_Integer>(subject_len) + 1);
    luaL_argexpected(L,
                     replacement_type == LUA_TNUMBER || replacement_type == LUA_TSTRING ||
                         replacement_type == LUA_TFUNCTION || replacement_type == LUA_TTABLE,
                     3, "string/function/table");
    const char* text = nullptr;
    std::size_t text_len = 0;
    if (replacement_type == LUA_TNUMBER || replacement_type == LUA_TSTRING) {
        text = lua_tolstring(L, 3, &text_len);
    }

    MatchState ms;
    init_state(ms, L, charge_upvalue(L), subject, subject_len, pattern, pattern_len);
    const bool anchored = pattern_len > 0 && pattern[0] == '^';
    const char* p = anchored ? pattern + 1 : pattern;

    luaL_Buffer out;
    luaL_buffinit(L, &out);
    const char* s = subject;
    const char* last_end = nullptr;
    lua_Integer replacements = 0;
    bool changed = false;
    while (replacements < max_replacements) {
        restart(ms);
        const char* e = match(ms, s, p);
        if (e != nullptr && e != last_end) {  // same 5.4 empty-match rule as gmatch
            ++replacements;
            changed = append_replacement(ms, &out, s, e, replacement_type, text, text_len) ||
                      changed;
            s = last_end = e;
        } else if (s < ms.subject_end) {
            luaL_addchar(&out, *s++);
        } else {
            break;
        }
        if (anchored) break;
    }
    if (changed) {
        spend_bytes(ms, static_cast<std::size_t>(ms.subject_end - s));
        luaL_addlstring(&out, s, static_cast<std::size_t>(ms.subject_end - s));
    }
    settle(ms);
    if (changed) {
        luaL_pushresult(&out);
    } else {
        lua_pushvalue(L, 1);
    }
    lua_pushinteger(L, replacements);
    return 2;
}

}  // namespace

void install_budgeted_patterns(lua_State* L, int table_index, ChargeSteps charge) {
    table_index = lua_absindex(L, table_index);
    auto* shared_charge = static_cast<ChargeSteps*>(lua_newuserdatauv(L, sizeof(ChargeSteps), 0));
    *shared_charge = charge;
    static constexpr struct {
        const char* name;
        lua_CFunction function;
    } entries[] = {
        {"find", budgeted_find},
        {"match", budgeted_match},
        {"gmatch", budgeted_gmatch},
        {"gsub", budgeted_gsub},
    };
    for (const auto& entry : entries) {
        lua_pushvalue(L, -1);
        lua_pushcclosure(L, entry.function, 1);
        lua_setfield(L, table_index, entry.name);
    }
    lua_pop(L, 1);
}

}  // namespace cbt::course::lua
