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
  PgTestDatabase pg;
  RunResult to = steward({"copy", "--from", dir.file("s.db"), "--to", pg.url()});
  ASSERT_EQ(to.status, 0) << to.err;
  EXPECT_NE(to.out.find("Copied crook-primary: 15 services"), std::string::npos) << to.out;
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
