#include "app/copy.h"

#include "app/audit.h"
#include <algorithm>
#include <map>

#include "app/schools.h"

namespace steward {
namespace {

CopiedSchool counts(Store& store, SchoolId id, const std::string& slug) {
  CopiedSchool c{slug,
                 store.services(id).size(),
                 store.providers(id).size(),
                 store.data_categories(id).size(),
                 store.users(id).size(),
                 store.all_audit_entries(id).size()};
  store.for_each_pupil(id, true, PupilParts{}, [&](const Pupil& p) {
    ++c.pupils;
    c.contacts += p.contacts.size();
  });
  c.opt_outs = store.opt_outs(id, std::nullopt, std::nullopt).size();
  for (const auto& d : store.disclosures(id, std::nullopt, std::nullopt)) {
    ++c.disclosures;
    c.disclosed_pupils += static_cast<std::size_t>(d.pupil_count);
  }
  return c;
}

bool same(const CopiedSchool& a, const CopiedSchool& b) {
  return a.services == b.services && a.providers == b.providers && a.categories == b.categories && a.users == b.users &&
         a.audit_entries == b.audit_entries && a.pupils == b.pupils && a.contacts == b.contacts &&
         a.opt_outs == b.opt_outs && a.disclosures == b.disclosures && a.disclosed_pupils == b.disclosed_pupils;
}

// Pupils, their opt-outs (with evidence) and the disclosure log, with every id mapped to the
// destination's.
void copy_pupil_records(Store& from, Store& to, SchoolId source, SchoolId target,
                        const std::map<std::int64_t, ServiceId>& services) {
  std::vector<Pupil> pupils = from.pupils(source, true);
  std::vector<std::optional<Date>> left;
  for (auto& p : pupils) {
    left.push_back(p.leaving_date);
    p.school = target;
  }
  to.save_pupils(target, pupils);
  // One read of the new ids, and one update per leaving date, not a query per pupil.
  std::map<std::string, PupilId> by_upn;
  for (const auto& p : to.pupils(target, true)) by_upn.emplace(p.upn, p.id);
  std::map<std::int64_t, PupilId> ids;
  std::map<Date, std::vector<PupilId>> leavers;
  for (size_t i = 0; i < pupils.size(); ++i) {
    PupilId id = by_upn.at(pupils[i].upn);
    ids[pupils[i].id.value] = id;
    if (left[i]) leavers[*left[i]].push_back(id);
  }
  for (const auto& [on, group] : leavers) to.mark_pupils_left(target, group, on);
  auto opt_outs = from.opt_outs(source, std::nullopt, std::nullopt);
  std::reverse(opt_outs.begin(), opt_outs.end());  // oldest first, as they were recorded
  for (const auto& listed : opt_outs) {
    OptOut o = *from.opt_out(source, listed.id);  // with its evidence
    o.school = target;
    o.pupil = ids.at(o.pupil.value);
    o.service = services.at(o.service.value);
    OptOutId id = to.create_opt_out(o);
    if (!o.in_force()) to.withdraw_opt_out(target, id, o.withdrawn_by, o.withdrawn_at, o.withdrawn_reason);
  }
  auto disclosures = from.disclosures(source, std::nullopt, std::nullopt);
  std::reverse(disclosures.begin(), disclosures.end());
  for (auto d : disclosures) {
    std::vector<PupilId> included;
    for (auto old_id : from.disclosed_pupils(source, d.id)) included.push_back(ids.at(old_id.value));
    d.school = target;
    d.service = services.at(d.service.value);
    to.create_disclosure(d, included);
  }
}

void copy_providers(Store& from, Store& to, SchoolId source, SchoolId target) {
  auto details = from.providers(source);
  for (auto p : to.providers(target))
    for (const auto& d : details)
      if (d.name == p.name) {
        p.website = d.website;
        p.data_location = d.data_location;
        p.ico_registration = d.ico_registration;
        to.update_provider(p);
      }
}

CopiedSchool copy_one(Store& from, Store& to, const School& school) {
  if (to.school(school.slug)) throw Error::conflict("The destination already has a school with the slug " + school.slug);
  School copy = school;
  copy.id = to.create_school(copy);
  for (auto c : from.data_categories(school.id)) {
    c.school = copy.id;
    to.create_data_category(c);
  }
  // Services are created oldest first so that providers keep their first-use order.
  auto services = from.services(school.id);
  std::sort(services.begin(), services.end(), [](const Service& a, const Service& b) { return a.id < b.id; });
  std::vector<std::int64_t> old_ids;
  for (auto& s : services) {
    old_ids.push_back(s.id.value);
    s.id = {};
    s.school = copy.id;
  }
  to.save_services(copy.id, services);
  std::map<std::int64_t, ServiceId> service_ids;
  for (size_t i = 0; i < services.size(); ++i) service_ids[old_ids[i]] = services[i].id;
  copy_providers(from, to, school.id, copy.id);
  for (auto u : from.users(school.id)) {
    if (to.user_by_email(u.email)) throw Error::conflict("The destination already has an account for " + u.email);
    u.school = copy.id;
    to.create_user(u);
  }
  copy_pupil_records(from, to, school.id, copy.id, service_ids);
  auto trail = from.all_audit_entries(school.id);
  for (auto& e : trail) e.school = copy.id;
  to.append_audit_entries(trail);
  if (auto broken = verify_audit_chain(from, school.id))
    throw Error::conflict("The audit trail of " + school.slug + " in the source is broken at entry " +
                          std::to_string(*broken) + "; nothing was copied");
  auto expected = counts(from, school.id, school.slug);
  auto got = counts(to, copy.id, school.slug);
  if (!same(expected, got) || verify_audit_chain(to, copy.id))
    throw Error::internal("The copy of " + school.slug + " did not read back the same; nothing was copied");
  return got;
}

}  // namespace

std::vector<CopiedSchool> copy_schools(Store& from, Store& to, const std::string& slug) {
  std::vector<School> schools = slug.empty() ? from.schools() : std::vector<School>{find_school(from, slug)};
  if (schools.empty()) throw Error::not_found("The source database has no schools");
  std::vector<CopiedSchool> out;
  to.transaction([&] {
    for (const auto& school : schools) out.push_back(copy_one(from, to, school));
  });
  return out;
}

}  // namespace steward
