#pragma once
// A pupil as the school's MIS knows them, imported from a Common Transfer File or a CSV export.
#include <optional>
#include <string>
#include <vector>

#include "domain/date.h"
#include "domain/ids.h"

namespace steward {

using PupilId = Id<struct PupilTag>;

struct Contact {
  int order = 0;  // 1 = first to contact
  std::string title, forename, surname;
  std::string relationship;  // as the MIS records it: "Mother", "Father", "Carer", "PAR", ...
  bool parental_responsibility = false;
  std::string email;
  std::vector<std::string> phones;
  std::string address;  // one line, parts separated by ", "; empty when the same as the pupil's
};

struct Pupil {
  PupilId id;
  SchoolId school;
  std::string upn;
  std::string legal_surname, legal_forename;
  std::string preferred_surname, preferred_forename;  // empty when the same as the legal names
  std::optional<Date> date_of_birth;
  std::string gender;     // "M", "F", "U" (unknown) or "X" (other), as CTF and the census code it
  std::string year;       // national curriculum year: "R", "1" ... "6", "N1", "N2"
  std::string reg_group;  // registration class: "3B"
  std::string sen;        // SEN provision: "N" none, "K" SEN support, "E" EHC plan
  bool fsm = false;
  bool pupil_premium = false;
  std::string address;  // one line, parts separated by ", "
  std::vector<Contact> contacts;
  std::optional<Date> entry_date;
  std::optional<Date> leaving_date;  // set when a full import no longer lists the pupil

  bool on_roll() const { return !leaving_date.has_value(); }
  const std::string& forename() const { return preferred_forename.empty() ? legal_forename : preferred_forename; }
  const std::string& surname() const { return preferred_surname.empty() ? legal_surname : preferred_surname; }
};

// The parts of a pupil a reader needs, so that a store may leave the others unread: an export
// of a whole roll reads only what the service receives. Id and UPN are always read.
struct PupilParts {
  bool names = true;  // legal and preferred
  bool date_of_birth = true;
  bool gender = true;
  bool school_class = true;  // year and registration group
  bool needs = true;         // SEN, FSM, pupil premium
  bool address = true;
  bool contacts = true;
  bool roll_dates = true;  // entry and leaving

  static PupilParts none() { return {false, false, false, false, false, false, false, false}; }
};

// Gender as written in CTF (<Sex> or <Gender>) or an MIS export ("Male", "f", ...), as "M",
// "F", "U" or "X"; nullopt for a value no system writes.
std::optional<std::string> normalise_gender(std::string_view);

}  // namespace steward
