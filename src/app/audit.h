#pragma once
// Appends to the tamper-evident audit trail; every write in the app goes through here, inside
// the same transaction as the change it records.
#include <optional>
#include <string>

#include "app/actor.h"
#include "store/store.h"

namespace steward {

struct AuditRecord {
  SchoolId school;
  std::string action;  // "service.update"
  std::string entity;  // "service"
  std::string entity_id;
  std::string before;  // JSON or empty
  std::string after;   // JSON or empty
};

void audit(Store&, const Actor&, AuditRecord);
// Several records of one school, chained in the order given and appended in one write (an
// import's changes). REQUIRES: inside the transaction that makes the changes.
void audit(Store&, const Actor&, SchoolId, std::vector<AuditRecord>);

// The id of the first entry of the school's chain whose hash does not match, or nullopt when
// the chain is intact.
std::optional<std::int64_t> verify_audit_chain(Store&, SchoolId);

}  // namespace steward
