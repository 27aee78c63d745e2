// HttpServer: cpp-httplib's Server with the two things `ftfwatch serve` needs beyond it.
//
// 1. A stop that does not wait for idle clients. httplib's own connection loop, once stop()
//    is called, still waits for an idle keep-alive connection to time out (5 s here) and for a
//    half-sent request up to the read timeout (10 s) before its worker ends, so a server with
//    connected clients took seconds to stop after SIGTERM. Here each connection's reads and
//    writes wait in short slices and give up once Shutdown() was called and the peer is
//    quiet: a request being processed is finished and answered, an idle or stalled connection
//    is closed within about kStopSlice.
// 2. Requests answered from bytes in memory, in the calling thread, with no socket
//    (ProcessBytes): the whole request path (parsing, routing, handlers, response writing) for
//    the fuzz target and for tests.
#pragma once

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <string>
#include <string_view>

namespace ftf::server {

class HttpServer : public httplib::Server {
 public:
  // How long a connection may be silent after Shutdown() before it is closed.
  static constexpr std::chrono::milliseconds kStopSlice{50};

  // Stops accepting connections and ends the open ones as described above; listen() returns
  // once every worker is done. Thread-safe; idempotent.
  void Shutdown();
  bool shutting_down() const { return stopping_.load(); }

  // Answers up to `max_requests` pipelined HTTP requests read from `bytes` as if they came on
  // one connection, and returns everything the server wrote back. Thread-safe (handlers run
  // in the calling thread).
  std::string ProcessBytes(std::string_view bytes, size_t max_requests = 8);

 private:
  // Replaces httplib's connection loop (same contract: serve keep-alive requests on `sock`,
  // then shut it down and close it).
  bool process_and_close_socket(socket_t sock) override;

  std::atomic<bool> stopping_{false};
};

}  // namespace ftf::server
