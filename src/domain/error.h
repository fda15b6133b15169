#pragma once
// The one error type: a message a person can act on, the HTTP status it maps to, and, for
// validation failures, the fields at fault. Nothing else crosses layer boundaries as an error.
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace steward {

struct FieldError {
  std::string field;
  std::string message;
};

class Error : public std::runtime_error {
 public:
  Error(int status, const std::string& message, std::vector<FieldError> fields = {})
      : std::runtime_error(message), status_(status), fields_(std::move(fields)) {}

  static Error bad_request(const std::string& m) { return {400, m}; }
  static Error unauthorized(const std::string& m) { return {401, m}; }
  static Error forbidden(const std::string& m) { return {403, m}; }
  static Error not_found(const std::string& m) { return {404, m}; }
  static Error conflict(const std::string& m) { return {409, m}; }
  static Error too_large(const std::string& m) { return {413, m}; }
  static Error too_many(const std::string& m) { return {429, m}; }
  static Error unavailable(const std::string& m) { return {503, m}; }
  static Error internal(const std::string& m) { return {500, m}; }
  // One or more fields are wrong; the message summarises them all.
  static Error invalid(std::vector<FieldError> fields);
  static Error invalid(const std::string& field, const std::string& message) {
    return invalid(std::vector<FieldError>{{field, message}});
  }

  int status() const { return status_; }
  const std::vector<FieldError>& fields() const { return fields_; }
  // The message for one field, empty when that field is fine.
  std::string field_message(std::string_view field) const;

 private:
  int status_;
  std::vector<FieldError> fields_;
};

}  // namespace steward
