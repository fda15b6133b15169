// The steward binary, run as a person would run it.
#include <gtest/gtest.h>

#include "support/test_support.h"

namespace steward {
namespace {

using namespace steward::testing;

class Cli : public ::testing::Test {
 protected:
  void SetUp() override { password = init_demo(dir); }
  std::string db() const { return dir.file("s.db"); }

  TempDir dir;
  std::string password;
};

TEST_F(Cli, InitDemoPrintsTheLogin) {
  EXPECT_GE(password.size(), 12u);
  RunResult r = steward({"service", "list", "--db", db()});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(count(r.out, "\n"), 15);
  EXPECT_EQ(count(r.out, "\tpupils\t"), 8);
}

TEST_F(Cli, InitRefusesToLoadTheDemoTwice) {
  RunResult r = steward({"init", "--db", db(), "--demo"});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("already has the demo school"), std::string::npos) << r.err;
}

TEST_F(Cli, SchoolIsOptionalWithOneSchoolAndRequiredWithTwo) {
  EXPECT_EQ(steward({"school", "add", "--db", db(), "--slug", "second", "--name", "Second School"}).status, 0);
  RunResult r = steward({"service", "list", "--db", db()});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("--school"), std::string::npos);
  EXPECT_EQ(steward({"service", "list", "--db", db(), "--school", "crook-primary"}).status, 0);
  RunResult bad = steward({"school", "add", "--db", db(), "--slug", "Bad Slug", "--name", "X"});
  EXPECT_EQ(bad.status, 1);
  EXPECT_NE(bad.err.find("slug"), std::string::npos);
}

TEST_F(Cli, ShowAcceptsIdOrNameAndJson) {
  RunResult r = steward({"service", "show", "--db", db(), "ClassDojo", "--json"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("\"name\":\"ClassDojo\""), std::string::npos);
  EXPECT_NE(r.out.find("\"data_shared\":[\"full name\",\"communications\",\"photographs\",\"assessment data\"]"),
            std::string::npos)
      << r.out;
  RunResult missing = steward({"service", "show", "--db", db(), "Nope"});
  EXPECT_EQ(missing.status, 1);
  EXPECT_NE(missing.err.find("no service called \"Nope\""), std::string::npos);
}

TEST_F(Cli, AddUpdateRetire) {
  RunResult add = steward({"service", "add", "--db", db(), "--name", "Seesaw", "--section", "pupils", "--provider", "Seesaw Learning",
                     "--purpose", "Learning journal", "--data", "full name", "--data", "photographs",
                     "--risk-assessment-date", "2025-09-01"});
  ASSERT_EQ(add.status, 0) << add.err;
  RunResult upd = steward({"service", "update", "--db", db(), "Seesaw", "--website", "https://seesaw.me/"});
  EXPECT_EQ(upd.status, 0) << upd.err;
  EXPECT_NE(steward({"service", "show", "--db", db(), "Seesaw"}).out.find("https://seesaw.me/"), std::string::npos);
  EXPECT_EQ(steward({"service", "retire", "--db", db(), "Seesaw"}).status, 0);
  RunResult again = steward({"service", "retire", "--db", db(), "Seesaw"});
  EXPECT_EQ(again.status, 1);
  EXPECT_NE(again.err.find("already retired"), std::string::npos);
}

TEST_F(Cli, UserErrorsExitOneNamingTheOption) {
  RunResult r = steward({"service", "add", "--db", db(), "--name", "X", "--section", "pupils", "--provider", "P", "--purpose",
                   "p", "--data", "full name", "--risk-assessment-date", "2025-02-30"});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("--risk-assessment-date"), std::string::npos) << r.err;
  RunResult s = steward({"service", "add", "--db", db(), "--name", "X", "--section", "pupils"});
  EXPECT_EQ(s.status, 1);
  EXPECT_NE(s.err.find("--provider"), std::string::npos) << s.err;
  EXPECT_EQ(steward({"service", "list", "--db", db()}).out.find("\tX\n"), std::string::npos);
}

TEST_F(Cli, MisuseExitsTwo) {
  EXPECT_EQ(steward({"service", "add", "--db", db()}).status, 2);  // required options missing
  EXPECT_EQ(steward({"frobnicate"}).status, 2);
  EXPECT_EQ(steward({}).status, 2);
  RunResult help = steward({"service", "--help"});
  EXPECT_EQ(help.status, 0);
  EXPECT_NE(help.out.find("retire"), std::string::npos);
}

TEST_F(Cli, MissingDatabaseIsNamed) {
  RunResult r = steward({"service", "list", "--db", dir.file("nope.db")});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("nope.db"), std::string::npos);
  EXPECT_NE(r.err.find("steward init"), std::string::npos);
  RunResult pg = steward({"service", "list", "--db", "postgresql://nobody@127.0.0.1:1/none"});
  EXPECT_EQ(pg.status, 1);
}

TEST_F(Cli, RegisterImportIsAllOrNothingAndNamesEveryLine) {
  write_file(dir.file("bad.csv"),
             "section,name,providers,website,purposes,data_shared,description,controls,risk_assessment_date\n"
             "pupils,Good One,Prov,,Reading,full name,,,\n"
             "pupils,Bad Date,Prov,,Reading,full name,,,2020-13-01\n"
             "elsewhere,Bad Section,Prov,,Reading,full name,,,\n");
  RunResult r = steward({"register", "import", "--db", db(), dir.file("bad.csv")});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("bad.csv: line 3"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("bad.csv: line 4"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("nothing was changed"), std::string::npos) << r.err;
  EXPECT_EQ(count(steward({"service", "list", "--db", db()}).out, "\n"), 15);
}

TEST_F(Cli, RegisterDryRunThenImportAndExport) {
  write_file(dir.file("new.csv"),
             "section,name,providers,website,purposes,data_shared,description,controls,risk_assessment_date\n"
             "other,Padlet,Wallwisher Inc,https://padlet.com/,,,none,Supervised use only,2025-01-15\n");
  RunResult dry = steward({"register", "import", "--db", db(), "--dry-run", dir.file("new.csv")});
  EXPECT_EQ(dry.status, 0) << dry.err;
  EXPECT_NE(dry.out.find("Would add: Padlet"), std::string::npos) << dry.out;
  EXPECT_EQ(count(steward({"service", "list", "--db", db()}).out, "\n"), 15);
  EXPECT_EQ(steward({"register", "import", "--db", db(), dir.file("new.csv")}).status, 0);
  RunResult exp = steward({"register", "export", "--db", db()});
  EXPECT_EQ(exp.status, 0);
  EXPECT_EQ(count(exp.out, "\r\n"), 17);  // header + 16
  EXPECT_NE(exp.out.find("other,Padlet,Wallwisher Inc"), std::string::npos);
}

TEST_F(Cli, UserAddReadsThePasswordFromStdin) {
  RunResult r = steward({"user", "add", "--db", db(), "--email", "Head@Crook.example", "--role", "headteacher"},
                  "a long enough password\n");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("head@crook.example"), std::string::npos);
  RunResult weak = steward({"user", "add", "--db", db(), "--email", "x@crook.example", "--role", "dpo"}, "short\n");
  EXPECT_EQ(weak.status, 1);
  EXPECT_NE(weak.err.find("12 characters"), std::string::npos);
  RunResult role = steward({"user", "add", "--db", db(), "--email", "y@crook.example", "--role", "wizard"}, "a long enough password\n");
  EXPECT_EQ(role.status, 1);
  EXPECT_NE(role.err.find("--role"), std::string::npos);
}

}  // namespace
}  // namespace steward

namespace steward {
namespace {

using namespace steward::testing;

TEST(CliPostgres, UnreachableServersMissingDatabasesAndRolesAreNamed) {
  RunResult refused = steward({"service", "list", "--db", "postgresql://steward@127.0.0.1:1/none"});
  EXPECT_EQ(refused.status, 1);
  EXPECT_NE(refused.err.find("127.0.0.1:1"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("refused"), std::string::npos) << refused.err;
  std::string admin = PgTestDatabase::admin_url();
  std::string base = admin.substr(0, admin.rfind('/'));
  RunResult missing = steward({"init", "--db", base + "/no_such_database"});
  EXPECT_EQ(missing.status, 1);
  EXPECT_NE(missing.err.find("no_such_database"), std::string::npos) << missing.err;
  std::string wrong_role = "postgresql://nobody@" + base.substr(base.find('@') + 1) + "/postgres";
  RunResult role = steward({"init", "--db", wrong_role});
  EXPECT_EQ(role.status, 1);
  EXPECT_NE(role.err.find("role \"nobody\" does not exist"), std::string::npos) << role.err;
  EXPECT_EQ(role.err.find("terminate called"), std::string::npos);
}

TEST(CliPostgres, InitMigrateAndCopyToPostgresAndBack) {
  TempDir dir;
  init_demo(dir);
  ASSERT_EQ(steward({"service", "retire", "--db", dir.file("s.db"), "Kindle"}).status, 0);
  // Pupils, an opt-out with its evidence and an export travel with the school.
  write_file(dir.file("roll.csv"),
             "UPN,Legal Surname,Legal Forename,DOB,Gender,Contact 1 Name,Contact 1 Relationship\n"
             "B801200005001,Khan,Arthur,2019-03-20,M,Kelly Khan,Mother\n"
             "R674123101121,Smith,Olivia,2019-05-02,F,Tom Smith,Father\n");
  ASSERT_EQ(steward({"pupils", "import", "--db", dir.file("s.db"), dir.file("roll.csv")}).status, 0);
  write_file(dir.file("letter.txt"), std::string("signed\0letter", 13));
  ASSERT_EQ(steward({"optout", "add", "--db", dir.file("s.db"), "--upn", "B801200005001", "--service", "ClassDojo", "--by",
                     "Kelly Khan", "--relationship", "Mother", "--received", "2026-10-01", "--method", "letter",
                     "--evidence", dir.file("letter.txt")})
                .status,
            0);
  ASSERT_EQ(steward({"export", "--db", dir.file("s.db"), "--service", "ClassDojo", "--format", "csv", "--out",
                     dir.file("dojo.csv")})
                .status,
            0);
  PgTestDatabase pg;
  RunResult to = steward({"copy", "--from", dir.file("s.db"), "--to", pg.url()});
  ASSERT_EQ(to.status, 0) << to.err;
  EXPECT_NE(to.out.find("Copied crook-primary: 15 services"), std::string::npos) << to.out;
  EXPECT_NE(to.out.find("2 pupils, 2 contacts, 1 opt-outs, 1 exports logged"), std::string::npos) << to.out;
  RunResult sar = steward({"sar", "--db", pg.url(), "--upn", "B801200005001", "--json"});
  EXPECT_NE(sar.out.find("\"opted_out\": true"), std::string::npos) << sar.out;
  EXPECT_EQ(steward({"sar", "--db", pg.url(), "--upn", "R674123101121"}).out.find("ClassDojo (csv)") == std::string::npos,
            false);
  EXPECT_EQ(steward({"migrate", "--db", pg.url()}).status, 0);
  RunResult back = steward({"copy", "--from", pg.url(), "--to", dir.file("back.db"), "--school", "crook-primary"});
  ASSERT_EQ(back.status, 0) << back.err;
  auto original = steward({"register", "export", "--db", dir.file("s.db")}).out;
  EXPECT_EQ(steward({"register", "export", "--db", pg.url()}).out, original);
  EXPECT_EQ(steward({"register", "export", "--db", dir.file("back.db")}).out, original);
  EXPECT_NE(steward({"service", "show", "--db", pg.url(), "Kindle"}).out.find("Retired"), std::string::npos);
  RunResult again = steward({"copy", "--from", dir.file("s.db"), "--to", pg.url()});
  EXPECT_EQ(again.status, 1);
  EXPECT_NE(again.err.find("already has a school with the slug crook-primary"), std::string::npos) << again.err;
}

}  // namespace
}  // namespace steward

namespace steward {
namespace {

using namespace steward::testing;

// Pupils, opt-outs, exports and subject access from the command line, on the demo school.
class CliPupils : public ::testing::Test {
 protected:
  void SetUp() override { init_demo(dir); }
  std::string db() const { return dir.file("s.db"); }

  // Valid UPNs (check letters computed as the UPN guide says).
  const std::string amelia = "X801200000001";
  const std::string ben = "L801200000002";
  const std::string chloe = "A801200000003";

  static std::string header() {
    return "UPN,Legal Surname,Legal Forename,Preferred Forename,DOB,Gender,Year,Reg Group,SEN,FSM,Pupil Premium,"
           "Contact 1 Name,Contact 1 Relationship,Contact 1 Email,Contact 1 Phone,Address\n";
  }
  static std::string row(const std::string& upn, const std::string& surname, const std::string& forename,
                         const std::string& dob = "2017-05-04") {
    return upn + "," + surname + "," + forename + ",," + dob + ",F,3,3B,N,N,N,Jane " + surname + ",Mother,jane." +
           surname + "@example.com,07700 900001,\"1 High Street, Crook, DL15 8AA\"\n";
  }
  // Three pupils, as gen_roster writes them.
  std::string roster() const {
    return header() + row(amelia, "Smith", "Amelia") + row(ben, "Jones", "Ben") + row(chloe, "Brown", "Chloe");
  }

  void import_roster() {
    write_file(dir.file("roster.csv"), roster());
    RunResult r = steward({"pupils", "import", "--db", db(), dir.file("roster.csv")});
    ASSERT_EQ(r.status, 0) << r.err;
  }

  RunResult opt_out(const std::string& upn, const std::string& service) {
    return steward({"optout", "add", "--db", db(), "--upn", upn, "--service", service, "--by", "Jane Jones",
                    "--relationship", "Mother", "--received", "2025-09-02", "--method", "letter"});
  }

  // The number in "Recorded opt-out 7: ...".
  static std::string opt_out_id(const std::string& out) {
    const std::string marker = "Recorded opt-out ";
    auto start = out.find(marker);
    if (start == std::string::npos) return "";
    start += marker.size();
    auto end = out.find_first_not_of("0123456789", start);
    return out.substr(start, end - start);
  }

  TempDir dir;
};

TEST_F(CliPupils, DryRunReportsAndChangesNothingThenTheImportAdds) {
  write_file(dir.file("roster.csv"), roster());
  RunResult dry = steward({"pupils", "import", "--db", db(), "--dry-run", dir.file("roster.csv")});
  EXPECT_EQ(dry.status, 0) << dry.err;
  EXPECT_NE(dry.out.find("Dry run: would add 3"), std::string::npos) << dry.out;
  EXPECT_NE(dry.out.find("Nothing was changed."), std::string::npos) << dry.out;
  EXPECT_NE(dry.out.find("Would add: " + amelia + " Amelia Smith"), std::string::npos) << dry.out;
  RunResult none = steward({"sar", "--db", db(), "--upn", amelia});
  EXPECT_EQ(none.status, 1);
  EXPECT_NE(none.err.find("no pupil with UPN"), std::string::npos) << none.err;

  RunResult real = steward({"pupils", "import", "--db", db(), dir.file("roster.csv")});
  EXPECT_EQ(real.status, 0) << real.err;
  EXPECT_NE(real.out.find("Added 3"), std::string::npos) << real.out;
  EXPECT_NE(real.out.find("Added: " + amelia + " Amelia Smith"), std::string::npos) << real.out;
  RunResult sar = steward({"sar", "--db", db(), "--upn", amelia});
  EXPECT_EQ(sar.status, 0) << sar.err;
  EXPECT_NE(sar.out.find("Amelia Smith (UPN " + amelia + ")"), std::string::npos) << sar.out;

  RunResult again = steward({"pupils", "import", "--db", db(), dir.file("roster.csv")});
  EXPECT_EQ(again.status, 0) << again.err;
  EXPECT_NE(again.out.find("Added 0, changed 0, marked as left 0, unchanged 3"), std::string::npos) << again.out;
}

TEST_F(CliPupils, ABadFileExitsOneNamingTheFileAndEveryLine) {
  write_file(dir.file("bad.csv"), header() + row(amelia, "Smith", "Amelia") +
                                      row("B801200000002", "Jones", "Ben") +  // wrong check letter
                                      row(chloe, "Brown", "Chloe", "2019-02-30"));
  RunResult r = steward({"pupils", "import", "--db", db(), dir.file("bad.csv")});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find(dir.file("bad.csv") + ": line 3: UPN"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(dir.file("bad.csv") + ": line 4: DOB"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("nothing was changed"), std::string::npos) << r.err;
  EXPECT_EQ(steward({"sar", "--db", db(), "--upn", amelia}).status, 1);  // the good line was not imported either
}

TEST_F(CliPupils, AnOptedOutPupilIsLeftOutOfTheExport) {
  import_roster();
  RunResult add = opt_out(ben, "ClassDojo");
  ASSERT_EQ(add.status, 0) << add.err;
  EXPECT_NE(add.out.find("Recorded opt-out"), std::string::npos) << add.out;

  RunResult exp = steward({"export", "--db", db(), "--service", "ClassDojo", "--format", "csv", "--out", dir.file("dojo.csv")});
  ASSERT_EQ(exp.status, 0) << exp.err;
  EXPECT_NE(exp.out.find("2 pupils, fields forename,surname"), std::string::npos) << exp.out;
  EXPECT_NE(exp.out.find("1 left out (opted out)"), std::string::npos) << exp.out;
  EXPECT_NE(exp.out.find("communications, photographs, assessment data"), std::string::npos) << exp.out;
  std::string csv = read_file(dir.file("dojo.csv"));
  EXPECT_EQ(csv.rfind("forename,surname\r\n", 0), 0u) << csv;
  EXPECT_NE(csv.find("Amelia,Smith"), std::string::npos) << csv;
  EXPECT_NE(csv.find("Chloe,Brown"), std::string::npos) << csv;
  EXPECT_EQ(csv.find("Ben"), std::string::npos) << csv;
}

TEST_F(CliPupils, SimsCannotBeOptedOutOf) {
  import_roster();
  RunResult r = opt_out(ben, "SIMS");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("cannot opt out"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("there is no option to opt out"), std::string::npos) << r.err;
  RunResult list = steward({"optout", "list", "--db", db()});
  EXPECT_EQ(list.status, 0) << list.err;
  EXPECT_EQ(list.out, "");
}

TEST_F(CliPupils, OptOutsAreListedAndWithdrawnWithTheirHistoryKept) {
  import_roster();
  write_file(dir.file("letter.txt"), "Please do not use ClassDojo for Ben.\n");
  RunResult add = steward({"optout", "add", "--db", db(), "--upn", ben, "--service", "ClassDojo", "--by", "Jane Jones",
                           "--relationship", "Mother", "--received", "2025-09-02", "--method", "letter", "--evidence",
                           dir.file("letter.txt"), "--alternative", "A paper reward chart"});
  ASSERT_EQ(add.status, 0) << add.err;
  std::string id = opt_out_id(add.out);
  ASSERT_FALSE(id.empty()) << add.out;

  RunResult list = steward({"optout", "list", "--db", db()});
  EXPECT_EQ(list.status, 0) << list.err;
  EXPECT_EQ(count(list.out, "\n"), 1) << list.out;
  EXPECT_EQ(list.out.rfind(id + "\t" + ben + "\tClassDojo\t2025-09-02\tletter\tJane Jones (Mother)\t", 0), 0u) << list.out;
  EXPECT_NE(list.out.find("in force"), std::string::npos) << list.out;

  RunResult withdraw = steward({"optout", "withdraw", "--db", db(), id, "--reason", "Parent's email of 3 March"});
  EXPECT_EQ(withdraw.status, 0) << withdraw.err;
  EXPECT_NE(withdraw.out.find("Withdrew opt-out " + id), std::string::npos) << withdraw.out;

  RunResult after = steward({"optout", "list", "--db", db(), "--upn", ben});
  EXPECT_EQ(after.status, 0) << after.err;
  EXPECT_EQ(count(after.out, "\n"), 1) << after.out;
  EXPECT_NE(after.out.find("withdrawn"), std::string::npos) << after.out;
  EXPECT_EQ(after.out.find("in force"), std::string::npos) << after.out;

  RunResult twice = steward({"optout", "withdraw", "--db", db(), id, "--reason", "again"});
  EXPECT_EQ(twice.status, 1);
  EXPECT_NE(twice.err.find("already withdrawn"), std::string::npos) << twice.err;
}

TEST_F(CliPupils, SubjectAccessNamesThePupilAndTheirOptOuts) {
  import_roster();
  ASSERT_EQ(opt_out(ben, "ClassDojo").status, 0);
  RunResult json = steward({"sar", "--db", db(), "--upn", ben, "--json"});
  EXPECT_EQ(json.status, 0) << json.err;
  EXPECT_NE(json.out.find(ben), std::string::npos) << json.out;
  EXPECT_NE(json.out.find("\"opted_out\""), std::string::npos) << json.out;
  EXPECT_NE(json.out.find("ClassDojo"), std::string::npos) << json.out;
  EXPECT_NE(json.out.find("Jane Jones"), std::string::npos) << json.out;

  RunResult text = steward({"sar", "--db", db(), "--upn", ben});
  EXPECT_EQ(text.status, 0) << text.err;
  EXPECT_NE(text.out.find("ClassDojo (Class Twist Inc) - OPTED OUT"), std::string::npos) << text.out;
}

TEST_F(CliPupils, OneRosterExportWritesAZip) {
  import_roster();
  RunResult r = steward({"export", "--db", db(), "--service", "The Reading Cloud", "--format", "oneroster", "--out",
                         dir.file("cloud.zip")});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("3 pupils"), std::string::npos) << r.out;
  std::string zip = read_file(dir.file("cloud.zip"));
  ASSERT_GE(zip.size(), 4u);
  EXPECT_EQ(zip.substr(0, 2), "PK");
}

}  // namespace
}  // namespace steward
