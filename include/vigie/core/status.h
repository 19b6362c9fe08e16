// Status and Result<T>: Vigie's one error model (no exceptions cross a module).
// A Status is a code from the error table (error_codes.inc) plus the arguments
// that fill its message. Thread-safety: values, safe to copy between threads.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace vigie {

enum class Lang { kFr, kEn };

enum class ErrorCode : uint16_t {
  kOk = 0,
#define X(name, wire, http, exit, fr, en) name,
#include "vigie/core/error_codes.inc"
#undef X
};

// One row of the error table.
struct ErrorInfo {
  ErrorCode code;
  std::string_view wire;  // stable identifier sent to clients, e.g. "out_of_range"
  int http_status;
  int exit_code;
  std::string_view message_fr;
  std::string_view message_en;
};

// Returns the table row of `code`; kOk maps to a row with http 200, exit 0.
const ErrorInfo& ErrorInfoFor(ErrorCode code);

// All rows, in table order (for documentation and the OpenAPI document).
const std::vector<ErrorInfo>& AllErrors();

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(ErrorCode code, std::vector<std::string> args) : code_(code), args_(std::move(args)) {}

  static Status Ok() { return Status(); }
  static Status Error(ErrorCode code, std::initializer_list<std::string> args = {}) {
    return Status(code, std::vector<std::string>(args));
  }

  bool ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode code() const { return code_; }
  const std::vector<std::string>& args() const { return args_; }
  std::string_view wire_code() const { return ErrorInfoFor(code_).wire; }
  int http_status() const { return ErrorInfoFor(code_).http_status; }
  int exit_code() const { return ErrorInfoFor(code_).exit_code; }

  // The message of the table in `lang`, placeholders {i} filled from args.
  std::string Message(Lang lang) const;

 private:
  ErrorCode code_ = ErrorCode::kOk;
  std::vector<std::string> args_;
};

// Result<T>: a T or a non-ok Status. Accessing value() of an error aborts in
// debug builds (a programming error, never an input error).
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}         // NOLINT(google-explicit-constructor)
  Result(Status status) : data_(std::move(status)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return std::holds_alternative<T>(data_); }
  const Status& status() const {
    static const Status kOkStatus;
    return ok() ? kOkStatus : std::get<Status>(data_);
  }
  const T& value() const& { return std::get<T>(data_); }
  T& value() & { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }

 private:
  std::variant<T, Status> data_;
};

// Parses "fr"/"en" (also "fr_FR.UTF-8", "en-GB"...); anything else is French.
Lang LangFromLocale(std::string_view locale);
std::string_view LangName(Lang lang);

}  // namespace vigie

// Propagates a non-ok Status from an expression returning Status.
#define VIGIE_RETURN_IF_ERROR(expr)                \
  do {                                             \
    ::vigie::Status vigie_status_ = (expr);        \
    if (!vigie_status_.ok()) return vigie_status_; \
  } while (false)
