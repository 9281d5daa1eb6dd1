// HTTP client of the sync protocol. Every sealed request carries a counter that is saved before
// it is sent, so no two requests ever share one, even across a crash; the host refuses any it
// has seen.
#include "sync/kiosk_link.hpp"

#include <httplib.h>

#include <chrono>
#include <thread>

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

PairResult KioskLink::pair(const std::optional<std::string>& pairing_code, const std::string& device_name) {
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

SyncOutcome KioskLink::sync_once(const std::optional<std::string>& history_for) {
    SyncOutcome out;
    out.last_seq = journal_.last_seq(device_id_);
    out.acked_seq = std::stoll(setting("acked_seq", "0"));
    if (!paired()) {
        out.message = "this kiosk is not paired with the host at " + host_url_;
        return out;
    }
    const auto keys = kiosk_session_keys({setting("public"), setting("secret")}, setting("host_key"));
    if (!keys) {
        out.message = "the keys kept for the host are damaged; pair this kiosk again";
        return out;
    }
    const std::int64_t counter = std::stoll(setting("counter", "0")) + 1;
    put("counter", std::to_string(counter));   // saved first: a crash never reuses a counter

    const auto events = journal_.after(device_id_, out.acked_seq, max_batch_events);
    json msg = {{"device", device_id_},
                {"counter", counter},
                {"roster_version", std::stoll(setting("roster_version", "0"))},
                {"command_cursor", std::stoll(setting("command_cursor", "0"))},
                {"events", json::array()}};
    for (const auto& e : events) msg["events"].push_back(event_to_json(e));
    if (history_for) msg["history_for"] = *history_for;
    if (trainees_.is_array() && !trainees_.empty()) msg["trainees"] = trainees_;

    auto client = make_client(host_url_);
    const httplib::Headers headers = {{header_protocol, std::to_string(protocol_version)}, {header_device, device_id_}};
    auto res = client.Post("/v1/sync", headers, seal(keys->send, msg.dump()), "application/octet-stream");
    if (!res) {
        out.message = describe_http_error(res.error(), host_url_);
        return out;
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
        return out;
    }
    const auto plain = open(keys->receive, res->body);
    const json reply = plain ? json::parse(*plain, nullptr, false) : json();
    // The reply must be sealed by the host and answer this very request.
    if (!reply.is_object() || reply.value("counter", std::int64_t{-1}) != counter) {
        out.message = "the host's reply could not be authenticated; is another machine pretending to be the host?";
        return out;
    }
    out.ok = true;
    out.sent = events.size();
    out.acked_seq = reply.value("acked_seq", out.acked_seq);
    out.seat = reply.value("seat", 0);
    if (reply.contains("roster") && reply["roster"].is_array()) out.roster = reply["roster"];
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
