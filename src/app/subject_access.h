#pragma once
// The answer to a subject access request about one pupil: every service that receives or may
// receive their data, which fields, from which providers, their opt-outs, and every export
// that included them.
#include <string>
#include <vector>

#include "app/actor.h"
#include "store/store.h"

namespace steward {

struct ServiceShare {
  Service service;
  std::vector<std::string> fields;          // pupil fields exported to it
  std::vector<std::string> other_data;      // registered categories with no pupil field
  bool opted_out = false;                   // an opt-out is in force: nothing is sent
};

struct SubjectAccessReport {
  School school;
  Pupil pupil;
  std::vector<ServiceShare> shares;  // register order; retired services left out
  std::vector<OptOut> opt_outs;      // all, including withdrawn ones
  std::vector<Disclosure> disclosures;
  std::string produced_at;
};

SubjectAccessReport subject_access(Store&, const Actor&, const School&, const Pupil&);
std::string subject_access_json(const SubjectAccessReport&);

}  // namespace steward
