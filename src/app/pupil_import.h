#pragma once
// Importing the roll from the school's MIS: a Common Transfer File or a CSV export. A file is
// imported whole or not at all; a full import marks pupils it no longer lists as left.
#include <functional>
#include <istream>
#include <string>
#include <vector>

#include "app/actor.h"
#include "store/store.h"

namespace steward {

enum class PupilFileFormat { Ctf, Csv };
// By the file's name (.xml → CTF, .csv → CSV), else by its first bytes.
PupilFileFormat detect_pupil_format(const std::string& filename, std::string_view first_bytes);

struct PupilImportReport {
  std::vector<std::string> added, changed, left;  // "UPN Forename Surname"
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
