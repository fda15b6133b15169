#include "app/subject_access.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>

#include <sstream>

#include "app/audit.h"
#include "app/clock.h"
#include "domain/export_field.h"
#include "domain/text.h"

namespace steward {

SubjectAccessReport subject_access(Store& store, const Actor& actor, const School& school, const Pupil& pupil) {
  require_pupil_handler(actor, school.id);
  SubjectAccessReport r{school, pupil, {}, store.opt_outs(school.id, pupil.id, std::nullopt),
                        store.disclosures(school.id, std::nullopt, pupil.id), now_iso()};
  for (auto& s : store.services(school.id)) {
    if (s.status == ServiceStatus::Retired) continue;
    ServiceShare share{s, {}, {}, false};
    auto plan = plan_export(s.data_categories);
    for (auto f : plan.fields) share.fields.emplace_back(export_field_column(f));
    share.other_data = plan.not_exportable;
    if (!s.description.empty() && !iequals(s.description, "none")) share.other_data.push_back(s.description);
    for (const auto& o : r.opt_outs)
      if (o.service == s.id && o.in_force()) share.opted_out = true;
    if (!share.fields.empty() || !share.other_data.empty()) r.shares.push_back(std::move(share));
  }
  store.transaction([&] {
    audit(store, actor, {school.id, "subject_access.report", "pupil", std::to_string(pupil.id.value), "", ""});
  });
  return r;
}

namespace {
Poco::JSON::Array::Ptr strings(const std::vector<std::string>& items) {
  Poco::JSON::Array::Ptr a = new Poco::JSON::Array;
  for (const auto& i : items) a->add(i);
  return a;
}
}  // namespace

std::string subject_access_json(const SubjectAccessReport& r) {
  using Poco::JSON::Array;
  using Poco::JSON::Object;
  Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("school", r.school.slug);
  o->set("produced_at", r.produced_at);
  Object::Ptr pupil = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  pupil->set("upn", r.pupil.upn);
  pupil->set("forename", r.pupil.forename());
  pupil->set("surname", r.pupil.surname());
  o->set("pupil", pupil);
  Array::Ptr shares = new Array;
  for (const auto& s : r.shares) {
    Object::Ptr x = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    x->set("service", s.service.name);
    x->set("section", std::string(section_slug(s.service.section)));
    x->set("providers", strings(s.service.providers));
    x->set("fields", strings(s.fields));
    x->set("other_data", strings(s.other_data));
    x->set("opted_out", s.opted_out);
    shares->add(x);
  }
  o->set("services", shares);
  Array::Ptr opt_outs = new Array;
  for (const auto& oo : r.opt_outs) {
    Object::Ptr x = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    x->set("service_id", oo.service.value);
    x->set("received_on", oo.received_on.iso());
    x->set("decided_by", oo.decided_by);
    x->set("method", std::string(opt_out_method_slug(oo.method)));
    x->set("withdrawn_at", oo.withdrawn_at);
    opt_outs->add(x);
  }
  o->set("opt_outs", opt_outs);
  Array::Ptr exports = new Array;
  for (const auto& d : r.disclosures) {
    Object::Ptr x = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    x->set("service", d.service_name);
    x->set("at", d.at);
    x->set("format", d.format);
    x->set("fields", d.fields);
    x->set("sha256", d.sha256);
    exports->add(x);
  }
  o->set("exports", exports);
  std::ostringstream out;
  Poco::JSON::Stringifier::stringify(o, out, 2);
  return out.str();
}

}  // namespace steward
