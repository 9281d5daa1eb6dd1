// Owns a POSIX file descriptor: closed when its owner goes, or at once with close(), whose
// status is worth checking after writes (a disk's delayed write errors show up there).
#pragma once
#include <unistd.h>

#include <utility>

namespace cbt::base {

class UniqueFd {
public:
    explicit UniqueFd(int fd = -1) : fd_(fd) {}
    ~UniqueFd() { close(); }
    UniqueFd(UniqueFd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
    UniqueFd& operator=(UniqueFd&& other) noexcept {
        if (this != &other) reset(std::exchange(other.fd_, -1));
        return *this;
    }
    UniqueFd(const UniqueFd&) = delete;
    UniqueFd& operator=(const UniqueFd&) = delete;

    int get() const { return fd_; }
    // Takes over another descriptor, closing the one held.
    void reset(int fd) {
        close();
        fd_ = fd;
    }
    int close() {
        const int fd = std::exchange(fd_, -1);
        return fd >= 0 ? ::close(fd) : 0;
    }

private:
    int fd_;
};

}  // namespace cbt::base
