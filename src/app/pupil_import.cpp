#include "app/pupil_import.h"

#include <algorithm>
#include <span>

#include "app/audit.h"
#include "app/clock.h"
#include "app/upn_index.h"
#include "domain/text.h"
#include "domain/upn.h"
#include "io/ctf_reader.h"
#include "io/mis_csv_reader.h"
#include "io/read_whole.h"

namespace steward {
namespace {

constexpr std::size_t kBatch = 1024;

// "UPN Forename Surname", built in `scratch` (reused from pupil to pupil) and kept in `list`.
void add_label(NameList& list, const Pupil& p, std::string& scratch) {
  scratch.assign(p.upn).append(1, ' ').append(p.forename()).append(1, ' ').append(p.surname());
  list.add(scratch);
}

// Everything an import can change, as one value: equal fingerprints mean an unchanged record.
// Built in `s`, reused from pupil to pupil.
std::size_t fingerprint(const Pupil& p, std::string& s) {
  s.clear();
  auto add = [&](const std::string& v) {
    s += v;
    s += '\x1f';
  };
  for (const auto* v : {&p.legal_surname, &p.legal_forename, &p.preferred_surname, &p.preferred_forename, &p.gender,
                        &p.year, &p.reg_group, &p.sen, &p.address})
    add(*v);
  add(p.date_of_birth ? p.date_of_birth->iso() : "");
  add(p.fsm ? "1" : "0");
  add(p.pupil_premium ? "1" : "0");
  for (const auto& c : p.contacts) {
    for (const auto* v : {&c.title, &c.forename, &c.surname, &c.relationship, &c.email, &c.address}) add(*v);
    add(c.parental_responsibility ? "1" : "0");
    add(join(c.phones, ";"));
    s += '\x1e';
  }
  return std::hash<std::string>{}(s);
}

// What the import needs of a pupil already on the school's roll: a few bytes, so the roll is not
// held in memory while the file is read. Its label is at the same index of known_labels_.
struct Known {
  PupilId id;
  std::size_t fingerprint = 0;
  bool on_roll = false;
  bool listed = false;  // by the file
};

[[noreturn]] void reject(const std::vector<ImportProblem>& problems) {
  std::vector<FieldError> errors;
  for (const auto& p : problems)
    errors.push_back({"line " + std::to_string(p.line) + ": " + p.field,
                      (p.value.empty() ? std::string() : "\"" + p.value + "\": ") + p.why});
  throw Error::invalid(errors);
}

// Reads the file pupil by pupil and writes in batches, all inside the caller's transaction;
// once any problem is found nothing more is written, and the caller rolls back.
class Importer {
 public:
  Importer(Store& store, const School& school, bool dry_run, PupilImportReport& report, const PupilImportOptions& options)
      : store_(store), school_(school), dry_run_(dry_run), report_(report), options_(options),
        index_(static_cast<std::size_t>(store.count_pupils(school.id, true))) {
    store.for_each_pupil(school.id, true, PupilParts{}, [&](const Pupil& p) {
      known_.push_back({p.id, fingerprint(p, scratch_), p.on_roll(), false});
      add_label(known_labels_, p, scratch_);
      // A stored UPN that is not valid can never equal one in a file: that pupil is not listed.
      if (auto key = upn_key(p.upn)) index_.at(*key).known = static_cast<std::uint32_t>(known_.size());
    });
  }

  void read(std::istream& file, PupilFileFormat format) {
    auto on_pupil = [this](Pupil&& p, int line) { take(std::move(p), line); };
    if (format == PupilFileFormat::Ctf) {
      auto header = read_ctf(file, on_pupil, problems_);
      report_.full = lower(header.document_qualifier) != "partial";
    } else {
      std::string text = read_whole(file);
      // About a row per line: the index is sized once instead of growing as the file is read.
      index_.reserve(index_.size() + static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')));
      read_mis_csv(text, on_pupil, problems_);
    }
    if (options_.progress) options_.progress(report_.read);
    if (!problems_.empty()) reject(problems_);
    if (report_.read == 0) throw Error::invalid("file", "the file holds no pupils; nothing was imported");
    flush();
  }

  std::vector<PupilId> leaving() {
    std::vector<PupilId> ids;
    if (!report_.full) return ids;
    for (std::size_t i = 0; i < known_.size(); ++i)
      if (!known_[i].listed && known_[i].on_roll) {
        report_.left.add(known_labels_[i]);
        ids.push_back(known_[i].id);
      }
    return ids;
  }

 private:
  void take(Pupil&& p, int line) {
    ++report_.read;
    if (options_.progress && report_.read % 1000 == 0) options_.progress(report_.read);
    // A UPN that is not valid has been reported already, and nothing will be written.
    UpnIndex::Entry invalid;
    auto key = upn_key(p.upn);
    UpnIndex::Entry& entry = key ? index_.at(*key) : invalid;
    if (entry.line != 0) {
      problems_.push_back({line, "UPN", p.upn, "the same UPN is already on line " + std::to_string(entry.line)});
      return;
    }
    entry.line = static_cast<std::uint32_t>(line);
    if (entry.known == 0) {
      add_label(report_.added, p, scratch_);
      if (!p.entry_date) p.entry_date = today_;
    } else {
      Known& known = known_[entry.known - 1];
      known.listed = true;
      p.id = known.id;
      if (known.on_roll && known.fingerprint == fingerprint(p, scratch_)) {
        ++report_.unchanged;
        return;
      }
      add_label(report_.changed, p, scratch_);
    }
    if (dry_run_ || !problems_.empty()) return;
    // Copied into a slot kept from the batch before: its strings' buffers are reused, so a
    // steady import allocates nothing per pupil here.
    if (used_ == batch_.size()) batch_.emplace_back();
    batch_[used_++] = p;
    if (used_ >= kBatch) flush();
  }

  void flush() {
    if (!dry_run_ && problems_.empty() && used_ > 0) store_.save_pupils(school_.id, std::span(batch_.data(), used_));
    used_ = 0;
  }

  Store& store_;
  const School& school_;
  bool dry_run_;
  PupilImportReport& report_;
  const PupilImportOptions& options_;
  std::vector<Known> known_;  // in id order
  NameList known_labels_;
  UpnIndex index_;
  std::vector<ImportProblem> problems_;
  std::vector<Pupil> batch_;  // the first used_ are this batch's
  std::size_t used_ = 0;
  std::string scratch_;
  Date today_ = today();  // once, not a clock read per new pupil
};

}  // namespace

void NameList::add(std::string_view name) {
  text_ += name;
  ends_.push_back(text_.size());
}

std::string_view NameList::operator[](std::size_t i) const {
  std::size_t start = i == 0 ? 0 : ends_[i - 1];
  return std::string_view(text_).substr(start, ends_[i] - start);
}

std::vector<std::string> NameList::strings() const {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < size(); ++i) out.emplace_back((*this)[i]);
  return out;
}

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
  PupilImportReport report;
  report.dry_run = options.dry_run;
  store.transaction([&] {
    Importer importer(store, school, options.dry_run, report, options);
    importer.read(file, format);
    auto leaving = importer.leaving();
    if (options.dry_run) return;
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
