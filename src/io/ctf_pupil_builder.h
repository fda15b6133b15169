#pragma once
// Builds one Pupil from the elements inside a CTF <Pupil>, checking each value as it arrives.
// It knows the CTF element names but nothing of XML parsing: ctf_reader.cpp feeds it paths
// relative to <Pupil>, such as "BasicDetails/PreferredForename" or "Contacts/Contact/Email".
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "domain/pupil.h"
#include "io/import_problem.h"

namespace steward {

// The parts of a CTF <Address>, in the order they are written on an envelope.
class CtfAddress {
 public:
  // Keeps `value` when `path` (relative to <Address>) is an address part; false otherwise.
  bool set(std::string_view path, std::string_view value);
  static bool is_part(std::string_view path);
  std::string line() const;

 private:
  static constexpr size_t kParts = 14;
  std::array<std::string, kParts> parts_;
};

class CtfPupilBuilder {
 public:
  CtfPupilBuilder(int line, std::vector<ImportProblem>& problems) : line_(line), problems_(problems) {}

  // True for an element whose text the pupil record uses; the text of any other is not kept.
  static bool wants_text(std::string_view path);

  // An element opened or closed; only the groups (a contact, an FSM period, a SEN record) matter.
  void start(std::string_view path);
  void end(std::string_view path);
  // The text of an element wants_text() asked for, trimmed, with the line it started on.
  void text(std::string_view path, std::string_view value, int line);
  // The text was too long to be a real value, so it was not kept.
  void too_long(std::string_view path, int line, size_t limit);

  int line() const { return line_; }
  // Checks the required fields, reporting any that are missing, and hands the pupil over.
  Pupil finish();

 private:
  void problem(int line, std::string_view field, std::string_view value, std::string why);
  void set_upn(std::string_view value, int line);
  void set_date_of_birth(std::string_view value, int line);
  void set_gender(std::string_view path, std::string_view value, int line);
  void set_year(std::string_view path, std::string_view value, int line);
  void set_sen(std::string_view path, std::string_view value, int line);
  void contact_text(std::string_view path, std::string_view sub, std::string_view value, int line);
  void end_sen();
  void end_contact();
  void require(std::string_view field, const std::string& value, const char* what);

  int line_;
  std::vector<ImportProblem>& problems_;
  Pupil pupil_;
  std::vector<std::string> reported_;  // fields already reported, so "missing" is not said twice
  CtfAddress address_;
  bool fsm_ended_ = false;
  std::string sen_start_, sen_provision_, best_sen_start_;
  bool have_sen_ = false;
  Contact contact_;
  CtfAddress contact_address_;
  bool too_many_contacts_ = false;
};

}  // namespace steward
