#pragma once
// The register as CSV: `steward register import|export` and the web upload. Header:
// section,name,providers,website,purposes,data_shared,description,controls,risk_assessment_date
// Lists are separated by ";", dates are ISO 8601. An import is all or nothing.
#include <string>
#include <string_view>
#include <vector>

#include "app/actor.h"
#include "store/store.h"

namespace steward {

extern const std::vector<std::string> kRegisterCsvHeader;

struct RegisterImportReport {
  std::vector<std::string> added, updated, unchanged;  // service names
  bool dry_run = false;
};

// Matches rows to services by section and name (ignoring case); adds the rest as in use.
// Throws Error 422 with one FieldError per faulty line ("line 4") when any row is wrong, and
// then changes nothing.
RegisterImportReport import_register_csv(Store&, const Actor&, const School&, std::string_view csv, bool dry_run);

// Every service not retired, in register order.
std::string export_register_csv(Store&, const School&);

}  // namespace steward
