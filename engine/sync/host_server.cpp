// HTTP handlers of the sync protocol (docs/sync-protocol.md). Every request is checked in the
// same order — protocol version, size, device, authenticity, freshness — and refused with a
// status and a sentence; the server keeps serving whatever a client sends.
#include "sync/host_server.hpp"

#include <httplib.h>

#include <sys/socket.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <thread>

#include "sync/protocol.hpp"

namespace cbt::sync {
using nlohmann::json;

namespace {

void reply_error(httplib::Response& res, const ProtocolError& e) {
    res.status = e.status;
    res.set_content(error_json(e).dump(), "application/json");
}

// A token bucket per device: bursts are fine, a flood is not.
class RateLimiter {
public:
    bool allow(const std::string& key, std::int64_t now_ms) {
        Bucket& b = buckets_[key];
        const double refill = static_cast<double>(now_ms - b.at_ms) / 1000.0 * max_requests_per_second;
        b.tokens = std::min<double>(max_requests_per_second, b.tokens + std::max(0.0, refill));
        b.at_ms = now_ms;
        if (b.tokens < 1) return false;
        b.tokens -= 1;
        return true;
    }

private:
    struct Bucket {
        double tokens = max_requests_per_second;
        std::int64_t at_ms = 0;
    };
    std::map<std::string, Bucket> buckets_;
};

}  // namespace

struct HostServer::Impl {
    HostStore& store;
    const base::Clock& clock;
    httplib::Server http;
    std::thread thread;
    std::mutex mutex;   // one request at a time touches the classroom database
    RateLimiter rate;

    Impl(HostStore& s, const base::Clock& c) : store(s), clock(c) {}

    bool check_protocol(const httplib::Request& req, httplib::Response& res) {
        const std::string version = req.get_header_value(header_protocol);
        if (version == std::to_string(protocol_version)) return true;
        reply_error(res, {426, "protocol",
                          "this classroom's host speaks sync protocol " + std::to_string(protocol_version) +
                              (version.empty() ? std::string(", and the request named none")
                                               : ", the kiosk speaks " + version) +
                              "; install the same Suitcase CBT version on the host and the kiosks"});
        return false;
    }

    void hello(httplib::Response& res) {
        res.set_content(json{{"protocol", protocol_version},
                             {"classroom_id", store.classroom_id()},
                             {"host_key", store.keys().public_hex}}
                            .dump(),
                        "application/json");
    }

    void pair(const httplib::Request& req, httplib::Response& res) {
        if (!check_protocol(req, res)) return;
        const json body = json::parse(req.body, nullptr, false);
        if (!body.is_object() || !body.contains("device_id") || !body["device_id"].is_string() ||
            !body.contains("device_key") || !body["device_key"].is_string())
            return reply_error(res, {400, "malformed", "a pairing request needs device_id and device_key"});
        const std::string device_id = body["device_id"];
        const std::string key = body["device_key"];
        if (device_id.empty() || device_id.size() > 64 || !from_hex(key, 32))
            return reply_error(res, {400, "malformed", "the device id or key in the pairing request is not valid"});
        const std::int64_t now = clock.wall_ms();
        if (!rate.allow("pair:" + req.remote_addr, now))
            return reply_error(res, {429, "rate", "too many pairing requests; wait a moment"});
        std::lock_guard lock(mutex);
        const auto known = store.device(device_id);
        if (!known) {
            std::size_t pending = 0;
            for (const auto& d : store.devices()) pending += d.status == DeviceStatus::Pending;
            if (pending >= 64) return reply_error(res, {429, "rate", "too many devices are waiting for approval"});
        }
        Device d = store.request_join(device_id, key, body.value("name", ""), now);
        // A kiosk presenting the classroom's pairing code is approved without the instructor.
        if (d.status == DeviceStatus::Pending) {
            const auto code = store.pairing_code();
            const std::string proof = body.value("proof", "");
            if (code && !proof.empty() && proofs_equal(proof, pairing_proof(*code, device_id, key))) {
                // The seat number the machine was set up as, unless another seat already has it.
                int wanted = body.contains("seat") && body["seat"].is_number_integer() ? body["seat"].get<int>() : 0;
                for (const auto& other : store.devices())
                    if (wanted > 0 && other.seat == wanted && other.device_id != device_id) wanted = 0;
                store.decide(device_id, DeviceStatus::Approved, std::clamp(wanted, 0, 999));
                d = *store.device(device_id);
            }
        }
        res.set_content(json{{"protocol", protocol_version},
                             {"status", status_name(d.status)},
                             {"seat", d.seat},
                             {"classroom_id", store.classroom_id()},
                             {"host_key", store.keys().public_hex},
                             {"short_code", short_code(store.keys().public_hex, key)}}
                            .dump(),
                        "application/json");
    }

    // A piece of a course package, named by its SHA-256 and read from an offset: downloads resume
    // where they stopped, and only paired kiosks can read a course (its answer keys are in it).
    json package_chunk(const json& want) {
        const std::string sha = want.value("sha256", "");
        const auto offset = want.value("offset", std::int64_t{-1});
        json out = {{"sha256", sha}, {"offset", offset}};
        if (!from_hex(sha, 32) || offset < 0) {
            out["error"] = "the package request is not valid";
            return out;
        }
        const std::filesystem::path file = store.packs_dir() / (sha + ".cbtpack");
        std::ifstream in(file, std::ios::binary);
        std::error_code ec;
        const auto total = std::filesystem::file_size(file, ec);
        if (!in || ec) {
            out["error"] = "the host has no such package";
            return out;
        }
        out["total"] = total;
        std::string data(package_chunk_bytes, '\0');
        in.seekg(offset);
        in.read(data.data(), static_cast<std::streamsize>(data.size()));
        data.resize(static_cast<std::size_t>(std::max<std::streamsize>(0, in.gcount())));
        out["data"] = to_base64(data);
        return out;
    }

    void sync(const httplib::Request& req, httplib::Response& res) {
        if (!check_protocol(req, res)) return;
        const std::string device_id = req.get_header_value(header_device);
        const std::int64_t now = clock.wall_ms();
        std::lock_guard lock(mutex);
        const auto device = store.device(device_id);
        if (!device)
            return reply_error(res, {401, "unpaired", "this kiosk is not paired with this classroom; pair it first"});
        if (device->status != DeviceStatus::Approved)
            return reply_error(res, {403, status_name(device->status),
                                     device->status == DeviceStatus::Pending
                                         ? "this kiosk is waiting for the instructor's approval"
                                         : "the instructor has refused this kiosk"});
        if (!rate.allow(device_id, now))
            return reply_error(res, {429, "rate", "too many requests from this kiosk; slow down"});
        const auto keys = host_session_keys(store.keys(), device->public_key);
        const auto plain = keys ? open(keys->receive, req.body) : std::nullopt;
        if (!plain)
            return reply_error(res, {401, "unauthenticated",
                                     "the request could not be authenticated (altered, or sealed with another key)"});
        const json msg = json::parse(*plain, nullptr, false);
        if (!msg.is_object() || !msg.contains("counter") || !msg["counter"].is_number_integer() ||
            msg.value("device", "") != device_id)
            return reply_error(res, {400, "malformed", "the sync request is not a valid message"});
        const std::int64_t counter = msg["counter"];
        if (!store.accept_counter(device_id, counter, now)) {
            // The highest counter seen goes back, so a kiosk whose data was restored from an older
            // copy can move past it; a replay is refused all the same.
            res.status = 409;
            res.set_content(json{{"error", "replayed"},
                                 {"message", "this request was seen before; it is ignored"},
                                 {"protocol", protocol_version},
                                 {"last_counter", store.device(device_id)->last_counter}}
                                .dump(),
                            "application/json");
            return;
        }

        std::vector<store::Event> events;
        if (msg.contains("events")) {
            if (!msg["events"].is_array() || msg["events"].size() > max_batch_events)
                return reply_error(res, {413, "batch", "a batch holds at most " + std::to_string(max_batch_events) +
                                                           " events"});
            try {
                for (const json& j : msg["events"]) {
                    store::Event e = event_from_json(j);
                    if (e.device_id != device_id)
                        throw std::invalid_argument("a kiosk may send only the events it recorded itself");
                    events.push_back(std::move(e));
                }
            } catch (const std::invalid_argument& e) {
                return reply_error(res, {400, "malformed", e.what()});
            }
        }
        for (const auto& e : events) {
            // The same key with other content means two machines share one identity.
            const auto held = store.journal().after(device_id, e.seq - 1, 1);
            if (!held.empty() && held.front().seq == e.seq && !(held.front() == e))
                return reply_error(res, {409, "identity_conflict",
                                         "event " + std::to_string(e.seq) + " of this kiosk differs from the one the host "
                                         "holds: two machines share one identity; give this one a new identity"});
        }
        store.journal().ingest(events);
        // Trainees the kiosk added itself (headless runs, a seat set up before the classroom)
        // join the instructor's roster, so reports show their names.
        if (msg.contains("trainees") && msg["trainees"].is_array() && msg["trainees"].size() <= 1000)
            for (const json& t : msg["trainees"]) {
                if (!t.is_object() || !t.contains("id") || !t["id"].is_string() || !t.contains("name") ||
                    !t["name"].is_string())
                    continue;
                const std::string id = t["id"], name = t["name"];
                if (id.empty() || id.size() > 128 || name.empty() || name.size() > 256) continue;
                store.add_trainee_if_new({id, name, t.value("service", ""), "", t.value("pin_hash", "")});
            }

        json reply = {{"counter", counter},
                      {"acked_seq", store.journal().contiguous_seq(device_id)},
                      {"seat", device->seat},
                      {"roster_version", store.roster_version()}};
        if (msg.value("roster_version", std::int64_t{0}) != store.roster_version()) {
            json roster = json::array();
            for (const auto& r : store.roster())
                roster.push_back({{"id", r.id}, {"name", r.name}, {"service", r.service}, {"pin_hash", r.pin_hash}});
            reply["roster"] = roster;
        }
        json commands = json::array();
        std::int64_t cursor = msg.value("command_cursor", std::int64_t{0});
        for (const auto& c : store.commands_after(device_id, cursor)) {
            commands.push_back({{"id", c.id}, {"kind", c.kind}, {"payload", c.payload}, {"at_ms", c.at_ms}});
            cursor = c.id;
        }
        reply["commands"] = commands;
        reply["command_cursor"] = cursor;
        json courses = json::array();
        for (const auto& c : store.offered_courses()) {
            std::error_code ec;
            const auto bytes = std::filesystem::file_size(store.packs_dir() / (c.pack_sha256 + ".cbtpack"), ec);
            courses.push_back({{"id", c.id}, {"version", c.version}, {"sha256", c.pack_sha256},
                               {"bytes", ec ? 0 : bytes}});
        }
        reply["courses"] = courses;
        if (msg.contains("package") && msg["package"].is_object()) reply["package"] = package_chunk(msg["package"]);
        if (msg.contains("history_for") && msg["history_for"].is_string()) {
            json history = json::array();
            for (const auto& e : store.journal().for_learner(msg["history_for"].get<std::string>())) {
                if (e.device_id == device_id) continue;
                if (history.size() >= max_history_events) break;
                history.push_back(event_to_json(e));
            }
            reply["history"] = history;
        }
        res.set_content(seal(keys->send, reply.dump()), "application/octet-stream");
    }
};

HostServer::HostServer(HostStore& store, const base::Clock& clock) : impl_(std::make_unique<Impl>(store, clock)) {
    auto& http = impl_->http;
    http.set_payload_max_length(max_body_bytes);
    // httplib's default adds SO_REUSEPORT, which would let a second host share the port and
    // split the classroom between two databases; only SO_REUSEADDR (fast restarts) is wanted.
    http.set_socket_options([](socket_t sock) {
        const int on = 1;
        ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    });
    http.set_read_timeout(10, 0);
    http.set_write_timeout(10, 0);
    http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
        std::string what = "unknown error";
        try {
            std::rethrow_exception(ep);
        } catch (const std::exception& e) {
            what = e.what();
        } catch (...) {
        }
        reply_error(res, {500, "internal", "the host could not handle the request: " + what});
    });
    Impl* impl = impl_.get();
    http.Get("/v1/hello", [impl](const httplib::Request&, httplib::Response& res) { impl->hello(res); });
    http.Post("/v1/pair", [impl](const httplib::Request& req, httplib::Response& res) { impl->pair(req, res); });
    http.Post("/v1/sync", [impl](const httplib::Request& req, httplib::Response& res) { impl->sync(req, res); });
}

HostServer::~HostServer() { stop(); }

void HostServer::start(const std::string& address, int port) {
    auto& http = impl_->http;
    port_ = port == 0 ? http.bind_to_any_port(address) : (http.bind_to_port(address, port) ? port : -1);
    if (port_ <= 0)
        throw std::runtime_error("cannot listen on " + address + ":" + std::to_string(port) +
                                 "; is another host already running, or the port in use?");
    impl_->thread = std::thread([&http] { http.listen_after_bind(); });
}

void HostServer::stop() {
    if (!impl_) return;
    impl_->http.stop();
    if (impl_->thread.joinable()) impl_->thread.join();
}

}  // namespace cbt::sync
