#include "app/opt_outs.h"

#include <algorithm>

#include "app/audit.h"
#include "app/clock.h"
#include "app/register.h"
#include "domain/text.h"

namespace steward {
namespace {

std::vector<FieldError> validate(const NewOptOut& o) {
  std::vector<FieldError> errors;
  if (trim(o.decided_by).empty()) errors.push_back({"decided_by", "Enter the name of the parent who opted out"});
  if (o.decided_by.size() > 200) errors.push_back({"decided_by", "Name must be 200 characters or fewer"});
  if (trim(o.relationship).empty()) errors.push_back({"relationship", "Enter their relationship to the pupil"});
  if (!o.received_on) errors.push_back({"received_on", "Enter the date the school received it, as a real date"});
  else if (today() < *o.received_on) errors.push_back({"received_on", "The date received cannot be in the future"});
  if (!o.method) errors.push_back({"method", "Select how it was received: letter, email or form"});
  if (o.evidence && o.evidence->bytes.size() > kMaxEvidenceBytes)
    errors.push_back({"evidence", "The evidence file must be 5 MB or smaller"});
  if (o.alternative.size() > 2000) errors.push_back({"alternative", "Alternative must be 2000 characters or fewer"});
  return errors;
}

void check_allowed(Store& store, const School& school, const Pupil& pupil, const Service& service) {
  if (!section_allows_opt_out(service.section))
    throw Error::conflict("Parents cannot opt out of " + service.name + ": it is one of the " +
                          lower(section_title(service.section)) + ". The school's register says: \"" +
                          join(paragraphs(school.page.section_intro(service.section)), " ") + "\"");
  if (service.status == ServiceStatus::Retired) throw Error::conflict(service.name + " is retired; there is nothing to opt out of");
  if (!pupil.on_roll()) throw Error::conflict(pupil.forename() + " " + pupil.surname() + " has left the school");
  for (const auto& o : store.opt_outs(school.id, pupil.id, service.id))
    if (o.in_force())
      throw Error::conflict("An opt-out of " + service.name + " for " + pupil.forename() + " " + pupil.surname() +
                            " is already in force (received " + o.received_on.long_form() + ")");
}

std::string summary(const OptOut& o) {
  return "{\"pupil\":" + std::to_string(o.pupil.value) + ",\"service\":" + std::to_string(o.service.value) +
         ",\"received_on\":\"" + o.received_on.iso() + "\",\"method\":\"" + std::string(opt_out_method_slug(o.method)) +
         "\",\"withdrawn_at\":\"" + o.withdrawn_at + "\"}";
}

}  // namespace

Pupil find_pupil(Store& store, const School& school, PupilId id) {
  auto p = store.pupil(school.id, id);
  if (!p) throw Error::not_found("There is no pupil " + std::to_string(id.value) + " at " + school.name);
  return *p;
}

Pupil find_pupil_by_upn(Store& store, const School& school, const std::string& upn) {
  auto p = store.pupil_by_upn(school.id, trim(upn));
  if (!p) throw Error::not_found("There is no pupil with UPN " + upn + " at " + school.name);
  return *p;
}

OptOut add_opt_out(Store& store, const Actor& actor, const School& school, NewOptOut in) {
  require_pupil_handler(actor, school.id);
  in.decided_by = std::string(trim(in.decided_by));
  in.relationship = std::string(trim(in.relationship));
  in.alternative = std::string(trim(in.alternative));
  if (auto errors = validate(in); !errors.empty()) throw Error::invalid(errors);
  Pupil pupil = find_pupil(store, school, in.pupil);
  Service service = find_service(store, school, in.service);
  OptOut o;
  o.school = school.id;
  o.pupil = pupil.id;
  o.service = service.id;
  o.decided_by = in.decided_by;
  o.relationship = in.relationship;
  o.received_on = *in.received_on;
  o.method = *in.method;
  o.evidence = std::move(in.evidence);
  o.alternative = in.alternative;
  o.recorded_by = actor.name;
  o.recorded_at = now_iso();
  // Checked inside the transaction; a unique index on in-force opt-outs stops a concurrent twin.
  store.transaction([&] {
    check_allowed(store, school, pupil, service);
    o.id = store.create_opt_out(o);
    audit(store, actor, {school.id, "opt_out.create", "opt_out", std::to_string(o.id.value), "", summary(o)});
  });
  return o;
}

void withdraw_opt_out(Store& store, const Actor& actor, const School& school, OptOutId id, const std::string& reason) {
  require_pupil_handler(actor, school.id);
  if (trim(reason).empty()) throw Error::invalid("reason", "Say why the opt-out is withdrawn (for example, the parent's letter of 3 March)");
  store.transaction([&] {
    auto o = store.opt_out(school.id, id);
    if (!o) throw Error::not_found("There is no opt-out " + std::to_string(id.value));
    if (!o->in_force()) throw Error::conflict("That opt-out was already withdrawn on " + o->withdrawn_at.substr(0, 10));
    std::string before = summary(*o);
    o->withdrawn_at = now_iso();
    o->withdrawn_by = actor.name;
    o->withdrawn_reason = std::string(trim(reason));
    store.withdraw_opt_out(school.id, id, o->withdrawn_by, o->withdrawn_at, o->withdrawn_reason);
    audit(store, actor, {school.id, "opt_out.withdraw", "opt_out", std::to_string(id.value), before, summary(*o)});
  });
}

}  // namespace steward
