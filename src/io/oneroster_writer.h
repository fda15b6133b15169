#pragma once
// 1EdTech OneRoster 1.1 bulk CSV: one zip, no folders, manifest.csv plus one file per kind of
// record that has rows. Only what the service may receive (`fields`) is written; the UPN never
// appears unless Upn is among the fields (user sourcedIds are "stu-" + the pupil's numeric id).
#include <string>
#include <string_view>
#include <vector>

#include "domain/export_field.h"
#include "domain/pupil.h"

namespace steward {

struct OneRosterInput {
  std::string school_sourced_id;  // e.g. the school's slug
  std::string school_name;
  std::string school_identifier;  // DfE URN, may be empty
  std::string system_name = "Steward";
  int school_year = 0;             // e.g. 2026 for the 2025/26 year; academic year runs 1 Sep – 31 Aug
  std::vector<ExportField> fields;  // what the service may receive
  std::vector<Pupil> pupils;        // already filtered (on roll, not opted out); ids set and unique
};

// The zip's bytes. manifest.csv lists every OneRoster 1.1 file as bulk or absent; files with no
// data rows are absent and left out of the zip.
//   orgs.csv              always: the school.
//   users.csv             one student per pupil; givenName/familyName only with Forename/Surname,
//                         identifier = UPN only with Upn, grades only with Year.
//   academicSessions.csv  with Year or RegGroup: the one schoolYear session.
//   courses.csv           when there are classes: one "Registration" course (1.1 requires every
//                         class to name a course).
//   classes.csv           one homeroom class per registration group (per year group when only
//                         Year is shared); enrollments.csv: each pupil in their class.
//   demographics.csv      with DateOfBirth or Gender: birthDate / sex, the rest blank.
// Throws Error (500) when school_sourced_id is empty, school_year is unset while classes are
// shared, or a pupil has no id or shares one.
std::string write_oneroster_zip(const OneRosterInput&);

// The OneRoster 1.1 grade code for a national curriculum year: "R" → "KG", "N1"/"N2" → "PK",
// "1".."13" → "01".."13"; empty for anything else.
std::string oneroster_grade(std::string_view nc_year);

}  // namespace steward
