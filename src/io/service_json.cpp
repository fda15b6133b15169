#include "io/service_json.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>

#include <sstream>

namespace steward {
namespace {

Poco::JSON::Array::Ptr array_of(const std::vector<std::string>& items) {
  Poco::JSON::Array::Ptr a = new Poco::JSON::Array;
  for (const auto& i : items) a->add(i);
  return a;
}

Poco::JSON::Object::Ptr service_object(const Service& s) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("id", s.id.value);
  o->set("section", std::string(section_slug(s.section)));
  o->set("name", s.name);
  o->set("providers", array_of(s.providers));
  o->set("website", s.website);
  o->set("purposes", array_of(s.purposes));
  o->set(s.section == Section::Pupils ? "data_shared" : "potential_data_shared", array_of(s.data_categories));
  o->set("description", s.description);
  o->set("controls", s.controls);
  if (s.risk_assessment_date)
    o->set("risk_assessment_date", s.risk_assessment_date->iso());
  else
    o->set("risk_assessment_date", Poco::Dynamic::Var());
  o->set("status", std::string(service_status_slug(s.status)));
  o->set("opt_out_allowed", section_allows_opt_out(s.section));
  o->set("updated_at", s.updated_at);
  return o;
}

std::string stringify(const Poco::Dynamic::Var& v) {
  std::ostringstream out;
  Poco::JSON::Stringifier::stringify(v, out, 0, -1, Poco::JSON_WRAP_STRINGS);
  return out.str();
}

}  // namespace

std::string service_json(const Service& s) { return stringify(service_object(s)); }

std::string services_json(const School& school, const std::vector<Service>& services) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("school", school.slug);
  o->set("school_name", school.name);
  o->set("updated_at", school.updated_at);
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& s : services) list->add(service_object(s));
  o->set("services", list);
  return stringify(o);
}

}  // namespace steward

namespace steward {

std::string page_text_json(const PageText& p) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("introduction", p.introduction);
  o->set("pupils_intro", p.pupils_intro);
  o->set("management_intro", p.management_intro);
  o->set("other_intro", p.other_intro);
  o->set("legal_requirements", p.legal_requirements);
  return stringify(o);
}

}  // namespace steward
