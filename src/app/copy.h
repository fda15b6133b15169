#pragma once
// Moves schools between databases: how a school joins its local authority's PostgreSQL (and
// goes back to its own SQLite file). Ids are renumbered; everything else, including the audit
// chain, arrives as it was.
#include <string>
#include <vector>

#include "store/store.h"

namespace steward {

struct CopiedSchool {
  std::string slug;
  std::size_t services = 0, providers = 0, categories = 0, users = 0, audit_entries = 0;
  std::size_t pupils = 0, contacts = 0, opt_outs = 0, disclosures = 0, disclosed_pupils = 0;
};

// Copies the school named by `slug`, or every school when it is empty, in one transaction on
// the destination. Throws Error 409 when the destination already has a school with the same
// slug or an account with the same email, and Error 500 when the counts read back from the
// destination differ from the source's; either way the destination is left unchanged.
std::vector<CopiedSchool> copy_schools(Store& from, Store& to, const std::string& slug);

}  // namespace steward
