#include "server/http_server.h"

#include <arpa/inet.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>

namespace ftf::server {
namespace {

using Clock = std::chrono::steady_clock;

// Waits until `fd` is ready for `events`, in slices of kStopSlice, for at most `timeout`.
// Returns false on timeout, on error, or when a slice passes quietly after the server began
// stopping.
bool WaitReady(int fd, short events, std::chrono::microseconds timeout, const std::atomic<bool>& stopping) {
  const auto deadline = Clock::now() + timeout;
  for (;;) {
    pollfd p{fd, events, 0};
    int rc = ::poll(&p, 1, static_cast<int>(HttpServer::kStopSlice.count()));
    if (rc > 0) return true;  // ready, or hung up / error: the read or write will tell
    if (rc < 0 && errno != EINTR) return false;
    if (stopping.load() || Clock::now() >= deadline) return false;
  }
}

void PeerAddress(int fd, bool peer, std::string& ip, int& port) {
  sockaddr_storage addr{};
  socklen_t len = sizeof(addr);
  int rc = peer ? getpeername(fd, reinterpret_cast<sockaddr*>(&addr), &len)
                : getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  if (rc != 0) return;
  char buf[INET6_ADDRSTRLEN] = {};
  if (addr.ss_family == AF_INET) {
    auto* a = reinterpret_cast<sockaddr_in*>(&addr);
    inet_ntop(AF_INET, &a->sin_addr, buf, sizeof(buf));
    port = ntohs(a->sin_port);
  } else if (addr.ss_family == AF_INET6) {
    auto* a = reinterpret_cast<sockaddr_in6*>(&addr);
    inet_ntop(AF_INET6, &a->sin6_addr, buf, sizeof(buf));
    port = ntohs(a->sin6_port);
  }
  ip = buf;
}

// One accepted TCP connection, read through a small buffer (httplib reads request lines a
// byte at a time).
class ConnectionStream final : public httplib::Stream {
 public:
  ConnectionStream(int fd, std::chrono::microseconds read_timeout, std::chrono::microseconds write_timeout,
                   const std::atomic<bool>& stopping)
      : fd_(fd), read_timeout_(read_timeout), write_timeout_(write_timeout), stopping_(stopping) {}

  bool is_readable() const override { return begin_ < end_ || WaitReady(fd_, POLLIN, read_timeout_, stopping_); }
  bool is_writable() const override { return WaitReady(fd_, POLLOUT, write_timeout_, stopping_); }
  ssize_t read(char* ptr, size_t size) override {
    if (begin_ == end_) {
      if (!WaitReady(fd_, POLLIN, read_timeout_, stopping_)) return -1;
      ssize_t n;
      do n = ::recv(fd_, buf_.data(), buf_.size(), 0);
      while (n < 0 && errno == EINTR);
      if (n <= 0) return n;
      begin_ = 0;
      end_ = static_cast<size_t>(n);
    }
    size_t n = std::min(size, end_ - begin_);
    std::memcpy(ptr, buf_.data() + begin_, n);
    begin_ += n;
    return static_cast<ssize_t>(n);
  }
  ssize_t write(const char* ptr, size_t size) override {
    if (!WaitReady(fd_, POLLOUT, write_timeout_, stopping_)) return -1;
    ssize_t n;
    do n = ::send(fd_, ptr, size, MSG_NOSIGNAL);
    while (n < 0 && errno == EINTR);
    return n;
  }
  void get_remote_ip_and_port(std::string& ip, int& port) const override { PeerAddress(fd_, true, ip, port); }
  void get_local_ip_and_port(std::string& ip, int& port) const override { PeerAddress(fd_, false, ip, port); }
  socket_t socket() const override { return fd_; }
  // Bytes of a pipelined next request already read.
  bool buffered() const { return begin_ < end_; }

 private:
  int fd_;
  std::chrono::microseconds read_timeout_, write_timeout_;
  const std::atomic<bool>& stopping_;
  std::array<char, 4096> buf_{};
  size_t begin_ = 0, end_ = 0;
};

// Requests from a byte string; responses appended to another.
class MemoryStream final : public httplib::Stream {
 public:
  explicit MemoryStream(std::string_view in) : in_(in) {}
  bool is_readable() const override { return pos_ < in_.size(); }
  bool is_writable() const override { return true; }
  ssize_t read(char* ptr, size_t size) override {
    size_t n = std::min(size, in_.size() - pos_);
    std::memcpy(ptr, in_.data() + pos_, n);
    pos_ += n;
    return static_cast<ssize_t>(n);
  }
  ssize_t write(const char* ptr, size_t size) override {
    out_.append(ptr, size);
    return static_cast<ssize_t>(size);
  }
  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    ip = "127.0.0.1";
    port = 0;
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    ip = "127.0.0.1";
    port = 0;
  }
  socket_t socket() const override { return INVALID_SOCKET; }
  bool consumed() const { return pos_ >= in_.size(); }
  std::string& out() { return out_; }

 private:
  std::string_view in_;
  size_t pos_ = 0;
  std::string out_;
};

std::chrono::microseconds Timeout(time_t sec, time_t usec) {
  return std::chrono::seconds(sec) + std::chrono::microseconds(usec);
}

}  // namespace

void HttpServer::Shutdown() {
  stopping_.store(true);
  stop();
}

bool HttpServer::process_and_close_socket(socket_t sock) {
  ConnectionStream strm(sock, Timeout(read_timeout_sec_, read_timeout_usec_),
                        Timeout(write_timeout_sec_, write_timeout_usec_), stopping_);
  const std::chrono::microseconds idle = std::chrono::seconds(keep_alive_timeout_sec_);
  bool ret = false;
  for (size_t left = keep_alive_max_count_; left > 0 && !stopping_.load(); --left) {
    if (!strm.buffered() && !WaitReady(sock, POLLIN, idle, stopping_)) break;  // idle too long, or stopping
    bool connection_closed = false;
    ret = process_request(strm, left == 1 || stopping_.load(), connection_closed, nullptr);
    if (!ret || connection_closed) break;
  }
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
  return ret;
}

std::string HttpServer::ProcessBytes(std::string_view bytes, size_t max_requests) {
  MemoryStream strm(bytes);
  for (size_t i = 0; i < max_requests && !strm.consumed(); ++i) {
    bool connection_closed = false;
    bool last = i + 1 == max_requests;
    if (!process_request(strm, last, connection_closed, nullptr) || connection_closed) break;
  }
  return std::move(strm.out());
}

}  // namespace ftf::server
