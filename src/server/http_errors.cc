#include "server/http_errors.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

namespace ftf::server {

int HttpStatusFor(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return 200;
    case StatusCode::kInvalidArgument:
    case StatusCode::kOutOfRange: return 400;
    case StatusCode::kNotFound: return 404;
    case StatusCode::kAlreadyExists:
    case StatusCode::kFailedPrecondition: return 409;
    case StatusCode::kUnimplemented: return 501;
    case StatusCode::kCorruption:
    case StatusCode::kIOError:
    case StatusCode::kInternal: return 500;
  }
  return 500;
}

std::string_view ErrorCodeForHttp(int http_status) {
  switch (http_status) {
    case 400: return "bad_request";
    case 401: return "unauthorized";
    case 403: return "forbidden";
    case 404: return "not_found";
    case 405: return "method_not_allowed";
    case 409: return "conflict";
    case 413: return "payload_too_large";
    case 414: return "uri_too_long";
    case 415: return "unsupported_media_type";
    case 500: return "internal";
    case 501: return "not_implemented";
    case 503: return "unavailable";
    default: return "error";
  }
}

std::string ErrorBody(int http_status, std::string_view code, std::string_view message) {
  nlohmann::json j = {{"error", {{"status", http_status}, {"code", code}, {"message", message}}}};
  // Messages may quote user input: replace invalid UTF-8 rather than throw.
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

void SendError(httplib::Response& res, int http_status, std::string_view message) {
  SendError(res, http_status, ErrorCodeForHttp(http_status), message);
}

void SendError(httplib::Response& res, int http_status, std::string_view code, std::string_view message) {
  res.status = http_status;
  res.set_content(ErrorBody(http_status, code, message), "application/json; charset=utf-8");
}

namespace {
std::string_view StatusCodeSnake(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return "ok";
    case StatusCode::kInvalidArgument: return "invalid_argument";
    case StatusCode::kNotFound: return "not_found";
    case StatusCode::kAlreadyExists: return "already_exists";
    case StatusCode::kFailedPrecondition: return "failed_precondition";
    case StatusCode::kCorruption: return "corruption";
    case StatusCode::kIOError: return "io_error";
    case StatusCode::kOutOfRange: return "out_of_range";
    case StatusCode::kUnimplemented: return "not_implemented";
    case StatusCode::kInternal: return "internal";
  }
  return "error";
}
}  // namespace

void SendStatus(httplib::Response& res, const Status& status) {
  // The Status code's name in snake case ("invalid_argument"), as docs/api.md lists them.
  SendError(res, HttpStatusFor(status.code()), StatusCodeSnake(status.code()), status.message());
}

}  // namespace ftf::server
