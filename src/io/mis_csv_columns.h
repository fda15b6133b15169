#pragma once
// Which pupil field a column of an MIS export holds, from its header as SIMS, Arbor, Bromcom and
// the others write it: "Legal Surname", "DOB", "Reg Group", "Contact 1 Email", ... Case, spaces,
// underscores and punctuation are ignored, so "legal_surname" and "Legal Surname" are the same.
#include <optional>
#include <string_view>

namespace steward {

enum class MisField {
  Upn,
  LegalSurname,
  LegalForename,
  PreferredSurname,
  PreferredForename,
  DateOfBirth,
  Gender,
  Year,
  RegGroup,
  Sen,
  Fsm,
  PupilPremium,
  AddressPart,  // `part` says which
  ContactName,  // "Mrs Jane Smith" or "Smith, Jane", split when read
  ContactTitle,
  ContactForename,
  ContactSurname,
  ContactRelationship,
  ContactResponsibility,
  ContactEmail,
  ContactPhone,  // a contact may have several phone columns: home, work, mobile
  ContactAddress,
};

// Address parts in the order they are written on an envelope: the whole address in one column,
// Address Line 1..5, Street, Locality, Town, County, Postcode.
constexpr int kAddressPartCount = 11;

constexpr int kMaxMisContacts = 9;

struct MisColumn {
  MisField field = MisField::Upn;
  int contact = 0;  // 1..kMaxMisContacts for the Contact fields, else 0
  int part = 0;     // 0..kAddressPartCount-1 for AddressPart, else 0
  // Lower is more specific: when a file has both "Legal Surname" and "Surname", the first wins.
  int rank = 0;
};

std::optional<MisColumn> recognise_mis_column(std::string_view header);

}  // namespace steward
