// Finding the host on the LAN: the host sends a small UDP beacon every two seconds (to the
// broadcast address by default); a kiosk without --host listens for one. The beacon only says
// where to look: what the kiosk finds there must still pass pairing, or match the host key it
// paired with, so a false beacon leads nowhere.
#pragma once
#include <atomic>
#include <optional>
#include <string>
#include <thread>

namespace cbt::sync {

inline constexpr int beacon_port = 8871;

// What a beacon announces.
struct BeaconInfo {
    std::string classroom_id;
    int http_port = 0;
    std::string address;   // the sender's address, as the kiosk saw it
    std::string url() const { return "http://" + address + ":" + std::to_string(http_port); }
};

class Beacon {
public:
    // Starts sending {"cbt": 1, "classroom_id", "port"} to `address`:`port` every `interval_ms`.
    // Throws std::runtime_error when no socket can be made.
    Beacon(std::string classroom_id, int http_port, std::string address = "255.255.255.255", int port = beacon_port,
           int interval_ms = 2000);
    ~Beacon();
    Beacon(const Beacon&) = delete;
    Beacon& operator=(const Beacon&) = delete;

private:
    std::atomic<bool> stop_{false};
    std::thread thread_;
};

// Waits up to `timeout_ms` for a beacon on `port` (of `classroom_id` when given); nullopt when
// none came.
std::optional<BeaconInfo> listen_for_host(int timeout_ms, const std::optional<std::string>& classroom_id = std::nullopt,
                                          int port = beacon_port);

}  // namespace cbt::sync
