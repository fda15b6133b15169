#pragma once
// One line of the audit trail. Each entry's hash covers the previous entry's hash, so a changed
// or deleted line breaks the chain.
#include <cstdint>
#include <string>

#include "domain/ids.h"

namespace steward {

struct AuditEntry {
  std::int64_t id = 0;
  SchoolId school;
  std::string at;      // ISO 8601 UTC
  std::string actor;   // "dpo@school.example" or "command line (root)"
  std::string action;  // "service.create"
  std::string entity;  // "service"
  std::string entity_id;
  std::string before;  // JSON, empty for a creation
  std::string after;   // JSON, empty for a deletion
  std::string prev_hash;
  std::string hash;

  // The text the hash is computed over.
  std::string chained_text() const;
};

}  // namespace steward
