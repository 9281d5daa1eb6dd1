// UDP beacons with plain POSIX sockets: one datagram of JSON, sent and read without blocking
// anything else.
#include "sync/discovery.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace cbt::sync {

namespace {

class Socket {
public:
    Socket() : fd_(::socket(AF_INET, SOCK_DGRAM, 0)) {
        if (fd_ < 0) throw std::runtime_error(std::string("cannot make a UDP socket: ") + std::strerror(errno));
    }
    ~Socket() { ::close(fd_); }
    Socket(const Socket&) = delete;
    Socket& operator=(const Socket&) = delete;
    int fd() const { return fd_; }

private:
    int fd_;
};

}  // namespace

Beacon::Beacon(std::string classroom_id, int http_port, std::string address, int port, int interval_ms) {
    auto socket = std::make_shared<Socket>();
    const int on = 1;
    ::setsockopt(socket->fd(), SOL_SOCKET, SO_BROADCAST, &on, sizeof on);
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(static_cast<uint16_t>(port));
    if (::inet_pton(AF_INET, address.c_str(), &to.sin_addr) != 1)
        throw std::runtime_error("the beacon address " + address + " is not an IPv4 address");
    const std::string message = nlohmann::json{{"cbt", 1}, {"classroom_id", classroom_id}, {"port", http_port}}.dump();
    thread_ = std::thread([this, socket, to, message, interval_ms] {
        while (!stop_) {
            // A failed send (no network yet, cable out) is simply tried again next time.
            ::sendto(socket->fd(), message.data(), message.size(), 0, reinterpret_cast<const sockaddr*>(&to), sizeof to);
            for (int waited = 0; waited < interval_ms && !stop_; waited += 50)
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    });
}

Beacon::~Beacon() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
}

std::optional<BeaconInfo> listen_for_host(int timeout_ms, const std::optional<std::string>& classroom_id, int port) {
    Socket socket;
    const int on = 1;
    ::setsockopt(socket.fd(), SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    sockaddr_in me{};
    me.sin_family = AF_INET;
    me.sin_port = htons(static_cast<uint16_t>(port));
    me.sin_addr.s_addr = htonl(INADDR_ANY);
    if (::bind(socket.fd(), reinterpret_cast<sockaddr*>(&me), sizeof me) != 0)
        throw std::runtime_error("cannot listen for the host's beacon on UDP port " + std::to_string(port) + ": " +
                                 std::strerror(errno));
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) return std::nullopt;
        pollfd p{socket.fd(), POLLIN, 0};
        if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) continue;
        char buffer[1024];
        sockaddr_in from{};
        socklen_t from_size = sizeof from;
        const ssize_t n =
            ::recvfrom(socket.fd(), buffer, sizeof buffer, 0, reinterpret_cast<sockaddr*>(&from), &from_size);
        if (n <= 0) continue;
        const auto j = nlohmann::json::parse(std::string(buffer, static_cast<std::size_t>(n)), nullptr, false);
        // Anything that is not a well-formed beacon of ours is ignored, whatever sent it.
        if (!j.is_object() || j.value("cbt", 0) != 1 || !j.contains("port") || !j["port"].is_number_integer() ||
            !j.contains("classroom_id") || !j["classroom_id"].is_string())
            continue;
        BeaconInfo info;
        info.classroom_id = j["classroom_id"];
        info.http_port = j["port"];
        if (info.http_port <= 0 || info.http_port > 65535) continue;
        if (classroom_id && *classroom_id != info.classroom_id) continue;
        char address[INET_ADDRSTRLEN] = {};
        ::inet_ntop(AF_INET, &from.sin_addr, address, sizeof address);
        info.address = address;
        return info;
    }
}

}  // namespace cbt::sync
