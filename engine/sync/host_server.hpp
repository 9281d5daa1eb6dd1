// The host's side of the sync protocol: an HTTP server on the classroom LAN that pairs kiosks,
// stores their events exactly once and hands them roster, commands and trainees' history.
#pragma once
#include <memory>
#include <string>

#include "base/clock.hpp"
#include "sync/host_store.hpp"

namespace cbt::sync {

class HostServer {
public:
    // Serves `store`; both must outlive the server. Requests are handled one at a time against
    // the classroom database (ten kiosks are far below what that allows).
    HostServer(HostStore& store, const base::Clock& clock);
    ~HostServer();

    // Binds to the address and port (0 = any free port) and serves on a thread of its own.
    // Throws std::runtime_error when the port cannot be bound.
    void start(const std::string& address, int port);
    // The port actually bound.
    int port() const { return port_; }
    // Stops serving and waits for the thread.
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    int port_ = 0;
};

}  // namespace cbt::sync
