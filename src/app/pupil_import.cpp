#include "app/pupil_import.h"

#include <iterator>
#include <map>
#include <unordered_map>

#include "app/audit.h"
#include "app/clock.h"
#include "domain/text.h"
#include "io/ctf_reader.h"
#include "io/mis_csv_reader.h"

namespace steward {
namespace {

std::string label(const Pupil& p) { return p.upn + " " + p.forename() + " " + p.surname(); }

bool same_record(const Pupil& a, const Pupil& b) {
  auto contacts_equal = [](const Contact& x, const Contact& y) {
    return x.title == y.title && x.forename == y.forename && x.surname == y.surname && x.relationship == y.relationship &&
           x.parental_responsibility == y.parental_responsibility && x.email == y.email && x.phones == y.phones &&
           x.address == y.address;
  };
  if (a.contacts.size() != b.contacts.size()) return false;
  for (size_t i = 0; i < a.contacts.size(); ++i)
    if (!contacts_equal(a.contacts[i], b.contacts[i])) return false;
  return a.legal_surname == b.legal_surname && a.legal_forename == b.legal_forename &&
         a.preferred_surname == b.preferred_surname && a.preferred_forename == b.preferred_forename &&
         a.date_of_birth == b.date_of_birth && a.gender == b.gender && a.year == b.year && a.reg_group == b.reg_group &&
         a.sen == b.sen && a.fsm == b.fsm && a.pupil_premium == b.pupil_premium && a.address == b.address &&
         !b.leaving_date;
}

// Reads every pupil, collecting problems; duplicates are found here, across the whole file.
struct ReadResult {
  std::vector<Pupil> pupils;
  std::vector<ImportProblem> problems;
  bool full = true;
};

ReadResult read_file(std::istream& file, PupilFileFormat format, const PupilImportOptions& options) {
  ReadResult r;
  std::unordered_map<std::string, int> first_line;
  auto on_pupil = [&](Pupil&& p, int line) {
    if (!p.upn.empty()) {
      auto [it, fresh] = first_line.emplace(p.upn, line);
      if (!fresh)
        r.problems.push_back({line, "UPN", p.upn, "the same UPN is already on line " + std::to_string(it->second)});
    }
    r.pupils.push_back(std::move(p));
    if (options.progress && r.pupils.size() % 1000 == 0) options.progress(r.pupils.size());
  };
  if (format == PupilFileFormat::Ctf) {
    auto header = read_ctf(file, on_pupil, r.problems);
    r.full = lower(header.document_qualifier) != "partial";
  } else {
    std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    read_mis_csv(text, on_pupil, r.problems);
  }
  if (options.progress) options.progress(r.pupils.size());
  return r;
}

[[noreturn]] void reject(const std::vector<ImportProblem>& problems) {
  std::vector<FieldError> errors;
  for (const auto& p : problems)
    errors.push_back({"line " + std::to_string(p.line) + ": " + p.field,
                      (p.value.empty() ? std::string() : "\"" + p.value + "\": ") + p.why});
  throw Error::invalid(errors);
}

}  // namespace

PupilFileFormat detect_pupil_format(const std::string& filename, std::string_view first_bytes) {
  std::string name = lower(filename);
  if (name.size() >= 4 && name.substr(name.size() - 4) == ".xml") return PupilFileFormat::Ctf;
  if (name.size() >= 4 && name.substr(name.size() - 4) == ".csv") return PupilFileFormat::Csv;
  auto start = trim(first_bytes.substr(first_bytes.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0));
  return !start.empty() && start.front() == '<' ? PupilFileFormat::Ctf : PupilFileFormat::Csv;
}

PupilImportReport import_pupils(Store& store, const Actor& actor, const School& school, std::istream& file,
                                PupilFileFormat format, const PupilImportOptions& options) {
  require_pupil_handler(actor, school.id);
  ReadResult read = read_file(file, format, options);
  if (!read.problems.empty()) reject(read.problems);
  if (read.pupils.empty()) throw Error::invalid("file", "the file holds no pupils; nothing was imported");

  PupilImportReport report;
  report.full = read.full;
  report.dry_run = options.dry_run;
  report.read = read.pupils.size();
  std::unordered_map<std::string, Pupil> existing;
  for (auto& p : store.pupils(school.id, true)) existing.emplace(p.upn, std::move(p));
  std::vector<Pupil> to_save;
  for (auto& p : read.pupils) {
    auto it = existing.find(p.upn);
    if (it == existing.end()) {
      report.added.push_back(label(p));
      if (!p.entry_date) p.entry_date = today();
      to_save.push_back(std::move(p));
    } else {
      if (same_record(p, it->second)) ++report.unchanged;
      else {
        report.changed.push_back(label(p));
        to_save.push_back(std::move(p));
      }
      existing.erase(it);
    }
  }
  std::vector<PupilId> leaving;
  if (read.full)
    for (const auto& [upn, p] : existing)
      if (p.on_roll()) {
        report.left.push_back(label(p));
        leaving.push_back(p.id);
      }
  if (options.dry_run) return report;
  store.transaction([&] {
    store.save_pupils(school.id, to_save);
    store.mark_pupils_left(school.id, leaving, today());
    audit(store, actor,
          {school.id, "pupils.import", "pupils", "", "",
           "{\"added\":" + std::to_string(report.added.size()) + ",\"changed\":" + std::to_string(report.changed.size()) +
               ",\"left\":" + std::to_string(report.left.size()) + ",\"unchanged\":" + std::to_string(report.unchanged) +
               "}"});
  });
  return report;
}

}  // namespace steward
