// The pupils' pages through a real server: import, opt-outs, the class grid, exports, subject access.
#include <gtest/gtest.h>

#include <cstdio>
#include <regex>

#include "domain/upn.h"

#include "support/test_support.h"

namespace steward {
namespace {

using namespace steward::testing;

const std::string kSchool = "/schools/crook-primary";
const std::string kRoster =
    "UPN,Legal Surname,Legal Forename,DOB,Gender,Year,Reg Group,SEN,FSM,Pupil Premium,Contact 1 Name,Contact 1 Relationship,"
    "Contact 1 Email\n"
    "B801200005001,Khan,Arthur,2019-03-20,M,2,2B,N,N,N,Kelly Khan,Mother,kelly@example.com\n"
    "R674123101121,Smith,Olivia,2019-05-02,F,2,2B,K,Y,Y,Tom Smith,Father,tom@example.com\n";

class PupilsHttp : public ::testing::Test {
 protected:
  void SetUp() override {
    password = init_demo(dir);
    RunResult gov = steward({"user", "add", "--db", dir.file("s.db"), "--email", "gov@crook-primary.example", "--role", "governor"},
                            "a governor password\n");
    ASSERT_EQ(gov.status, 0) << gov.err;
    server = std::make_unique<Server>(dir.file("s.db"));
    staff = Client(server->port());
    ASSERT_EQ(staff.login("dpo@crook-primary.example", password).status, 303);
  }

  HttpResponse import(const std::string& csv, bool dry_run) {
    auto form = staff.get(kSchool + "/pupils/import");
    std::vector<std::pair<std::string, std::string>> fields{{"csrf_token", staff.csrf_from(form.body)}};
    if (dry_run) fields.emplace_back("dry_run", "yes");
    return staff.post_multipart(kSchool + "/pupils/import", fields, {{"file", "roster.csv", "text/csv", csv}});
  }

  std::string pupil_url(const std::string& name) {
    auto list = staff.get(kSchool + "/pupils?q=" + name);
    std::smatch m;
    std::regex link("href=\"(/schools/crook-primary/pupils/\\d+)\"");
    if (!std::regex_search(list.body, m, link)) return "";
    return m[1];
  }

  TempDir dir;
  std::string password;
  std::unique_ptr<Server> server;
  Client staff{0};
};

TEST_F(PupilsHttp, ImportChecksFirstThenImports) {
  auto check = import(kRoster, true);
  EXPECT_EQ(check.status, 200);
  EXPECT_NE(check.body.find("Checked: nothing was changed"), std::string::npos);
  EXPECT_NE(staff.get(kSchool + "/pupils").body.find("0 pupils on roll"), std::string::npos);
  auto real = import(kRoster, false);
  EXPECT_NE(real.body.find("Pupils imported"), std::string::npos);
  EXPECT_NE(staff.get(kSchool + "/pupils").body.find("2 pupils on roll"), std::string::npos);
  auto bad = import("UPN,Legal Surname,Legal Forename,DOB\nB801200005002,Khan,Arthur,2019-02-30\n", false);
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("roster.csv: line 2: UPN"), std::string::npos) << bad.body;
  EXPECT_NE(bad.body.find("roster.csv: line 2: DOB"), std::string::npos);
  EXPECT_NE(bad.body.find("Nothing was imported"), std::string::npos);
}

// A roll big enough (over 1 MB) to be imported while the page is sent.
std::string big_roster(int pupils, int bad_line = 0) {
  std::string csv = "UPN,Legal Surname,Legal Forename,DOB,Gender,Year,Reg Group,SEN,FSM,Pupil Premium,Address\n";
  for (int n = 1; n <= pupils; ++n) {
    char twelve[13];
    std::snprintf(twelve, sizeof twelve, "80120%07d", n);
    csv += std::string(1, upn_check_letter(twelve)) + twelve + ",Surname" + std::to_string(n) + ",Forename," +
           (n + 1 == bad_line ? "2019-02-30" : "2019-03-20") +
           ",F,2,2B,N,N,N,\"12 Long Road Name, Some Village, Crook, County Durham, DL15 8AB\"\n";
  }
  return csv;
}

TEST_F(PupilsHttp, ALargeImportShowsHowManyPupilsHaveBeenReadAsItGoes) {
  std::string csv = big_roster(15000);
  ASSERT_GT(csv.size(), 1u << 20);
  auto r = import(csv, false);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.headers["transfer-encoding"], "chunked");
  EXPECT_NE(r.body.find("1000 pupils read so far"), std::string::npos);
  EXPECT_NE(r.body.find("14000 pupils read so far"), std::string::npos);
  EXPECT_LT(r.body.find("1000 pupils read so far"), r.body.find("Pupils imported"));
  EXPECT_NE(r.body.find("15000 pupils read: 15000 added"), std::string::npos) << r.body.substr(0, 2000);
  EXPECT_NE(r.body.find("</html>"), std::string::npos);
  EXPECT_NE(staff.get(kSchool + "/pupils").body.find("15000 pupils on roll"), std::string::npos);

  // A fault found after the page has started still names the place, and nothing is imported.
  auto bad = import(big_roster(16000, 15500), false);
  EXPECT_EQ(bad.status, 200);
  EXPECT_NE(bad.body.find("Nothing was imported"), std::string::npos);
  EXPECT_NE(bad.body.find("roster.csv: line 15500: DOB"), std::string::npos);
  EXPECT_NE(staff.get(kSchool + "/pupils").body.find("15000 pupils on roll"), std::string::npos);
}

TEST_F(PupilsHttp, OptOutsAreEnforcedInExportsAndShownInSubjectAccess) {
  ASSERT_EQ(import(kRoster, false).status, 200);
  std::string arthur = pupil_url("Arthur");
  ASSERT_FALSE(arthur.empty());
  auto form = staff.get(arthur + "/opt-outs/new");
  ASSERT_EQ(form.status, 200);
  std::smatch m;
  ASSERT_TRUE(std::regex_search(form.body, m, std::regex("value=\"(\\d+)\"><label[^>]*>ClassDojo<")));
  std::string dojo = m[1];
  auto missing = staff.post_multipart(arthur + "/opt-outs", {{"csrf_token", staff.csrf_from(form.body)}, {"service", dojo}}, {});
  EXPECT_EQ(missing.status, 422);
  EXPECT_NE(missing.body.find("Enter the name of the parent who opted out"), std::string::npos);
  auto saved = staff.post_multipart(arthur + "/opt-outs",
                                    {{"csrf_token", staff.csrf_from(form.body)},
                                     {"service", dojo},
                                     {"decided_by", "Kelly Khan"},
                                     {"relationship", "Mother"},
                                     {"received_on-day", "1"},
                                     {"received_on-month", "10"},
                                     {"received_on-year", "2026"},
                                     {"method", "letter"},
                                     {"alternative", "Paper reward chart"}},
                                    {{"evidence", "letter.pdf", "application/pdf", std::string("%PDF-1.4\0binary", 15)}});
  ASSERT_EQ(saved.status, 303) << saved.body;
  auto page = staff.get(arthur);
  EXPECT_NE(page.body.find("Kelly Khan (Mother)"), std::string::npos);
  std::smatch ev;
  ASSERT_TRUE(std::regex_search(page.body, ev, std::regex("href=\"(/schools/crook-primary/opt-outs/\\d+/evidence)\"")));
  EXPECT_EQ(staff.get(ev[1]).body, std::string("%PDF-1.4\0binary", 15));

  auto service = staff.get(kSchool + "/services/" + dojo);
  auto csv = staff.post(kSchool + "/services/" + dojo + "/export", {{"csrf_token", staff.csrf_from(service.body)}, {"format", "csv"}});
  EXPECT_EQ(csv.status, 200);
  EXPECT_EQ(csv.body, "forename,surname\r\nOlivia,Smith\r\n");
  EXPECT_NE(csv.headers["content-disposition"].find("attachment"), std::string::npos);
  auto log = staff.get(kSchool + "/services/" + dojo + "/exports");
  EXPECT_NE(log.body.find("forename,surname"), std::string::npos);
  EXPECT_NE(log.body.find("1 opt-outs in force"), std::string::npos);
  auto sharing = staff.get(arthur + "/sharing");
  EXPECT_NE(sharing.body.find("Nothing: the parent opted out"), std::string::npos);
  EXPECT_EQ(sharing.body.find("Exports that included this pupil"), std::string::npos);  // the export left Arthur out
}

TEST_F(PupilsHttp, ManagementServicesRefuseOptOuts) {
  ASSERT_EQ(import(kRoster, false).status, 200);
  std::string arthur = pupil_url("Arthur");
  auto form = staff.get(arthur + "/opt-outs/new");
  EXPECT_EQ(form.body.find(">SIMS<"), std::string::npos);  // not offered
  auto forged = staff.post_multipart(arthur + "/opt-outs",
                                     {{"csrf_token", staff.csrf_from(form.body)}, {"service", "10"}, {"decided_by", "X"},
                                      {"relationship", "Mother"}, {"received_on-day", "1"}, {"received_on-month", "10"},
                                      {"received_on-year", "2026"}, {"method", "letter"}},
                                     {});
  EXPECT_EQ(forged.status, 422);
}

TEST_F(PupilsHttp, ClassGridRecordsABatchOfForms) {
  ASSERT_EQ(import(kRoster, false).status, 200);
  auto grid = staff.get(kSchool + "/opt-out-grid?class=2B");
  ASSERT_EQ(grid.status, 200);
  std::smatch m;
  std::string body = grid.body;
  ASSERT_TRUE(std::regex_search(body, m, std::regex("name=\"opt\" type=\"checkbox\" value=\"(\\d+):(\\d+)\"")));
  std::string pupil = m[1], service = m[2];
  auto saved = staff.post(kSchool + "/opt-out-grid?class=2B",
                          {{"csrf_token", staff.csrf_from(body)}, {"class", "2B"}, {"received_on-day", "2"},
                           {"received_on-month", "10"}, {"received_on-year", "2026"}, {"opt", pupil + ":" + service},
                           {"by-" + pupil, "Parent Name"}, {"rel-" + pupil, "Mother"}});
  EXPECT_EQ(saved.status, 200) << saved.body;
  EXPECT_NE(saved.body.find("1 opt-out recorded"), std::string::npos);
  auto incomplete = staff.post(kSchool + "/opt-out-grid?class=2B",
                               {{"csrf_token", staff.csrf_from(body)}, {"class", "2B"}, {"received_on-day", "2"},
                                {"received_on-month", "10"}, {"received_on-year", "2026"}, {"opt", pupil + ":" + service}});
  EXPECT_EQ(incomplete.status, 422);
}

TEST_F(PupilsHttp, GovernorsCannotSeePupils) {
  Client gov(server->port());
  ASSERT_EQ(gov.login("gov@crook-primary.example", "a governor password").status, 303);
  EXPECT_EQ(gov.get(kSchool + "/services").status, 200);
  EXPECT_EQ(gov.get(kSchool + "/pupils").status, 403);
  EXPECT_EQ(gov.get(kSchool + "/services").body.find(">Pupils<"), std::string::npos);
}

}  // namespace
}  // namespace steward
