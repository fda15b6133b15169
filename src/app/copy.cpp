#include "app/copy.h"

#include "app/audit.h"
#include <algorithm>

#include "app/schools.h"

namespace steward {
namespace {

CopiedSchool counts(Store& store, SchoolId id, const std::string& slug) {
  return {slug,
          store.services(id).size(),
          store.providers(id).size(),
          store.data_categories(id).size(),
          store.users(id).size(),
          store.all_audit_entries(id).size()};
}

bool same(const CopiedSchool& a, const CopiedSchool& b) {
  return a.services == b.services && a.providers == b.providers && a.categories == b.categories && a.users == b.users &&
         a.audit_entries == b.audit_entries;
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
  for (auto s : services) {
    s.school = copy.id;
    to.create_service(s);
  }
  copy_providers(from, to, school.id, copy.id);
  for (auto u : from.users(school.id)) {
    if (to.user_by_email(u.email)) throw Error::conflict("The destination already has an account for " + u.email);
    u.school = copy.id;
    to.create_user(u);
  }
  for (auto e : from.all_audit_entries(school.id)) {
    e.school = copy.id;
    to.append_audit(e);
  }
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
