#include "domain/audit_entry.h"

namespace steward {

std::string AuditEntry::chained_text() const {
  // Length-prefixed so that no two different entries produce the same text.
  std::string out;
  for (const std::string* part : {&prev_hash, &at, &actor, &action, &entity, &entity_id, &before, &after}) {
    out += std::to_string(part->size());
    out += ':';
    out += *part;
  }
  out += std::to_string(school.value);
  return out;
}

}  // namespace steward
