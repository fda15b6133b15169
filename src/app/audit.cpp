#include "app/audit.h"

#include "app/clock.h"
#include "app/crypto.h"

namespace steward {

void audit(Store& store, const Actor& actor, AuditRecord r) {
  AuditEntry e;
  e.school = r.school;
  e.at = now_iso();
  e.actor = actor.name;
  e.action = std::move(r.action);
  e.entity = std::move(r.entity);
  e.entity_id = std::move(r.entity_id);
  e.before = std::move(r.before);
  e.after = std::move(r.after);
  auto last = store.last_audit(e.school);
  e.prev_hash = last ? last->hash : std::string(64, '0');
  e.hash = sha256_hex(e.chained_text());
  store.append_audit(e);
}

std::optional<std::int64_t> verify_audit_chain(Store& store, SchoolId school) {
  std::string prev(64, '0');
  for (const auto& e : store.all_audit_entries(school)) {
    if (e.prev_hash != prev || sha256_hex(e.chained_text()) != e.hash) return e.id;
    prev = e.hash;
  }
  return std::nullopt;
}

}  // namespace steward
