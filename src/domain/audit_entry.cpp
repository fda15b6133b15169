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
  // The school's id is left out: ids are renumbered when a school moves to another database
  // (steward copy), and its chain must still verify there.
  return out;
}

}  // namespace steward
