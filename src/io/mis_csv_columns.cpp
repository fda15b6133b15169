#include "io/mis_csv_columns.h"

#include <string>

#include "domain/text.h"

namespace steward {
namespace {

struct Alias {
  std::string_view name;  // squashed: lowercase letters and digits only
  MisField field;
  int rank;
  int part = 0;
};

constexpr Alias kPupilAliases[] = {
    {"upn", MisField::Upn, 0},
    {"uniquepupilnumber", MisField::Upn, 1},
    {"legalsurname", MisField::LegalSurname, 0},
    {"surname", MisField::LegalSurname, 1},
    {"lastname", MisField::LegalSurname, 2},
    {"familyname", MisField::LegalSurname, 3},
    {"legalforename", MisField::LegalForename, 0},
    {"forename", MisField::LegalForename, 1},
    {"firstname", MisField::LegalForename, 2},
    {"givenname", MisField::LegalForename, 3},
    {"preferredsurname", MisField::PreferredSurname, 0},
    {"preferredlastname", MisField::PreferredSurname, 1},
    {"preferredforename", MisField::PreferredForename, 0},
    {"preferredfirstname", MisField::PreferredForename, 1},
    {"preferredname", MisField::PreferredForename, 2},
    {"knownas", MisField::PreferredForename, 3},
    {"dob", MisField::DateOfBirth, 0},
    {"dateofbirth", MisField::DateOfBirth, 0},
    {"birthdate", MisField::DateOfBirth, 1},
    {"gender", MisField::Gender, 0},
    {"sex", MisField::Gender, 0},
    {"ncyear", MisField::Year, 0},
    {"ncyearactual", MisField::Year, 0},
    {"nationalcurriculumyear", MisField::Year, 0},
    {"yeargroup", MisField::Year, 1},
    {"year", MisField::Year, 2},
    {"reggroup", MisField::RegGroup, 0},
    {"registrationgroup", MisField::RegGroup, 0},
    {"reg", MisField::RegGroup, 1},
    {"form", MisField::RegGroup, 2},
    {"tutorgroup", MisField::RegGroup, 2},
    {"class", MisField::RegGroup, 3},
    {"senprovision", MisField::Sen, 0},
    {"senstatus", MisField::Sen, 1},
    {"sen", MisField::Sen, 2},
    {"fsm", MisField::Fsm, 0},
    {"fsmeligible", MisField::Fsm, 0},
    {"fsmeligibility", MisField::Fsm, 0},
    {"freeschoolmeals", MisField::Fsm, 1},
    {"pupilpremium", MisField::PupilPremium, 0},
    {"pupilpremiumeligible", MisField::PupilPremium, 0},
    {"pp", MisField::PupilPremium, 1},
    {"address", MisField::AddressPart, 0, 0},
    {"addressline1", MisField::AddressPart, 0, 1},
    {"addressline2", MisField::AddressPart, 0, 2},
    {"addressline3", MisField::AddressPart, 0, 3},
    {"addressline4", MisField::AddressPart, 0, 4},
    {"addressline5", MisField::AddressPart, 0, 5},
    {"address1", MisField::AddressPart, 1, 1},
    {"address2", MisField::AddressPart, 1, 2},
    {"address3", MisField::AddressPart, 1, 3},
    {"street", MisField::AddressPart, 0, 6},
    {"locality", MisField::AddressPart, 0, 7},
    {"town", MisField::AddressPart, 0, 8},
    {"posttown", MisField::AddressPart, 1, 8},
    {"county", MisField::AddressPart, 0, 9},
    {"postcode", MisField::AddressPart, 0, 10},
    {"postalcode", MisField::AddressPart, 1, 10},
};

// What follows "Contact 1 ": "Name", "Email", "Home Phone", ...
constexpr Alias kContactAliases[] = {
    {"name", MisField::ContactName, 0},
    {"fullname", MisField::ContactName, 1},
    {"title", MisField::ContactTitle, 0},
    {"forename", MisField::ContactForename, 0},
    {"firstname", MisField::ContactForename, 1},
    {"surname", MisField::ContactSurname, 0},
    {"lastname", MisField::ContactSurname, 1},
    {"relationship", MisField::ContactRelationship, 0},
    {"relationshiptopupil", MisField::ContactRelationship, 1},
    {"parentalresponsibility", MisField::ContactResponsibility, 0},
    {"responsibility", MisField::ContactResponsibility, 1},
    {"email", MisField::ContactEmail, 0},
    {"emailaddress", MisField::ContactEmail, 1},
    {"address", MisField::ContactAddress, 0},
};

// The words exports put before a contact's number: "Contact 1", "Parent 2", "Parent/Carer 3".
constexpr std::string_view kContactPrefixes[] = {"parentcarer", "contact", "parent", "carer", "guardian"};

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

template <size_t N>
const Alias* find_alias(const Alias (&aliases)[N], std::string_view name) {
  for (const auto& a : aliases)
    if (a.name == name) return &a;
  return nullptr;
}

std::optional<MisColumn> contact_field(std::string_view rest, int contact) {
  if (const Alias* a = find_alias(kContactAliases, rest)) return MisColumn{a->field, contact, 0, a->rank};
  bool phone =
      rest.find("phone") != std::string_view::npos || rest.find("mobile") != std::string_view::npos || rest == "tel";
  if (phone) return MisColumn{MisField::ContactPhone, contact, 0, 0};
  return std::nullopt;
}

// "contact1email" → contact 1, "email"; "primarycontactemail" → contact 1, "email".
std::optional<MisColumn> contact_column(std::string_view key) {
  if (starts_with(key, "primarycontact")) return contact_field(key.substr(14), 1);
  for (std::string_view prefix : kContactPrefixes) {
    if (!starts_with(key, prefix) || key.size() < prefix.size() + 2) continue;
    char digit = key[prefix.size()];
    if (digit < '1' || digit > '0' + kMaxMisContacts) continue;
    return contact_field(key.substr(prefix.size() + 1), digit - '0');
  }
  return std::nullopt;
}

}  // namespace

std::optional<MisColumn> recognise_mis_column(std::string_view header) {
  std::string key = squash(header);
  if (const Alias* a = find_alias(kPupilAliases, key)) return MisColumn{a->field, 0, a->part, a->rank};
  return contact_column(key);
}

}  // namespace steward
