#pragma once
// Importing the roll from the school's MIS: a Common Transfer File or a CSV export. A file is
// imported whole or not at all; a full import marks pupils it no longer lists as left.
#include <functional>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "app/actor.h"
#include "store/store.h"

namespace steward {

enum class PupilFileFormat { Ctf, Csv };
// By the file's name (.xml → CTF, .csv → CSV), else by its first bytes.
PupilFileFormat detect_pupil_format(const std::string& filename, std::string_view first_bytes);

// "UPN Forename Surname" for each pupil an import adds, changes or marks as left, kept end to end
// in one buffer: a school's first import lists its whole roll.
class NameList {
 public:
  void add(std::string_view name);
  std::size_t size() const { return ends_.size(); }
  bool empty() const { return ends_.empty(); }
  std::string_view operator[](std::size_t i) const;
  std::vector<std::string> strings() const;

 private:
  std::string text_;
  std::vector<std::size_t> ends_;
};

struct PupilImportReport {
  NameList added, changed, left;
  std::size_t unchanged = 0;
  std::size_t read = 0;
  bool full = true;
  bool dry_run = false;
};

struct PupilImportOptions {
  bool dry_run = false;
  std::function<void(std::size_t pupils_read)> progress;  // called every 1000 pupils
};

// Throws Error 422 with one FieldError per problem ("line 12: UPN", "\"A12\" is not …"): invalid
// UPN, duplicate UPN, impossible date, unknown gender code, missing names; nothing is changed.
PupilImportReport import_pupils(Store&, const Actor&, const School&, std::istream& file, PupilFileFormat,
                                const PupilImportOptions&);

}  // namespace steward
