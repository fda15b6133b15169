#pragma once
// The data the school sends a service, produced by Steward: only the fields of the categories
// registered as shared with it, only pupils on roll and not opted out. Every export is logged.
#include <string>
#include <vector>

#include "app/actor.h"
#include "store/store.h"

namespace steward {

enum class ExportFormat { Csv, OneRoster };
std::optional<ExportFormat> parse_export_format(std::string_view);  // csv | oneroster

struct ExportFile {
  std::string bytes;
  std::string filename;
  std::string content_type;
  Disclosure disclosure;
  std::vector<std::string> not_exportable;  // categories registered but with no pupil field
  std::size_t opted_out = 0;                // pupils left out because of an opt-out
};

// Throws Error 409 for a retired service and 422 when none of its categories is exportable.
ExportFile export_for_service(Store&, const Actor&, const School&, ServiceId, ExportFormat);

}  // namespace steward
