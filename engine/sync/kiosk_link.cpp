// HTTP client of the sync protocol. Every sealed request carries a counter that is saved before
// it is sent, so no two requests ever share one, even across a crash; the host refuses any it
// has seen.
#include "sync/kiosk_link.hpp"

#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <thread>

#include "base/sha256.hpp"
#include "course/package.hpp"
#include "store/settings.hpp"
#include "sync/crypto.hpp"
#include "sync/protocol.hpp"

namespace cbt::sync {
using nlohmann::json;

namespace {

std::string describe_http_error(httplib::Error e, const std::string& url) {
    return "cannot reach the host at " + url + " (" + httplib::to_string(e) +
           "); check the cable or Wi-Fi and that the host is running";
}

httplib::Client make_client(const std::string& url) {
    httplib::Client client(url);
    client.set_connection_timeout(3, 0);
    client.set_read_timeout(10, 0);
    client.set_write_timeout(10, 0);
    return client;
}

}  // namespace

KioskLink::KioskLink(const std::filesystem::path& kiosk_db, std::string device_id, std::string host_url)
    : db_(store::Database::open(kiosk_db)), journal_(db_, device_id), device_id_(std::move(device_id)),
      host_url_(std::move(host_url)) {}

std::string KioskLink::setting(const std::string& key, const std::string& fallback) {
    return store::read_setting(db_, "sync." + key).value_or(fallback);
}

void KioskLink::put(const std::string& key, const std::string& value) { store::write_setting(db_, "sync." + key, value); }

void KioskLink::forget_host() {
    store::Statement forget = db_.prepare(
        "DELETE FROM settings WHERE key LIKE 'sync.%' AND key NOT IN ('sync.public', 'sync.secret')");
    forget.run();
}

bool KioskLink::paired() { return setting("status") == "approved" && setting("host_url") == host_url_; }

PairResult KioskLink::pair(const std::optional<std::string>& pairing_code, const std::string& device_name,
                            int wanted_seat) {
    PairResult result;
    // The key pair is made once per device; pairing again with another host keeps it.
    if (setting("public").empty()) {
        const KeyPair keys = KeyPair::generate();
        store::Transaction tx(db_);
        put("public", keys.public_hex);
        put("secret", keys.secret_hex);
        tx.commit();
    }
    auto client = make_client(host_url_);
    // A seat that belongs to a classroom first asks who answers, and says nothing about itself
    // to a host with another key.
    const std::string known = setting("host_key");
    if (!known.empty()) {
        auto hello = client.Get("/v1/hello");
        if (!hello) {
            result.message = describe_http_error(hello.error(), host_url_);
            return result;
        }
        const json who = json::parse(hello->body, nullptr, false);
        if (!who.is_object() || who.value("host_key", "") != known) {
            result.message = "the host at " + host_url_ + " is not the classroom this seat belongs to (" +
                             setting("classroom_id") + "); to move the seat, start it once with --forget-host";
            return result;
        }
    }
    json body = {{"protocol", protocol_version},
                 {"device_id", device_id_},
                 {"device_key", setting("public")},
                 {"name", device_name}};
    if (pairing_code) body["proof"] = pairing_proof(*pairing_code, device_id_, setting("public"));
    if (wanted_seat > 0) body["seat"] = wanted_seat;
    const httplib::Headers headers = {{header_protocol, std::to_string(protocol_version)}};
    auto res = client.Post("/v1/pair", headers, body.dump(), "application/json");
    if (!res) {
        result.message = describe_http_error(res.error(), host_url_);
        return result;
    }
    const json reply = json::parse(res->body, nullptr, false);
    if (res->status != 200 || !reply.is_object()) {
        result.message = reply.is_object() ? reply.value("message", "the host refused") : "the host's reply is not valid";
        return result;
    }
    const std::string host_key = reply.value("host_key", "");
    if (!from_hex(host_key, 32)) {
        result.message = "the host sent no valid key";
        return result;
    }
    // A kiosk that has belonged to one classroom never moves to another by itself: a host with
    // another key is another classroom (or an impostor). Moving a seat is an operator's decision
    // (cbt-kiosk --forget-host).
    if (!known.empty() && known != host_key) {
        result.message = "the host at " + host_url_ + " is not the classroom this seat belongs to (" +
                         setting("classroom_id") + "); to move the seat, start it once with --forget-host";
        return result;
    }
    result.short_code = short_code(host_key, setting("public"));
    result.seat = reply.value("seat", 0);
    const std::string status = reply.value("status", "");
    store::Transaction tx(db_);
    put("host_url", host_url_);
    put("host_key", host_key);
    put("classroom_id", reply.value("classroom_id", ""));
    put("status", status);
    tx.commit();
    result.status = status == "approved" ? PairStatus::Approved
                    : status == "refused" ? PairStatus::Refused
                                          : PairStatus::Pending;
    return result;
}

// One sealed request and its reply: the counter, the seal, the host's refusals. The reply is
// returned only when it is sealed by the host and answers this very request.
std::optional<json> KioskLink::exchange(json msg, SyncOutcome& out) {
    if (!paired()) {
        out.message = "this kiosk is not paired with the host at " + host_url_;
        return std::nullopt;
    }
    const auto keys = kiosk_session_keys({setting("public"), setting("secret")}, setting("host_key"));
    if (!keys) {
        out.message = "the keys kept for the host are damaged; pair this kiosk again";
        return std::nullopt;
    }
    const std::int64_t counter = std::stoll(setting("counter", "0")) + 1;
    put("counter", std::to_string(counter));   // saved first: a crash never reuses a counter
    msg["device"] = device_id_;
    msg["counter"] = counter;

    auto client = make_client(host_url_);
    const httplib::Headers headers = {{header_protocol, std::to_string(protocol_version)}, {header_device, device_id_}};
    auto res = client.Post("/v1/sync", headers, seal(keys->send, msg.dump()), "application/octet-stream");
    if (!res) {
        out.message = describe_http_error(res.error(), host_url_);
        return std::nullopt;
    }
    out.http_status = res->status;
    if (res->status != 200) {
        const json err = json::parse(res->body, nullptr, false);
        out.error_code = err.is_object() ? err.value("error", "") : "";
        out.message = err.is_object() ? err.value("message", "the host refused the request")
                                      : "the host refused the request (status " + std::to_string(res->status) + ")";
        if (out.error_code == "unpaired" || out.error_code == "refused") put("status", out.error_code);
        if (out.error_code == "replayed" && err.contains("last_counter") && err["last_counter"].is_number_integer()) {
            const std::int64_t seen = err["last_counter"];
            if (seen >= counter && seen < (std::int64_t{1} << 53)) put("counter", std::to_string(seen));
        }
        return std::nullopt;
    }
    const auto plain = open(keys->receive, res->body);
    json reply = plain ? json::parse(*plain, nullptr, false) : json();
    if (!reply.is_object() || reply.value("counter", std::int64_t{-1}) != counter) {
        out.message = "the host's reply could not be authenticated; is another machine pretending to be the host?";
        return std::nullopt;
    }
    return reply;
}

SyncOutcome KioskLink::sync_once(const std::optional<std::string>& history_for) {
    SyncOutcome out;
    out.last_seq = journal_.last_seq(device_id_);
    out.acked_seq = std::stoll(setting("acked_seq", "0"));
    const auto events = journal_.after(device_id_, out.acked_seq, max_batch_events);
    json msg = {{"roster_version", std::stoll(setting("roster_version", "0"))},
                {"command_cursor", std::stoll(setting("command_cursor", "0"))},
                {"events", json::array()}};
    for (const auto& e : events) msg["events"].push_back(event_to_json(e));
    if (history_for) msg["history_for"] = *history_for;
    if (trainees_.is_array() && !trainees_.empty()) msg["trainees"] = trainees_;
    const auto got = exchange(std::move(msg), out);
    if (!got) return out;
    const json& reply = *got;
    out.ok = true;
    out.sent = events.size();
    out.acked_seq = reply.value("acked_seq", out.acked_seq);
    out.seat = reply.value("seat", 0);
    if (reply.contains("roster") && reply["roster"].is_array()) out.roster = reply["roster"];
    if (reply.contains("courses") && reply["courses"].is_array())
        for (const auto& c : reply["courses"])
            if (c.is_object() && c.contains("sha256") && c["sha256"].is_string() && from_hex(c["sha256"].get<std::string>(), 32))
                out.courses.push_back({c.value("id", ""), c.value("version", ""), c["sha256"], c.value("bytes", std::int64_t{0})});
    if (reply.contains("commands") && reply["commands"].is_array())
        for (const auto& c : reply["commands"]) out.commands.push_back(c);
    if (reply.contains("history") && reply["history"].is_array()) {
        std::vector<store::Event> history;
        for (const auto& j : reply["history"]) {
            try {
                store::Event e = event_from_json(j);
                if (e.device_id != device_id_) history.push_back(std::move(e));
            } catch (const std::invalid_argument&) {
                // A malformed event from the host is skipped; the rest of the history still helps.
            }
        }
        out.history_added = journal_.ingest(history);
    }
    store::Transaction tx(db_);
    put("acked_seq", std::to_string(out.acked_seq));
    put("roster_version", std::to_string(reply.value("roster_version", std::int64_t{0})));
    put("command_cursor", std::to_string(reply.value("command_cursor", std::int64_t{0})));
    tx.commit();
    return out;
}

std::optional<std::filesystem::path> KioskLink::fetch_package(const OfferedCourse& course,
                                                              const std::filesystem::path& packs_dir, std::string& error) {
    std::error_code ec;
    std::filesystem::create_directories(packs_dir, ec);
    const std::filesystem::path done = packs_dir / (course.sha256 + ".cbtpack");
    const std::filesystem::path partial = done.string() + ".partial";
    if (std::filesystem::exists(done, ec)) return done;
    for (int guard = 0; guard < 100'000; ++guard) {
        const auto offset = std::filesystem::exists(partial, ec) ? std::filesystem::file_size(partial, ec) : 0;
        if (course.bytes > 0 && offset >= static_cast<std::uintmax_t>(course.bytes)) break;
        SyncOutcome out;
        const auto reply = exchange({{"package", {{"sha256", course.sha256}, {"offset", offset}}}}, out);
        if (!reply) {
            error = out.message;
            return std::nullopt;   // the partial file stays: the next try resumes from it
        }
        const json chunk = reply->value("package", json::object());
        if (chunk.contains("error") || chunk.value("sha256", "") != course.sha256 ||
            chunk.value("offset", std::int64_t{-1}) != static_cast<std::int64_t>(offset)) {
            error = chunk.value("error", "the host sent another piece than the one asked for");
            return std::nullopt;
        }
        const auto data = from_base64(chunk.value("data", ""));
        if (!data) {
            error = "a piece of the course package came damaged";
            return std::nullopt;
        }
        {
            std::ofstream file(partial, std::ios::binary | std::ios::app);
            file.write(data->data(), static_cast<std::streamsize>(data->size()));
            if (!file.flush()) {
                error = "cannot write the course package to " + partial.string() + " (is the disk full?)";
                return std::nullopt;
            }
        }
        if (data->empty() || offset + data->size() >= chunk.value("total", std::uint64_t{0})) break;
    }
    // Content addressing: the file must be exactly the package that was named.
    std::ifstream in(partial, std::ios::binary);
    base::Sha256 digest;
    std::string buffer(1 << 16, '\0');
    while (in.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) || in.gcount() > 0)
        digest.update(std::string_view(buffer.data(), static_cast<std::size_t>(in.gcount())));
    if (digest.hex_digest() != course.sha256) {
        std::filesystem::remove(partial, ec);
        error = "the downloaded course package " + course.id + " does not match its checksum; it will be fetched again";
        return std::nullopt;
    }
    std::filesystem::rename(partial, done, ec);
    if (ec) {
        error = "cannot keep the course package: " + ec.message();
        return std::nullopt;
    }
    return done;
}

std::vector<std::string> install_offered(KioskLink& link, const std::vector<OfferedCourse>& offered,
                                         const std::filesystem::path& library_dir,
                                         const std::filesystem::path& packs_dir, std::vector<std::string>& errors) {
    std::vector<std::string> installed;
    std::error_code ec;
    std::filesystem::create_directories(library_dir, ec);
    const auto have = course::list_library(library_dir);
    for (const OfferedCourse& c : offered) {
        const bool current = std::any_of(have.begin(), have.end(), [&](const course::InstalledCourse& i) {
            return i.pack_sha256 == c.sha256 && i.current;
        });
        if (current) continue;
        std::string error;
        const auto pack = link.fetch_package(c, packs_dir, error);
        if (!pack) {
            errors.push_back("course " + c.id + " " + c.version + ": " + error);
            continue;
        }
        try {
            course::install_pack(*pack, library_dir);
            installed.push_back(c.id);
        } catch (const std::exception& e) {
            // A pack that will not install is dropped, so the next offer fetches it afresh.
            std::filesystem::remove(*pack, ec);
            errors.push_back("course " + c.id + " " + c.version + ": " + e.what());
        }
    }
    return installed;
}

SyncOutcome KioskLink::sync_all(std::int64_t timeout_ms) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    int backoff_ms = 200;
    SyncOutcome last;
    for (;;) {
        last = sync_once();
        if (last.ok && last.acked_seq >= last.last_seq) return last;
        if (last.error_code == "unpaired" || last.error_code == "refused" || last.error_code == "protocol" ||
            last.error_code == "identity_conflict")
            return last;   // retrying cannot help
        const bool retry_now = last.ok || last.error_code == "replayed";   // progress, or a counter to move past
        backoff_ms = retry_now ? 200 : std::min(backoff_ms * 2, 5000);
        if (std::chrono::steady_clock::now() + std::chrono::milliseconds(retry_now ? 0 : backoff_ms) > deadline)
            return last;
        if (!retry_now) std::this_thread::sleep_for(std::chrono::milliseconds(backoff_ms));
    }
}

}  // namespace cbt::sync
