// Status and Result<T>: errors as values between ftfwatch's stages.
//
// Every fallible call at a module boundary returns a Status (no value) or a
// Result<T> (a value or the Status that explains why there is none). The CLI
// turns a Status into an exit code (see ExitCodeFor); the server turns it into
// an HTTP status and a JSON body. Messages name the file, line and field where
// the caller knows them: "claims.csv:12: low: not a number: '12x'".
//
// Thread safety: Status and Result are plain values; distinct objects may be
// used from distinct threads without synchronisation.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace ftf {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,     // the caller's input is malformed (bad CSV field, unknown country)
  kNotFound,            // a named thing (country, source, file) does not exist
  kAlreadyExists,       // a unique thing was created twice
  kFailedPrecondition,  // the system is not in a state to do this (db newer than program)
  kCorruption,          // stored data is unreadable or inconsistent
  kIOError,             // the operating system refused (missing file, not writable)
  kOutOfRange,          // a number is outside what is allowed
  kUnimplemented,
  kInternal,            // a bug in ftfwatch
};

const char* StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  // An OK status. Cheap: holds no message.
  Status() = default;

  static Status OK() { return Status(); }
  static Status InvalidArgument(std::string msg) { return {StatusCode::kInvalidArgument, std::move(msg)}; }
  static Status NotFound(std::string msg) { return {StatusCode::kNotFound, std::move(msg)}; }
  static Status AlreadyExists(std::string msg) { return {StatusCode::kAlreadyExists, std::move(msg)}; }
  static Status FailedPrecondition(std::string msg) {
    return {StatusCode::kFailedPrecondition, std::move(msg)};
  }
  static Status Corruption(std::string msg) { return {StatusCode::kCorruption, std::move(msg)}; }
  static Status IOError(std::string msg) { return {StatusCode::kIOError, std::move(msg)}; }
  static Status OutOfRange(std::string msg) { return {StatusCode::kOutOfRange, std::move(msg)}; }
  static Status Unimplemented(std::string msg) { return {StatusCode::kUnimplemented, std::move(msg)}; }
  static Status Internal(std::string msg) { return {StatusCode::kInternal, std::move(msg)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // "InvalidArgument: claims.csv:3: low: not a number" (or "OK").
  std::string ToString() const;

  // A copy whose message is prefixed with `context` and ": ".
  Status WithContext(const std::string& context) const;

 private:
  Status(StatusCode code, std::string msg) : code_(code), message_(std::move(msg)) {}
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// A value of type T, or the non-OK Status that explains why there is none.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : data_(std::move(status)) {  // NOLINT: implicit by design
    assert(!std::get<Status>(data_).ok() && "Result built from an OK status has no value");
  }

  bool ok() const { return std::holds_alternative<T>(data_); }
  // The status: OK when a value is held.
  Status status() const { return ok() ? Status::OK() : std::get<Status>(data_); }

  // Precondition: ok().
  T& value() & { return std::get<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> data_;
};

// Process exit code for a status, as documented in docs/cli.md:
// 0 OK, 3 bad input data, 4 database/IO problem, 5 not found, 1 anything else.
int ExitCodeFor(const Status& status);

}  // namespace ftf

#define FTF_CONCAT_INNER_(a, b) a##b
#define FTF_CONCAT_(a, b) FTF_CONCAT_INNER_(a, b)

// Returns the status from the enclosing function if `expr` is not OK.
#define FTF_RETURN_IF_ERROR(expr)              \
  do {                                         \
    ::ftf::Status ftf_status_ = (expr);        \
    if (!ftf_status_.ok()) return ftf_status_; \
  } while (0)

// `lhs = value of expr`, or returns its status from the enclosing function.
#define FTF_ASSIGN_OR_RETURN(lhs, expr) FTF_ASSIGN_OR_RETURN_IMPL_(FTF_CONCAT_(ftf_result_, __LINE__), lhs, expr)
#define FTF_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                               \
  if (!tmp.ok()) return tmp.status();              \
  lhs = std::move(tmp).value()
