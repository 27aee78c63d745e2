// HttpServer: requests answered from bytes in memory, and a stop that does not wait for idle
// connections.
#include "server/http_server.h"

#include <chrono>
#include <thread>

#include <gtest/gtest.h>

namespace ftf::server {
namespace {

HttpServer& EchoServer() {
  static HttpServer* s = [] {
    auto* srv = new HttpServer();
    srv->Get("/hello", [](const httplib::Request& req, httplib::Response& res) {
      res.set_content("hello " + req.get_param_value("name"), "text/plain");
    });
    srv->Post("/echo",
              [](const httplib::Request& req, httplib::Response& res) { res.set_content(req.body, "text/plain"); });
    return srv;
  }();
  return *s;
}

TEST(HttpServer, AnswersPipelinedRequestsFromBytes) {
  std::string out = EchoServer().ProcessBytes(
      "GET /hello?name=a%20b HTTP/1.1\r\nHost: x\r\n\r\n"
      "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"
      "GET /nowhere HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(out.rfind("HTTP/1.1 200 OK\r\n", 0), 0u) << out;
  EXPECT_NE(out.find("\r\n\r\nhello a b"), std::string::npos) << out;
  size_t second = out.find("HTTP/1.1 200 OK", 1);
  ASSERT_NE(second, std::string::npos) << out;
  EXPECT_NE(out.find("\r\n\r\nhello", second), std::string::npos);
  EXPECT_NE(out.find("HTTP/1.1 404 Not Found"), std::string::npos) << out;
}

TEST(HttpServer, MalformedBytesGetA400OrNothing) {
  EXPECT_EQ(EchoServer().ProcessBytes(""), "");
  std::string out = EchoServer().ProcessBytes("GARBAGE\r\n\r\n");
  EXPECT_EQ(out.rfind("HTTP/1.1 400", 0), 0u) << out;
}

TEST(HttpServer, ShutdownClosesIdleKeepAliveConnectionsAtOnce) {
  HttpServer srv;
  srv.Get("/hi", [](const httplib::Request&, httplib::Response& res) { res.set_content("hi", "text/plain"); });
  srv.set_keep_alive_timeout(30);  // httplib alone would keep the idle client 30 s
  int port = srv.bind_to_any_port("127.0.0.1");
  ASSERT_GT(port, 0);
  std::thread t([&] { srv.listen_after_bind(); });
  while (!srv.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  httplib::Client cli("127.0.0.1", port);
  cli.set_keep_alive(true);
  auto r = cli.Get("/hi");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body, "hi");
  auto t0 = std::chrono::steady_clock::now();
  srv.Shutdown();
  t.join();
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_LT(s, 1.0);
}

}  // namespace
}  // namespace ftf::server
