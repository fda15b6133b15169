#include <gtest/gtest.h>

#include "domain/error.h"
#include "io/mis_csv_columns.h"
#include "io/mis_csv_reader.h"

namespace steward {
namespace {

struct Read {
  std::vector<Pupil> pupils;
  std::vector<int> lines;
  std::vector<ImportProblem> problems;
};

Read read(std::string_view csv) {
  Read r;
  read_mis_csv(
      csv,
      [&](Pupil&& p, int line) {
        r.pupils.push_back(std::move(p));
        r.lines.push_back(line);
      },
      r.problems);
  return r;
}

Error error_reading(std::string_view csv) {
  try {
    read(csv);
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "no error for:\n" << csv;
  return Error::internal("no error");
}

bool has_problem(const std::vector<ImportProblem>& problems, int line, const std::string& field,
                 const std::string& why) {
  for (const auto& p : problems)
    if (p.line == line && p.field == field && p.why.find(why) != std::string::npos) return true;
  return false;
}

// Headers as a SIMS-style export writes them, with a column Steward does not know.
const std::string kExport =
    "UPN,Legal Surname,Legal Forename,Preferred Forename,DOB,Gender,Year Group,Reg Group,SEN Status,FSM Eligible,"
    "Pupil Premium,Address Line 1,Address Line 2,Town,Postcode,Contact 1 Name,Contact 1 Relationship,"
    "Contact 1 Email,Contact 1 Telephone,Contact 1 Mobile,Contact 2 Forename,Contact 2 Surname,"
    "Contact 2 Relationship,Contact 2 Mobile,Shoe Size\r\n"
    "B801200005001,Smith,Amelia,Millie,04/05/2016,Female,Year 4,4S,SEN Support,Yes,Y,12 High Street,,Crook,"
    "DL15 8AA,Mrs Jane Smith,Mother,jane.smith@example.org,01388 123456,07700 900123,David,Smith,Father,"
    "07700 900456,3\r\n"
    "R674123101121,Jones,Tom,,2015-09-01,M,5,5J,N,No,,\"Flat 2, The Mews\",,Tow Law,DL13 4AA,\"Jones, Sarah\","
    "Mother,,,,,,,,\r\n"
    ",,,,,,,,,,,,,,,,,,,,,,,,\r\n";

TEST(MisCsvColumns, IgnoresCaseSpacesAndPunctuation) {
  EXPECT_EQ(recognise_mis_column("Legal Surname")->field, MisField::LegalSurname);
  EXPECT_EQ(recognise_mis_column("legal_surname")->field, MisField::LegalSurname);
  EXPECT_EQ(recognise_mis_column(" DATE OF BIRTH ")->field, MisField::DateOfBirth);
  EXPECT_EQ(recognise_mis_column("Address Line 3")->part, 3);
  auto phone = recognise_mis_column("Contact 3 Home Phone");
  ASSERT_TRUE(phone);
  EXPECT_EQ(phone->field, MisField::ContactPhone);
  EXPECT_EQ(phone->contact, 3);
  EXPECT_EQ(recognise_mis_column("Primary Contact Email")->contact, 1);
  EXPECT_FALSE(recognise_mis_column("Shoe Size"));
  EXPECT_FALSE(recognise_mis_column(""));
  EXPECT_FALSE(recognise_mis_column("Contact 1 Shoe Size"));
}

TEST(MisCsvReader, ReadsAnExportRowByRow) {
  Read r = read(kExport);
  ASSERT_EQ(r.pupils.size(), 2u);  // the empty row is skipped
  EXPECT_EQ(r.lines, (std::vector<int>{2, 3}));
  EXPECT_TRUE(r.problems.empty()) << r.problems[0].field << ": " << r.problems[0].why;

  const Pupil& p = r.pupils[0];
  EXPECT_EQ(p.upn, "B801200005001");
  EXPECT_EQ(p.legal_surname, "Smith");
  EXPECT_EQ(p.legal_forename, "Amelia");
  EXPECT_EQ(p.preferred_forename, "Millie");
  EXPECT_EQ(p.date_of_birth, (Date{2016, 5, 4}));  // DD/MM/YYYY, as UK exports write it
  EXPECT_EQ(p.gender, "F");
  EXPECT_EQ(p.year, "4");
  EXPECT_EQ(p.reg_group, "4S");
  EXPECT_EQ(p.sen, "K");
  EXPECT_TRUE(p.fsm);
  EXPECT_TRUE(p.pupil_premium);
  EXPECT_EQ(p.address, "12 High Street, Crook, DL15 8AA");

  const Pupil& q = r.pupils[1];
  EXPECT_EQ(q.date_of_birth, (Date{2015, 9, 1}));
  EXPECT_EQ(q.gender, "M");
  EXPECT_EQ(q.sen, "N");
  EXPECT_FALSE(q.fsm);
  EXPECT_FALSE(q.pupil_premium);
  EXPECT_EQ(q.address, "Flat 2, The Mews, Tow Law, DL13 4AA");
}

TEST(MisCsvReader, ReadsNumberedContacts) {
  Read r = read(kExport);
  const auto& contacts = r.pupils.at(0).contacts;
  ASSERT_EQ(contacts.size(), 2u);
  EXPECT_EQ(contacts[0].order, 1);
  EXPECT_EQ(contacts[0].title, "Mrs");
  EXPECT_EQ(contacts[0].forename, "Jane");
  EXPECT_EQ(contacts[0].surname, "Smith");
  EXPECT_EQ(contacts[0].relationship, "Mother");
  EXPECT_EQ(contacts[0].email, "jane.smith@example.org");
  EXPECT_EQ(contacts[0].phones, (std::vector<std::string>{"01388 123456", "07700 900123"}));
  EXPECT_EQ(contacts[1].order, 2);
  EXPECT_EQ(contacts[1].forename, "David");
  EXPECT_EQ(contacts[1].surname, "Smith");
  EXPECT_EQ(contacts[1].phones, (std::vector<std::string>{"07700 900456"}));

  const auto& jones = r.pupils.at(1).contacts;
  ASSERT_EQ(jones.size(), 1u);
  EXPECT_EQ(jones[0].forename, "Sarah");  // "Jones, Sarah": surname first
  EXPECT_EQ(jones[0].surname, "Jones");
}

TEST(MisCsvReader, ReadsOtherSpellingsOfTheHeaders) {
  Read r = read(
      "upn,SURNAME,first_name,Known As,Date of Birth,Sex,NC Year,Form,Primary Contact Name,Primary Contact Email\n"
      "J801200008001,Brown,Oliver,Ollie,1/9/2016,boy,Reception,RB,Mr Peter Brown,peter@example.org\n");
  ASSERT_EQ(r.pupils.size(), 1u);
  const Pupil& p = r.pupils[0];
  EXPECT_EQ(p.upn, "J801200008001");
  EXPECT_EQ(p.legal_surname, "Brown");
  EXPECT_EQ(p.legal_forename, "Oliver");
  EXPECT_EQ(p.preferred_forename, "Ollie");
  EXPECT_EQ(p.date_of_birth, (Date{2016, 9, 1}));
  EXPECT_EQ(p.gender, "M");
  EXPECT_EQ(p.year, "R");
  EXPECT_EQ(p.reg_group, "RB");
  ASSERT_EQ(p.contacts.size(), 1u);
  EXPECT_EQ(p.contacts[0].title, "Mr");
  EXPECT_EQ(p.contacts[0].forename, "Peter");
  EXPECT_EQ(p.contacts[0].surname, "Brown");
  EXPECT_EQ(p.contacts[0].email, "peter@example.org");
}

TEST(MisCsvReader, PrefersTheLegalNameColumn) {
  Read r = read("UPN,Surname,Legal Surname,Forename\nB801200005001,Smithy,Smith,Amelia\n");
  EXPECT_EQ(r.pupils.at(0).legal_surname, "Smith");
}

TEST(MisCsvReader, NamesMissingRequiredColumnsAndWhatItRecognised) {
  Error e = error_reading("Legal Surname,Forename,DOB,Shoe Size\nSmith,Amelia,04/05/2016,3\n");
  EXPECT_EQ(e.status(), 422);
  ASSERT_EQ(e.fields().size(), 1u);
  EXPECT_EQ(e.fields()[0].field, "line 1");
  EXPECT_EQ(e.fields()[0].message,
            "the header row has no UPN column; the columns Steward recognised are: Legal Surname, Forename, DOB");

  Error both = error_reading("UPN,Name\nB801200005001,Amelia Smith\n");
  EXPECT_NE(both.fields()[0].message.find("no surname column (call it Legal Surname, Surname or Last Name) and "
                                          "no forename column"),
            std::string::npos)
      << both.what();

  Error empty = error_reading("");
  EXPECT_EQ(empty.status(), 422);
  EXPECT_NE(std::string(empty.what()).find("the file is empty"), std::string::npos);
}

TEST(MisCsvReader, ReportsRowProblemsWithTheirLinesAndColumns) {
  Read r = read(
      "UPN,Surname,Forename,DOB,Gender,FSM,Address,Contact 1 Email\n"
      "B801200005002,Smith,Amelia,30/02/2016,Q,maybe,,not-an-email\n"
      ",Jones,,2016-13-01,F,N,\"1 Long Row\nCrook\",\n"  // the address spans lines 3 and 4
      "b801200005001,Brown,Oliver,next tuesday,M,1,,\n");
  ASSERT_EQ(r.pupils.size(), 3u);
  EXPECT_EQ(r.lines, (std::vector<int>{2, 3, 5}));

  EXPECT_TRUE(has_problem(r.problems, 2, "UPN", "the check letter should be Q, not B"));
  EXPECT_TRUE(has_problem(r.problems, 2, "DOB", "there is no such date"));
  EXPECT_TRUE(has_problem(r.problems, 2, "Gender", "not a gender"));
  EXPECT_TRUE(has_problem(r.problems, 2, "FSM", "not a yes or no"));
  EXPECT_TRUE(has_problem(r.problems, 2, "Contact 1 Email", "not an email address"));
  EXPECT_TRUE(has_problem(r.problems, 3, "UPN", "missing: every pupil needs a UPN"));
  EXPECT_TRUE(has_problem(r.problems, 3, "Forename", "missing: every pupil needs a legal forename"));
  EXPECT_TRUE(has_problem(r.problems, 3, "DOB", "there is no such date"));
  EXPECT_TRUE(has_problem(r.problems, 5, "UPN", "UPNs are written in capitals: B801200005001"));
  EXPECT_TRUE(has_problem(r.problems, 5, "DOB", "not a date: write it as DD/MM/YYYY or YYYY-MM-DD"));
  EXPECT_EQ(r.problems.size(), 10u);

  // The pupil still arrives, with the faulty fields left empty.
  const Pupil& amelia = r.pupils[0];
  EXPECT_EQ(amelia.upn, "");
  EXPECT_FALSE(amelia.date_of_birth);
  EXPECT_EQ(amelia.gender, "");
  EXPECT_EQ(amelia.legal_surname, "Smith");
  EXPECT_TRUE(amelia.contacts.empty());                 // its only value, the email address, was refused
  EXPECT_EQ(r.pupils[1].address, "1 Long Row, Crook");  // a cell on two lines
}

}  // namespace
}  // namespace steward
