// JSON errors for the HTTP API: every non-2xx answer has the body
//   {"error": {"status": 404, "code": "not_found", "message": "no country or region 'XYZ'"}}
// `code` is a stable machine name (docs/api.md lists them); `message` is for people and names
// the query parameter or field at fault ("country: unknown country or region 'Nigerria' …").
#pragma once

#include <string>
#include <string_view>

#include "ftfwatch/status.h"

namespace httplib {
struct Response;
}

namespace ftf::server {

// The HTTP status for a Status code: InvalidArgument/OutOfRange 400, NotFound 404,
// AlreadyExists/FailedPrecondition 409, Unimplemented 501, everything else 500.
int HttpStatusFor(StatusCode code);

// The stable error code for an HTTP status: "bad_request", "unauthorized", "forbidden",
// "not_found", "method_not_allowed", "conflict", "payload_too_large", "unsupported_media_type",
// "internal", "not_implemented", else "error".
std::string_view ErrorCodeForHttp(int http_status);

// The error body, serialised.
std::string ErrorBody(int http_status, std::string_view code, std::string_view message);

// Sets status, JSON body and content type on `res`.
void SendError(httplib::Response& res, int http_status, std::string_view message);
void SendError(httplib::Response& res, int http_status, std::string_view code, std::string_view message);
// For a non-OK Status from a stage.
void SendStatus(httplib::Response& res, const Status& status);

}  // namespace ftf::server
