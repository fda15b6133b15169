#include <gtest/gtest.h>

#include "io/csv.h"
#include "io/pupil_csv_writer.h"

namespace steward {
namespace {

using F = ExportField;

Pupil pupil() {
  Pupil p;
  p.id = PupilId{1};
  p.upn = "B801200005001";
  p.legal_forename = "Amelia";
  p.legal_surname = "Jones";
  p.date_of_birth = Date{2017, 3, 9};
  p.gender = "F";
  p.year = "3";
  p.reg_group = "3B";
  p.sen = "K";
  p.fsm = true;
  p.pupil_premium = false;
  p.address = "1 Church Lane, Crook, DL15 8AB";
  return p;
}

Contact contact(int order, std::string forename, std::string surname, std::string email, std::vector<std::string> phones) {
  Contact c;
  c.order = order;
  c.forename = std::move(forename);
  c.surname = std::move(surname);
  c.email = std::move(email);
  c.phones = std::move(phones);
  return c;
}

TEST(PupilCsvWriter, HeaderFollowsTheFieldOrderGiven) {
  std::string out;
  append_pupil_csv_header(out, {F::Upn, F::Surname, F::Forename, F::ContactEmails});
  EXPECT_EQ(out, "upn,surname,forename,contact_emails\r\n");
  EXPECT_EQ(write_pupil_csv({F::Year, F::Forename}, {}), "year,forename\r\n");
}

TEST(PupilCsvWriter, WritesEveryFieldInItsFormat) {
  std::vector<ExportField> all = {F::Forename, F::Surname, F::Upn, F::DateOfBirth, F::Gender, F::Year, F::RegGroup,
                                  F::Sen,      F::Fsm,     F::PupilPremium, F::Address};
  EXPECT_EQ(write_pupil_csv(all, {pupil()}),
            "forename,surname,upn,date_of_birth,gender,year,reg_group,sen,fsm,pupil_premium,address\r\n"
            "Amelia,Jones,B801200005001,2017-03-09,F,3,3B,K,Y,N,\"1 Church Lane, Crook, DL15 8AB\"\r\n");
}

TEST(PupilCsvWriter, UsesPreferredNamesAndLeavesAMissingDateBlank) {
  Pupil p = pupil();
  p.preferred_forename = "Millie";
  p.date_of_birth.reset();
  p.fsm = false;
  p.pupil_premium = true;
  EXPECT_EQ(write_pupil_csv({F::Forename, F::Surname, F::DateOfBirth, F::Fsm, F::PupilPremium}, {p}),
            "forename,surname,date_of_birth,fsm,pupil_premium\r\nMillie,Jones,,N,Y\r\n");
}

TEST(PupilCsvWriter, QuotesANameWithACommaAndAQuote) {
  Pupil p = pupil();
  p.legal_surname = "O'Neil, \"Junior\"";
  std::string csv = write_pupil_csv({F::Forename, F::Surname}, {p});
  EXPECT_EQ(csv, "forename,surname\r\nAmelia,\"O'Neil, \"\"Junior\"\"\"\r\n");
  auto rows = parse_csv(csv);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].fields, (std::vector<std::string>{"Amelia", "O'Neil, \"Junior\""}));
}

TEST(PupilCsvWriter, JoinsContactsInContactOrder) {
  Pupil p = pupil();
  // Stored out of order: the second contact first. The first has no email.
  p.contacts.push_back(contact(2, "Tom", "Jones", "tom@example.com", {"07700 900002"}));
  p.contacts.push_back(contact(1, "Sarah", "Jones-Smith", "", {"07700 900001", "0191 496 0001"}));
  std::string csv = write_pupil_csv({F::ContactNames, F::ContactEmails, F::ContactPhones}, {p});
  EXPECT_EQ(csv,
            "contact_names,contact_emails,contact_phones\r\n"
            "Sarah Jones-Smith; Tom Jones,tom@example.com,07700 900001; 0191 496 0001; 07700 900002\r\n");
}

TEST(PupilCsvWriter, QuotesAJoinedValueThatNeedsIt) {
  Pupil p = pupil();
  p.contacts.push_back(contact(1, "Ann", "Lee, Jr", "", {}));
  p.contacts.push_back(contact(2, "Bo", "", "", {}));
  EXPECT_EQ(write_pupil_csv({F::ContactNames, F::ContactEmails}, {p}),
            "contact_names,contact_emails\r\n\"Ann Lee, Jr; Bo\",\r\n");
}

TEST(PupilCsvWriter, StreamingFormMatchesTheWholeExport) {
  Pupil a = pupil(), b = pupil();
  b.legal_forename = "Ben";
  b.fsm = false;
  std::vector<ExportField> fields = {F::Forename, F::Fsm, F::Sen};
  std::string out;
  append_pupil_csv_header(out, fields);
  append_pupil_csv_row(out, fields, a);
  append_pupil_csv_row(out, fields, b);
  EXPECT_EQ(out, write_pupil_csv(fields, {a, b}));
  EXPECT_EQ(out, "forename,fsm,sen\r\nAmelia,Y,K\r\nBen,N,K\r\n");
}

TEST(PupilCsvWriter, AnEmptyValueInAOneColumnExportStaysARow) {
  Pupil p = pupil();
  p.upn.clear();
  std::string csv = write_pupil_csv({F::Upn}, {p, pupil()});
  // `""` rather than an empty line, which readers such as Python's csv.DictReader skip.
  EXPECT_EQ(csv, "upn\r\n\"\"\r\nB801200005001\r\n");
}

}  // namespace
}  // namespace steward
