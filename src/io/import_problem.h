#pragma once
// One thing wrong with one record of an imported file (a CTF or an MIS CSV export), kept so the
// rest of the file can still be imported and the office can put the record right in the MIS.
#include <string>

namespace steward {

struct ImportProblem {
  int line = 0;       // the line of the file to look at
  std::string field;  // the CTF element ("UPN", "Contacts/Contact/Email") or CSV column as written
  std::string value;  // what the file holds there, empty when it is missing
  std::string why;    // what is wrong, in words the office can act on
};

}  // namespace steward
