#include "io/ctf_pupil_builder.h"

#include <algorithm>
#include <charconv>

#include "domain/address.h"
#include "domain/pupil_codes.h"
#include "domain/text.h"
#include "domain/upn.h"

namespace steward {
namespace {

// In the order they are written on an envelope, which is the order they are joined in.
constexpr std::array<std::string_view, 14> kAddressParts = {
    "BS7666Address/SAON",
    "BS7666Address/PAON",
    "BS7666Address/Street",
    "BS7666Address/Locality",
    "BS7666Address/Town",
    "BS7666Address/AdministrativeArea",
    "BS7666Address/PostTown",
    "AddressLines/AddressLine1",
    "AddressLines/AddressLine2",
    "AddressLines/AddressLine3",
    "AddressLines/AddressLine4",
    "AddressLines/AddressLine5",
    "County",
    "PostCode",
};

constexpr std::array<std::string_view, 11> kPupilFields = {
    "UPN",
    "Surname",
    "Forename",
    "DOB",
    "Sex",
    "Gender",
    "BasicDetails/PreferredSurname",
    "BasicDetails/PreferredForename",
    "BasicDetails/NCyearActual",
    "SENhistory/SEN/StartDate",
    "SENhistory/SEN/SENprovision",
};

constexpr std::array<std::string_view, 8> kContactFields = {
    "Order", "Title", "Forename", "Surname", "Relationship", "Responsibility", "Email", "Phones/Phone/PhoneNo"};

constexpr std::string_view kAddress = "Address/";
constexpr std::string_view kContact = "Contacts/Contact";
constexpr std::string_view kContactField = "Contacts/Contact/";
constexpr std::string_view kFsmInstance = "FSMhistory/FSMinstance";
constexpr std::string_view kFsmEnd = "FSMhistory/FSMinstance/FSMendDate";
constexpr std::string_view kSen = "SENhistory/SEN";

// A pupil with more contacts or phone numbers than this is a broken file, not a real family.
constexpr size_t kMaxContacts = 20;
constexpr size_t kMaxPhones = 10;

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

template <size_t N>
bool one_of(const std::array<std::string_view, N>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool is_true(std::string_view value) { return iequals(value, "true") || value == "1"; }

int contact_order(std::string_view value) {
  int order = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), order);
  if (ec != std::errc() || end != value.data() + value.size() || order < 1 || order > 99) return 0;
  return order;
}

// Why a <DOB> is not a date: the right shape but no such day (2015-02-30), or not the shape at all.
std::string date_problem(std::string_view value) {
  bool shaped = value.size() == 10 && value[4] == '-' && value[7] == '-';
  if (shaped) return "there is no such date";
  return "not a date in the form yyyy-MM-dd (for example 2016-05-04)";
}

}  // namespace

bool CtfAddress::is_part(std::string_view path) { return one_of(kAddressParts, path); }

bool CtfAddress::set(std::string_view path, std::string_view value) {
  auto it = std::find(kAddressParts.begin(), kAddressParts.end(), path);
  if (it == kAddressParts.end()) return false;
  parts_[static_cast<size_t>(it - kAddressParts.begin())] = std::string(value);
  return true;
}

std::string CtfAddress::line() const {
  std::array<std::string_view, kParts> views;
  std::copy(parts_.begin(), parts_.end(), views.begin());
  return address_line(views);
}

bool CtfPupilBuilder::wants_text(std::string_view path) {
  if (starts_with(path, kContactField)) {
    std::string_view sub = path.substr(kContactField.size());
    return one_of(kContactFields, sub) ||
           (starts_with(sub, kAddress) && CtfAddress::is_part(sub.substr(kAddress.size())));
  }
  if (starts_with(path, kAddress)) return CtfAddress::is_part(path.substr(kAddress.size()));
  return one_of(kPupilFields, path) || path == kFsmEnd;
}

void CtfPupilBuilder::start(std::string_view path) {
  if (path == kFsmInstance) fsm_ended_ = false;
  if (path == kSen) {
    sen_start_.clear();
    sen_provision_.clear();
  }
  if (path == kContact) {
    contact_ = Contact{};
    contact_address_ = CtfAddress{};
  }
}

void CtfPupilBuilder::end(std::string_view path) {
  // Any period of free school meals without an end date means the pupil is eligible now.
  if (path == kFsmInstance && !fsm_ended_) pupil_.fsm = true;
  if (path == kSen) end_sen();
  if (path == kContact) end_contact();
}

void CtfPupilBuilder::text(std::string_view path, std::string_view value, int line) {
  if (starts_with(path, kContactField)) return contact_text(path, path.substr(kContactField.size()), value, line);
  if (starts_with(path, kAddress)) {
    address_.set(path.substr(kAddress.size()), value);
    return;
  }
  if (path == "UPN") return set_upn(value, line);
  if (path == "Surname") pupil_.legal_surname = value;
  if (path == "Forename") pupil_.legal_forename = value;
  if (path == "DOB") return set_date_of_birth(value, line);
  if (path == "Sex" || path == "Gender") return set_gender(path, value, line);
  if (path == "BasicDetails/PreferredSurname") pupil_.preferred_surname = value;
  if (path == "BasicDetails/PreferredForename") pupil_.preferred_forename = value;
  if (path == "BasicDetails/NCyearActual") return set_year(path, value, line);
  if (path == kFsmEnd) fsm_ended_ = !value.empty();
  if (path == "SENhistory/SEN/StartDate") sen_start_ = value;
  if (path == "SENhistory/SEN/SENprovision") return set_sen(path, value, line);
}

void CtfPupilBuilder::too_long(std::string_view path, int line, size_t limit) {
  problem(line, path, "", "longer than " + std::to_string(limit) + " characters, so it was not read");
}

void CtfPupilBuilder::problem(int line, std::string_view field, std::string_view value, std::string why) {
  problems_.push_back({line, std::string(field), std::string(value), std::move(why)});
  reported_.emplace_back(field);
}

void CtfPupilBuilder::set_upn(std::string_view value, int line) {
  if (value.empty()) return;  // reported as missing by finish()
  if (auto why = upn_problem(value)) return problem(line, "UPN", value, *why);
  pupil_.upn = value;
}

void CtfPupilBuilder::set_date_of_birth(std::string_view value, int line) {
  if (value.empty()) return;
  if (auto date = Date::parse_iso(value)) {
    pupil_.date_of_birth = date;
    return;
  }
  problem(line, "DOB", value, date_problem(value));
}

void CtfPupilBuilder::set_gender(std::string_view path, std::string_view value, int line) {
  if (auto code = normalise_gender(value)) {
    pupil_.gender = *code;
    return;
  }
  problem(line, path, value, "not a code CTF uses for sex: expected M (male), F (female), U (unknown) or X (other)");
}

void CtfPupilBuilder::set_year(std::string_view path, std::string_view value, int line) {
  if (auto year = normalise_nc_year(value)) {
    pupil_.year = *year;
    return;
  }
  problem(line, path, value, "not a national curriculum year: expected N1, N2, R, 1 to 14, or X");
}

void CtfPupilBuilder::set_sen(std::string_view path, std::string_view value, int line) {
  if (auto code = normalise_sen_provision(value)) {
    sen_provision_ = *code;
    return;
  }
  problem(line, path, value,
          "not a SEN provision code: expected N (no special educational need), K (SEN support) or E (EHC plan)");
}

// A pupil's SEN history can hold several records; the one that started last is the current one.
void CtfPupilBuilder::end_sen() {
  if (sen_provision_.empty()) return;
  if (have_sen_ && sen_start_ < best_sen_start_) return;
  pupil_.sen = sen_provision_;
  best_sen_start_ = sen_start_;
  have_sen_ = true;
}

void CtfPupilBuilder::contact_text(std::string_view path, std::string_view sub, std::string_view value, int line) {
  if (starts_with(sub, kAddress)) {
    contact_address_.set(sub.substr(kAddress.size()), value);
    return;
  }
  if (sub == "Order") contact_.order = contact_order(value);
  if (sub == "Title") contact_.title = value;
  if (sub == "Forename") contact_.forename = value;
  if (sub == "Surname") contact_.surname = value;
  if (sub == "Relationship") contact_.relationship = value;
  if (sub == "Responsibility") contact_.parental_responsibility = is_true(value);
  if (sub == "Phones/Phone/PhoneNo" && !value.empty() && contact_.phones.size() < kMaxPhones)
    contact_.phones.emplace_back(value);
  if (sub == "Email" && !value.empty()) {
    if (is_email(value))
      contact_.email = value;
    else
      problem(line, path, value, "not an email address, so it was left out");
  }
}

void CtfPupilBuilder::end_contact() {
  if (pupil_.contacts.size() >= kMaxContacts) {
    if (!too_many_contacts_)
      problem(line_, kContact, "",
              "more than " + std::to_string(kMaxContacts) + " contacts; only the first " +
                  std::to_string(kMaxContacts) + " were read");
    too_many_contacts_ = true;
    return;
  }
  contact_.address = contact_address_.line();
  // Without an <Order>, contacts keep the order the file lists them in.
  if (contact_.order == 0) contact_.order = static_cast<int>(pupil_.contacts.size()) + 1;
  pupil_.contacts.push_back(std::move(contact_));
}

void CtfPupilBuilder::require(std::string_view field, const std::string& value, const char* what) {
  if (!value.empty() || std::find(reported_.begin(), reported_.end(), field) != reported_.end()) return;
  problem(line_, field, "", std::string("missing: every pupil needs ") + what);
}

Pupil CtfPupilBuilder::finish() {
  require("UPN", pupil_.upn, "a UPN");
  require("Surname", pupil_.legal_surname, "a legal surname");
  require("Forename", pupil_.legal_forename, "a legal forename");
  pupil_.address = address_.line();
  std::stable_sort(pupil_.contacts.begin(), pupil_.contacts.end(),
                   [](const Contact& a, const Contact& b) { return a.order < b.order; });
  return std::move(pupil_);
}

}  // namespace steward
