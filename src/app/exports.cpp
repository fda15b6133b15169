#include "app/exports.h"

#include <unordered_set>

#include "app/audit.h"
#include "app/clock.h"
#include "app/crypto.h"
#include "app/register.h"
#include "domain/export_field.h"
#include "domain/text.h"
#include "io/oneroster_writer.h"
#include "io/pupil_csv_writer.h"

namespace steward {
namespace {

// Hands each pupil on roll and not opted out of the service to `fn`, one at a time.
void for_each_recipient(Store& store, const School& school, const Service& service, const std::vector<ExportField>& fields,
                        std::size_t& opted_out, const std::function<void(const Pupil&)>& fn) {
  std::unordered_set<std::int64_t> excluded;
  for (const auto& o : store.opt_outs(school.id, std::nullopt, service.id))
    if (o.in_force()) excluded.insert(o.pupil.value);
  store.for_each_pupil(school.id, false, pupil_parts_for(fields), [&](const Pupil& p) {
    if (excluded.count(p.id.value)) ++opted_out;
    else fn(p);
  });
}

int school_year(const Date& d) { return d.month >= 9 ? d.year + 1 : d.year; }

std::string file_stem(const School& school, const Service& service) {
  std::string name;
  for (char c : lower(service.name)) name += std::isalnum(static_cast<unsigned char>(c)) ? c : '-';
  return school.slug + "-" + name + "-" + today().iso();
}

}  // namespace

std::optional<ExportFormat> parse_export_format(std::string_view s) {
  if (s == "csv") return ExportFormat::Csv;
  if (s == "oneroster") return ExportFormat::OneRoster;
  return std::nullopt;
}

ExportFile export_for_service(Store& store, const Actor& actor, const School& school, ServiceId id, ExportFormat format) {
  require_pupil_handler(actor, school.id);
  Service service = find_service(store, school, id);
  if (service.status == ServiceStatus::Retired)
    throw Error::conflict(service.name + " is retired: the school no longer sends it any data");
  ExportPlan plan = plan_export(service.data_categories);
  if (plan.fields.empty())
    throw Error::invalid("service", "The register lists no pupil data that can be exported for " + service.name +
                                        (plan.not_exportable.empty() ? std::string()
                                                                     : " (not exportable: " + join(plan.not_exportable, ", ") + ")"));
  ExportFile file;
  file.not_exportable = plan.not_exportable;
  std::vector<PupilId> ids;
  if (format == ExportFormat::Csv) {
    // Sized once for the whole roll: a buffer doubled as it grows would be copied and faulted in
    // again each time. Pages reserved but never written cost nothing.
    file.bytes.reserve(static_cast<std::size_t>(store.count_pupils(school.id, false) + 1) * plan.fields.size() * 32);
    append_pupil_csv_header(file.bytes, plan.fields);
    for_each_recipient(store, school, service, plan.fields, file.opted_out, [&](const Pupil& p) {
      append_pupil_csv_row(file.bytes, plan.fields, p);
      ids.push_back(p.id);
    });
    file.filename = file_stem(school, service) + ".csv";
    file.content_type = "text/csv; charset=utf-8";
  } else {
    std::vector<Pupil> pupils;
    for_each_recipient(store, school, service, plan.fields, file.opted_out, [&](const Pupil& p) {
      pupils.push_back(p);
      ids.push_back(p.id);
    });
    file.bytes = write_oneroster_zip({school.slug, school.name, school.urn, "Steward", school_year(today()), plan.fields, pupils});
    file.filename = file_stem(school, service) + "-oneroster.zip";
    file.content_type = "application/zip";
  }
  std::vector<std::string> columns;
  for (auto f : plan.fields) columns.emplace_back(export_field_column(f));
  Disclosure& d = file.disclosure;
  d = {{}, school.id, service.id, service.name, now_iso(), actor.name, format == ExportFormat::Csv ? "csv" : "oneroster",
       join(columns, ","), static_cast<std::int64_t>(ids.size()), sha256_hex(file.bytes)};
  store.transaction([&] {
    d.id = store.create_disclosure(d, ids);
    audit(store, actor,
          {school.id, "export.create", "service", std::to_string(service.id.value), "",
           "{\"format\":\"" + d.format + "\",\"fields\":\"" + d.fields + "\",\"pupils\":" + std::to_string(d.pupil_count) +
               ",\"sha256\":\"" + d.sha256 + "\"}"});
  });
  return file;
}

}  // namespace steward
