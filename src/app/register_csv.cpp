#include "app/register_csv.h"

#include "app/clock.h"
#include "app/register.h"
#include "domain/text.h"
#include "io/csv.h"
#include "io/service_json.h"

namespace steward {

const std::vector<std::string> kRegisterCsvHeader = {"section",  "name",        "providers",
                                                     "website",  "purposes",    "data_shared",
                                                     "description", "controls", "risk_assessment_date"};

namespace {

struct Row {
  int line;
  Service service;
};

std::string at_line(int line) { return "line " + std::to_string(line); }

void check_header(const std::vector<CsvRecord>& records) {
  if (records.empty()) throw Error::invalid("line 1", "the file is empty; expected the header " + join(kRegisterCsvHeader, ","));
  std::vector<std::string> got;
  for (const auto& f : records.front().fields) got.push_back(lower(trim(f)));
  if (got != kRegisterCsvHeader)
    throw Error::invalid(at_line(records.front().line), "the header must be " + join(kRegisterCsvHeader, ","));
}

// Reads one record into a service; problems are appended to `errors`.
std::optional<Service> read_row(const CsvRecord& r, std::vector<FieldError>& errors) {
  auto fault = [&](const std::string& m) { errors.push_back({at_line(r.line), m}); };
  if (r.fields.size() != kRegisterCsvHeader.size()) {
    fault("expected " + std::to_string(kRegisterCsvHeader.size()) + " fields, found " + std::to_string(r.fields.size()));
    return std::nullopt;
  }
  const auto& f = r.fields;
  auto section = parse_section(lower(trim(f[0])));
  if (!section) {
    fault("section: \"" + f[0] + "\" is not a section (use pupils, management or other)");
    return std::nullopt;
  }
  Service s;
  s.section = *section;
  s.name = f[1];
  s.providers = split_list(f[2], ';');
  s.website = f[3];
  s.purposes = split_list(f[4], ';');
  s.data_categories = split_list(f[5], ';');
  s.description = f[6];
  s.controls = f[7];
  if (!trim(f[8]).empty()) {
    s.risk_assessment_date = Date::parse_iso(trim(f[8]));
    if (!s.risk_assessment_date) fault("risk_assessment_date: \"" + f[8] + "\" is not a real date in the form YYYY-MM-DD");
  }
  return s;
}

bool same_content(const Service& a, const Service& b) {
  return a.name == b.name && a.providers == b.providers && a.website == b.website && a.purposes == b.purposes &&
         a.data_categories == b.data_categories && a.description == b.description && a.controls == b.controls &&
         a.risk_assessment_date == b.risk_assessment_date;
}

const Service* existing_match(const std::vector<Service>& existing, const Service& s) {
  for (const auto& e : existing)
    if (e.section == s.section && iequals(e.name, s.name) && e.status != ServiceStatus::Retired) return &e;
  return nullptr;
}

std::vector<Row> read_rows(const std::vector<CsvRecord>& records, const std::vector<DataCategory>& categories) {
  std::vector<FieldError> errors;
  std::vector<Row> rows;
  for (size_t i = 1; i < records.size(); ++i) {
    const auto& r = records[i];
    size_t before = errors.size();
    auto s = read_row(r, errors);
    if (!s) continue;
    *s = normalise_service(std::move(*s), categories);
    for (const auto& e : validate_service(*s, categories, today())) errors.push_back({at_line(r.line), e.field + ": " + e.message});
    for (const auto& other : rows)
      if (other.service.section == s->section && iequals(other.service.name, s->name))
        errors.push_back({at_line(r.line), "name: \"" + s->name + "\" is already on line " + std::to_string(other.line) +
                                               " in the same section"});
    if (errors.size() == before) rows.push_back({r.line, std::move(*s)});
  }
  if (records.size() < 2) errors.push_back({"line 2", "the file has a header but no services"});
  if (!errors.empty()) throw Error::invalid(errors);
  return rows;
}

}  // namespace

// The file's changes are saved as one batch, so a register of any size costs a fixed number of
// statements on PostgreSQL.
RegisterImportReport import_register_csv(Store& store, const Actor& actor, const School& school, std::string_view csv,
                                         bool dry_run) {
  require_register_editor(actor, school.id);
  auto records = parse_csv(csv);
  check_header(records);
  auto rows = read_rows(records, store.data_categories(school.id));
  auto existing = store.services(school.id);
  RegisterImportReport report;
  report.dry_run = dry_run;
  std::vector<Service> batch;
  std::vector<std::string> before;  // each changed service as it was; empty for new ones
  for (auto& row : rows) {
    const Service* match = existing_match(existing, row.service);
    if (match && same_content(*match, row.service)) {
      report.unchanged.push_back(row.service.name);
      continue;
    }
    (match ? report.updated : report.added).push_back(row.service.name);
    if (match) {
      row.service.id = match->id;
      row.service.status = match->status;
      row.service.notes = match->notes;
    }
    before.push_back(match ? service_json(*match) : "");
    batch.push_back(std::move(row.service));
  }
  if (!dry_run && !batch.empty()) save_validated_services(store, actor, school, batch, std::move(before));
  return report;
}

std::string export_register_csv(Store& store, const School& school) {
  std::string out = csv_line(kRegisterCsvHeader);
  for (const auto& s : store.services(school.id)) {
    if (s.status == ServiceStatus::Retired) continue;
    out += csv_line({std::string(section_slug(s.section)), s.name, join(s.providers, "; "), s.website,
                     join(s.purposes, "; "), join(s.data_categories, "; "), s.description, s.controls,
                     s.risk_assessment_date ? s.risk_assessment_date->iso() : ""});
  }
  return out;
}

}  // namespace steward
