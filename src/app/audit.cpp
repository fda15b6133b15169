#include "app/audit.h"

#include "app/clock.h"
#include "app/crypto.h"

namespace steward {

void audit(Store& store, const Actor& actor, AuditRecord r) {
  SchoolId school = r.school;
  std::vector<AuditRecord> one;
  one.push_back(std::move(r));
  audit(store, actor, school, std::move(one));
}

void audit(Store& store, const Actor& actor, SchoolId school, std::vector<AuditRecord> records) {
  if (records.empty()) return;
  auto last = store.last_audit(school);
  std::string prev = last ? last->hash : std::string(64, '0');
  std::string at = now_iso();
  std::vector<AuditEntry> entries;
  entries.reserve(records.size());
  for (auto& r : records) {
    AuditEntry& e = entries.emplace_back();
    e.school = school;
    e.at = at;
    e.actor = actor.name;
    e.action = std::move(r.action);
    e.entity = std::move(r.entity);
    e.entity_id = std::move(r.entity_id);
    e.before = std::move(r.before);
    e.after = std::move(r.after);
    e.prev_hash = prev;
    e.hash = sha256_hex(e.chained_text());
    prev = e.hash;
  }
  store.append_audit_entries(entries);
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
