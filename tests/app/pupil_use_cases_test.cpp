// Pupil imports, opt-outs, exports and subject access, over each backend, on the demo school.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <sstream>

#include "app/audit.h"
#include "app/clock.h"
#include "app/crypto.h"
#include "app/demo.h"
#include "app/exports.h"
#include "app/opt_outs.h"
#include "app/pupil_import.h"
#include "app/register.h"
#include "app/subject_access.h"
#include "domain/upn.h"
#include "support/test_support.h"

namespace steward {
namespace {

using steward::testing::count;

// A valid UPN for each number: twelve digits after a check letter.
std::string upn(int n) {
  char twelve[13];
  std::snprintf(twelve, sizeof twelve, "8012000%05d", n);
  return std::string(1, upn_check_letter(twelve)) + twelve;
}

// The same UPN with a check letter that does not match it.
std::string with_wrong_check_letter(const std::string& valid) {
  std::string bad = valid;
  bad[0] = valid[0] == 'A' ? 'B' : 'A';
  return bad;
}

// The header gen_roster writes.
const std::string kHeader =
    "UPN,Legal Surname,Legal Forename,Preferred Forename,DOB,Gender,Year,Reg Group,SEN,FSM,Pupil Premium,"
    "Contact 1 Name,Contact 1 Relationship,Contact 1 Email,Contact 1 Phone,Address\n";

std::string row(const std::string& upn, const std::string& surname, const std::string& forename,
                const std::string& reg_group = "3B", const std::string& dob = "2017-05-04",
                const std::string& gender = "F") {
  return upn + "," + surname + "," + forename + ",," + dob + "," + gender + ",3," + reg_group + ",N,N,N,Jane " + surname +
         ",Mother,jane." + surname + "@example.com,07700 900001,\"1 High Street, Crook, DL15 8AA\"\n";
}

// Amelia Smith, Ben Jones and Chloe Brown: names that appear nowhere else in an export.
std::string three_pupils() {
  return kHeader + row(upn(1), "Smith", "Amelia") + row(upn(2), "Jones", "Ben") + row(upn(3), "Brown", "Chloe");
}

std::string label(int n, const std::string& forename, const std::string& surname) {
  return upn(n) + " " + forename + " " + surname;
}

bool contains(const std::vector<std::string>& items, const std::string& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

class PupilUseCases : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    store = open_store(db.url());
    store->migrate();
    demo = load_demo(*store);
  }

  PupilImportReport import(const std::string& csv, bool dry_run = false, const Actor* who = nullptr) {
    std::istringstream in(csv);
    PupilImportOptions options;
    options.dry_run = dry_run;
    return import_pupils(*store, who ? *who : cli, demo.school, in, PupilFileFormat::Csv, options);
  }

  Pupil pupil(int n) { return find_pupil_by_upn(*store, demo.school, upn(n)); }
  Service service(const std::string& name) { return find_service_by_name(*store, demo.school, name); }

  NewOptOut opt_out_of(const std::string& service_name, int pupil_number) {
    NewOptOut o;
    o.pupil = pupil(pupil_number).id;
    o.service = service(service_name).id;
    o.decided_by = "Jane Jones";
    o.relationship = "Mother";
    o.received_on = Date{2025, 9, 2};
    o.method = OptOutMethod::Letter;
    o.evidence = Evidence{"letter.txt", "text/plain", "Please do not use ClassDojo for Ben."};
    o.alternative = "A paper reward chart";
    return o;
  }

  Actor governor() const {
    return Actor::staff(User{{}, demo.school.id, "gov@crook-primary.example", "A Governor", Role::Governor, "", true});
  }

  steward::testing::TestDatabase db{GetParam()};
  std::unique_ptr<Store> store;
  DemoLogin demo;
  Actor cli = Actor::command_line();
};

// ---- imports

TEST_P(PupilUseCases, ImportAddsPupilsWithTheirContacts) {
  auto report = import(three_pupils());
  EXPECT_EQ(report.read, 3u);
  EXPECT_TRUE(report.full);
  EXPECT_FALSE(report.dry_run);
  EXPECT_EQ(report.added.strings(), (std::vector<std::string>{label(1, "Amelia", "Smith"), label(2, "Ben", "Jones"),
                                                    label(3, "Chloe", "Brown")}));
  EXPECT_TRUE(report.changed.empty());
  EXPECT_TRUE(report.left.empty());
  EXPECT_EQ(report.unchanged, 0u);

  auto all = store->pupils(demo.school.id, false);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].legal_surname, "Brown");
  Pupil amelia = pupil(1);
  EXPECT_EQ(amelia.legal_forename, "Amelia");
  EXPECT_EQ(amelia.date_of_birth, (Date{2017, 5, 4}));
  EXPECT_EQ(amelia.gender, "F");
  EXPECT_EQ(amelia.year, "3");
  EXPECT_EQ(amelia.reg_group, "3B");
  EXPECT_EQ(amelia.address, "1 High Street, Crook, DL15 8AA");
  EXPECT_EQ(amelia.entry_date, today());
  ASSERT_EQ(amelia.contacts.size(), 1u);
  EXPECT_EQ(amelia.contacts[0].forename, "Jane");
  EXPECT_EQ(amelia.contacts[0].surname, "Smith");
  EXPECT_EQ(amelia.contacts[0].relationship, "Mother");
  EXPECT_EQ(amelia.contacts[0].email, "jane.Smith@example.com");
  EXPECT_EQ(amelia.contacts[0].phones, (std::vector<std::string>{"07700 900001"}));
  EXPECT_EQ(store->last_audit(demo.school.id)->action, "pupils.import");
  EXPECT_FALSE(verify_audit_chain(*store, demo.school.id));
}

TEST_P(PupilUseCases, ImportingTheSameFileAgainChangesNothing) {
  import(three_pupils());
  auto again = import(three_pupils());
  EXPECT_EQ(again.unchanged, 3u);
  EXPECT_TRUE(again.added.empty());
  EXPECT_TRUE(again.changed.empty()) << ::testing::PrintToString(again.changed.strings());
  EXPECT_TRUE(again.left.empty());
}

TEST_P(PupilUseCases, DryRunReportsAddedChangedAndLeftAndChangesNothing) {
  import(three_pupils());
  auto audit_before = store->all_audit_entries(demo.school.id).size();
  // Amelia unchanged, Ben moves class, Chloe is gone, Dan is new.
  std::string next = kHeader + row(upn(1), "Smith", "Amelia") + row(upn(2), "Jones", "Ben", "4C") +
                     row(upn(4), "Green", "Dan");
  auto report = import(next, true);
  EXPECT_TRUE(report.dry_run);
  EXPECT_EQ(report.read, 3u);
  EXPECT_EQ(report.added.strings(), (std::vector<std::string>{label(4, "Dan", "Green")}));
  EXPECT_EQ(report.changed.strings(), (std::vector<std::string>{label(2, "Ben", "Jones")}));
  EXPECT_EQ(report.left.strings(), (std::vector<std::string>{label(3, "Chloe", "Brown")}));
  EXPECT_EQ(report.unchanged, 1u);

  EXPECT_EQ(store->pupils(demo.school.id, true).size(), 3u);
  EXPECT_EQ(store->pupils(demo.school.id, false).size(), 3u);
  EXPECT_FALSE(store->pupil_by_upn(demo.school.id, upn(4)));
  EXPECT_EQ(pupil(2).reg_group, "3B");
  EXPECT_TRUE(pupil(3).on_roll());
  EXPECT_EQ(store->all_audit_entries(demo.school.id).size(), audit_before);
}

TEST_P(PupilUseCases, AFullImportWithoutAPupilMarksThemLeftAndKeepsThem) {
  import(three_pupils());
  auto report = import(kHeader + row(upn(1), "Smith", "Amelia") + row(upn(2), "Jones", "Ben"));
  EXPECT_EQ(report.left.strings(), (std::vector<std::string>{label(3, "Chloe", "Brown")}));
  EXPECT_EQ(report.unchanged, 2u);
  EXPECT_TRUE(report.added.empty());

  EXPECT_EQ(store->pupils(demo.school.id, false).size(), 2u);
  EXPECT_EQ(store->pupils(demo.school.id, true).size(), 3u);
  Pupil chloe = pupil(3);
  EXPECT_FALSE(chloe.on_roll());
  EXPECT_EQ(chloe.leaving_date, today());

  // Another import without her does not report her again.
  auto later = import(kHeader + row(upn(1), "Smith", "Amelia") + row(upn(2), "Jones", "Ben"));
  EXPECT_TRUE(later.left.empty());

  // Back on the roll: she is changed, on roll again, the same record.
  auto back = import(three_pupils());
  EXPECT_EQ(back.changed.strings(), (std::vector<std::string>{label(3, "Chloe", "Brown")}));
  EXPECT_TRUE(back.added.empty());
  EXPECT_TRUE(pupil(3).on_roll());
  EXPECT_EQ(pupil(3).id, chloe.id);
}

TEST_P(PupilUseCases, AFaultyFileIsRejectedWholeWithOneErrorPerProblem) {
  std::string csv = kHeader +                                               // line 1
                    row(upn(1), "Smith", "Amelia") +                        // line 2: fine
                    row(with_wrong_check_letter(upn(2)), "Jones", "Ben") +  // line 3
                    row(upn(1), "Smith", "Again") +                         // line 4: duplicate of line 2
                    row(upn(3), "Brown", "Chloe", "3B", "2019-02-30") +     // line 5
                    row(upn(4), "Green", "Dan", "3B", "2017-01-01", "Q");   // line 6
  try {
    import(csv);
    FAIL() << "a faulty file was imported";
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), 422);
    ASSERT_EQ(e.fields().size(), 4u) << e.what();
    EXPECT_EQ(e.fields()[0].field, "line 3: UPN");
    EXPECT_NE(e.fields()[0].message.find(with_wrong_check_letter(upn(2))), std::string::npos) << e.fields()[0].message;
    EXPECT_NE(e.fields()[0].message.find("check letter"), std::string::npos) << e.fields()[0].message;
    EXPECT_EQ(e.fields()[1].field, "line 4: UPN");
    EXPECT_NE(e.fields()[1].message.find("line 2"), std::string::npos) << e.fields()[1].message;
    EXPECT_EQ(e.fields()[2].field, "line 5: DOB");
    EXPECT_NE(e.fields()[2].message.find("2019-02-30"), std::string::npos) << e.fields()[2].message;
    EXPECT_EQ(e.fields()[3].field, "line 6: Gender");
    EXPECT_NE(e.fields()[3].message.find("\"Q\""), std::string::npos) << e.fields()[3].message;
  }
  EXPECT_TRUE(store->pupils(demo.school.id, true).empty());
  EXPECT_NE(store->last_audit(demo.school.id)->action, "pupils.import");
}

TEST_P(PupilUseCases, AFileWithNoPupilsIsRefused) {
  try {
    import(kHeader);
    FAIL() << "an empty file was imported";
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), 422);
  }
}

TEST_P(PupilUseCases, APartialCtfMarksNobodyAsLeft) {
  import(three_pupils());
  std::string ctf = R"xml(<?xml version="1.0" encoding="UTF-8"?>
<CTfile>
  <Header>
    <DocumentName>Common Transfer File</DocumentName>
    <CTFversion>25.0</CTFversion>
    <DateTime>2025-10-01T09:00:00</DateTime>
    <DocumentQualifier>partial</DocumentQualifier>
    <SupplierID>SIMS</SupplierID>
    <SourceSchool>
      <LEA>801</LEA>
      <Estab>2000</Estab>
      <SchoolName>Crook Primary School</SchoolName>
      <AcademicYear>2025</AcademicYear>
    </SourceSchool>
  </Header>
  <CTFpupilData>
    <Pupil>
      <UPN>)xml" + upn(4) + R"xml(</UPN>
      <Surname>Green</Surname>
      <Forename>Dan</Forename>
      <DOB>2018-01-02</DOB>
      <Sex>M</Sex>
      <BasicDetails>
        <NCyearActual>2</NCyearActual>
      </BasicDetails>
    </Pupil>
  </CTFpupilData>
</CTfile>
)xml";
  std::istringstream in(ctf);
  auto report = import_pupils(*store, cli, demo.school, in, PupilFileFormat::Ctf, {});
  EXPECT_FALSE(report.full);
  EXPECT_EQ(report.added.strings(), (std::vector<std::string>{label(4, "Dan", "Green")}));
  EXPECT_TRUE(report.left.empty());
  EXPECT_EQ(store->pupils(demo.school.id, false).size(), 4u);
  EXPECT_EQ(pupil(4).gender, "M");
  EXPECT_EQ(pupil(4).year, "2");
}

// ---- opt-outs

TEST_P(PupilUseCases, AnOptOutOfAPupilsServiceIsRecordedAndAudited) {
  import(three_pupils());
  OptOut o = add_opt_out(*store, cli, demo.school, opt_out_of("ClassDojo", 2));
  EXPECT_GT(o.id.value, 0);
  EXPECT_TRUE(o.in_force());
  EXPECT_EQ(o.pupil, pupil(2).id);
  EXPECT_EQ(o.service, service("ClassDojo").id);
  EXPECT_EQ(o.recorded_by, cli.name);
  EXPECT_FALSE(o.recorded_at.empty());
  EXPECT_EQ(store->last_audit(demo.school.id)->action, "opt_out.create");
  EXPECT_FALSE(verify_audit_chain(*store, demo.school.id));

  auto listed = store->opt_outs(demo.school.id, pupil(2).id, std::nullopt);
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].decided_by, "Jane Jones");
  EXPECT_EQ(listed[0].alternative, "A paper reward chart");
  auto stored = store->opt_out(demo.school.id, o.id);
  ASSERT_TRUE(stored);
  ASSERT_TRUE(stored->evidence);
  EXPECT_EQ(stored->evidence->bytes, "Please do not use ClassDojo for Ben.");
}

TEST_P(PupilUseCases, AManagementServiceCannotBeOptedOutOfAndTheSchoolsReasonIsQuoted) {
  import(three_pupils());
  try {
    add_opt_out(*store, cli, demo.school, opt_out_of("SIMS", 2));
    FAIL() << "opted out of SIMS";
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), 409);
    std::string message = e.what();
    EXPECT_NE(message.find("SIMS"), std::string::npos) << message;
    EXPECT_NE(message.find("there is no option to opt out"), std::string::npos) << message;
  }
  EXPECT_TRUE(store->opt_outs(demo.school.id, std::nullopt, std::nullopt).empty());
}

TEST_P(PupilUseCases, ASecondOptOutWhileOneIsInForceIsRefused) {
  import(three_pupils());
  add_opt_out(*store, cli, demo.school, opt_out_of("ClassDojo", 2));
  try {
    add_opt_out(*store, cli, demo.school, opt_out_of("ClassDojo", 2));
    FAIL() << "two opt-outs in force";
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), 409);
    EXPECT_NE(std::string(e.what()).find("already in force"), std::string::npos) << e.what();
  }
  EXPECT_EQ(store->opt_outs(demo.school.id, std::nullopt, std::nullopt).size(), 1u);
  // Another pupil, or another service, is a separate decision.
  add_opt_out(*store, cli, demo.school, opt_out_of("ClassDojo", 1));
  add_opt_out(*store, cli, demo.school, opt_out_of("Lexia Core 5", 2));
  EXPECT_EQ(store->opt_outs(demo.school.id, std::nullopt, std::nullopt).size(), 3u);
}

TEST_P(PupilUseCases, AnOptOutNamesEveryMissingOrWrongField) {
  import(three_pupils());
  NewOptOut o = opt_out_of("ClassDojo", 2);
  o.decided_by = "   ";
  o.received_on = Date{today().year + 1, 1, 1};
  try {
    add_opt_out(*store, cli, demo.school, o);
    FAIL() << "accepted an opt-out with no parent and a future date";
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), 422);
    EXPECT_FALSE(e.field_message("decided_by").empty()) << e.what();
    EXPECT_NE(e.field_message("received_on").find("future"), std::string::npos) << e.what();
    EXPECT_TRUE(e.field_message("relationship").empty()) << e.what();
  }
  NewOptOut none = opt_out_of("ClassDojo", 2);
  none.relationship.clear();
  none.received_on.reset();
  none.method.reset();
  none.evidence->bytes.assign(kMaxEvidenceBytes + 1, 'x');
  try {
    add_opt_out(*store, cli, demo.school, none);
    FAIL() << "accepted an opt-out with no relationship, date or method";
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), 422);
    EXPECT_FALSE(e.field_message("relationship").empty()) << e.what();
    EXPECT_FALSE(e.field_message("received_on").empty()) << e.what();
    EXPECT_FALSE(e.field_message("method").empty()) << e.what();
    EXPECT_FALSE(e.field_message("evidence").empty()) << e.what();
  }
  EXPECT_TRUE(store->opt_outs(demo.school.id, std::nullopt, std::nullopt).empty());
}

TEST_P(PupilUseCases, APupilWhoLeftOrARetiredServiceCannotBeOptedOut) {
  import(three_pupils());
  import(kHeader + row(upn(1), "Smith", "Amelia") + row(upn(2), "Jones", "Ben"));  // Chloe leaves
  try {
    add_opt_out(*store, cli, demo.school, opt_out_of("ClassDojo", 3));
    FAIL() << "opted out a pupil who left";
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), 409);
  }
  retire_service(*store, cli, demo.school, service("Lexia Core 5").id);
  try {
    add_opt_out(*store, cli, demo.school, opt_out_of("Lexia Core 5", 2));
    FAIL() << "opted out of a retired service";
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), 409);
  }
  EXPECT_TRUE(store->opt_outs(demo.school.id, std::nullopt, std::nullopt).empty());
}

TEST_P(PupilUseCases, WithdrawingKeepsTheOptOutAsHistory) {
  import(three_pupils());
  OptOut o = add_opt_out(*store, cli, demo.school, opt_out_of("ClassDojo", 2));
  try {
    withdraw_opt_out(*store, cli, demo.school, o.id, "  ");
    FAIL() << "withdrawn without a reason";
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), 422);
    EXPECT_FALSE(e.field_message("reason").empty());
  }
  withdraw_opt_out(*store, cli, demo.school, o.id, "Parent's email of 3 March");
  EXPECT_EQ(store->last_audit(demo.school.id)->action, "opt_out.withdraw");

  auto listed = store->opt_outs(demo.school.id, pupil(2).id, std::nullopt);
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_FALSE(listed[0].in_force());
  EXPECT_EQ(listed[0].withdrawn_reason, "Parent's email of 3 March");
  EXPECT_EQ(listed[0].withdrawn_by, cli.name);
  EXPECT_FALSE(listed[0].withdrawn_at.empty());

  try {
    withdraw_opt_out(*store, cli, demo.school, o.id, "again");
    FAIL() << "withdrawn twice";
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), 409);
  }
  try {
    withdraw_opt_out(*store, cli, demo.school, OptOutId{o.id.value + 1000}, "no such");
    FAIL() << "withdrew an opt-out that does not exist";
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), 404);
  }

  // Once withdrawn, the parent may opt out again; both stay on record.
  add_opt_out(*store, cli, demo.school, opt_out_of("ClassDojo", 2));
  auto history = store->opt_outs(demo.school.id, pupil(2).id, std::nullopt);
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(std::count_if(history.begin(), history.end(), [](const OptOut& x) { return x.in_force(); }), 1);
}

// ---- exports

TEST_P(PupilUseCases, ACsvExportHoldsOnlyRegisteredFieldsAndLeavesOutOptedOutPupils) {
  import(three_pupils());
  OptOut o = add_opt_out(*store, cli, demo.school, opt_out_of("ClassDojo", 2));
  Service dojo = service("ClassDojo");

  ExportFile file = export_for_service(*store, cli, demo.school, dojo.id, ExportFormat::Csv);
  EXPECT_EQ(file.bytes.substr(0, file.bytes.find("\r\n")), "forename,surname");
  EXPECT_EQ(count(file.bytes, "\r\n"), 3) << file.bytes;  // header + Amelia + Chloe
  EXPECT_NE(file.bytes.find("Amelia,Smith\r\n"), std::string::npos) << file.bytes;
  EXPECT_NE(file.bytes.find("Chloe,Brown\r\n"), std::string::npos) << file.bytes;
  EXPECT_EQ(file.bytes.find("Ben"), std::string::npos) << file.bytes;
  EXPECT_EQ(file.bytes.find("Jones"), std::string::npos) << file.bytes;
  EXPECT_EQ(file.bytes.find(upn(1)), std::string::npos) << file.bytes;  // no UPN registered for ClassDojo
  EXPECT_EQ(file.opted_out, 1u);
  EXPECT_EQ(file.not_exportable, (std::vector<std::string>{"communications", "photographs", "assessment data"}));
  EXPECT_EQ(file.content_type.rfind("text/csv", 0), 0u) << file.content_type;
  EXPECT_NE(file.filename.find(".csv"), std::string::npos) << file.filename;

  const Disclosure& d = file.disclosure;
  EXPECT_GT(d.id.value, 0);
  EXPECT_EQ(d.service, dojo.id);
  EXPECT_EQ(d.format, "csv");
  EXPECT_EQ(d.fields, "forename,surname");
  EXPECT_EQ(d.pupil_count, 2);
  EXPECT_EQ(d.sha256, sha256_hex(file.bytes));
  EXPECT_EQ(d.actor, cli.name);
  EXPECT_EQ(store->last_audit(demo.school.id)->action, "export.create");

  auto logged = store->disclosures(demo.school.id, dojo.id, std::nullopt);
  ASSERT_EQ(logged.size(), 1u);
  EXPECT_EQ(logged[0].id, d.id);
  EXPECT_EQ(logged[0].service_name, "ClassDojo");
  EXPECT_EQ(logged[0].pupil_count, 2);
  EXPECT_EQ(logged[0].sha256, sha256_hex(file.bytes));
  EXPECT_EQ(store->disclosures(demo.school.id, std::nullopt, pupil(1).id).size(), 1u);
  EXPECT_TRUE(store->disclosures(demo.school.id, std::nullopt, pupil(2).id).empty());

  // Once the opt-out is withdrawn, the next export includes Ben again.
  withdraw_opt_out(*store, cli, demo.school, o.id, "Parent's email of 3 March");
  ExportFile next = export_for_service(*store, cli, demo.school, dojo.id, ExportFormat::Csv);
  EXPECT_NE(next.bytes.find("Ben,Jones\r\n"), std::string::npos) << next.bytes;
  EXPECT_EQ(next.opted_out, 0u);
  EXPECT_EQ(next.disclosure.pupil_count, 3);
  EXPECT_EQ(next.disclosure.sha256, sha256_hex(next.bytes));
  EXPECT_EQ(store->disclosures(demo.school.id, dojo.id, std::nullopt).size(), 2u);
  EXPECT_EQ(store->disclosures(demo.school.id, std::nullopt, pupil(2).id).size(), 1u);
}

TEST_P(PupilUseCases, AnExportLeavesOutPupilsWhoLeft) {
  import(three_pupils());
  import(kHeader + row(upn(1), "Smith", "Amelia") + row(upn(2), "Jones", "Ben"));  // Chloe leaves
  ExportFile file = export_for_service(*store, cli, demo.school, service("ClassDojo").id, ExportFormat::Csv);
  EXPECT_EQ(file.bytes.find("Chloe"), std::string::npos) << file.bytes;
  EXPECT_EQ(file.disclosure.pupil_count, 2);
  EXPECT_TRUE(store->disclosures(demo.school.id, std::nullopt, pupil(3).id).empty());
}

TEST_P(PupilUseCases, AnExportForAServiceWithMoreCategoriesHasTheirColumns) {
  import(three_pupils());
  ExportFile file = export_for_service(*store, cli, demo.school, service("The Reading Cloud").id, ExportFormat::Csv);
  EXPECT_EQ(file.bytes.substr(0, file.bytes.find("\r\n")), "forename,surname,upn,date_of_birth,gender,year,reg_group");
  EXPECT_NE(file.bytes.find("Amelia,Smith," + upn(1) + ",2017-05-04,F,3,3B\r\n"), std::string::npos) << file.bytes;
  EXPECT_TRUE(file.not_exportable.empty());
  EXPECT_EQ(file.disclosure.fields, "forename,surname,upn,date_of_birth,gender,year,reg_group");
}

TEST_P(PupilUseCases, AnExportForARetiredServiceIsRefused) {
  import(three_pupils());
  Service lexia = service("Lexia Core 5");
  retire_service(*store, cli, demo.school, lexia.id);
  try {
    export_for_service(*store, cli, demo.school, lexia.id, ExportFormat::Csv);
    FAIL() << "exported to a retired service";
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), 409);
  }
  EXPECT_TRUE(store->disclosures(demo.school.id, std::nullopt, std::nullopt).empty());
}

TEST_P(PupilUseCases, AnExportForAServiceWithNothingExportableIsRefused) {
  import(three_pupils());
  try {
    export_for_service(*store, cli, demo.school, service("Kindle").id, ExportFormat::Csv);
    FAIL() << "exported to Kindle";
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), 422);
    EXPECT_FALSE(e.field_message("service").empty()) << e.what();
  }
  EXPECT_TRUE(store->disclosures(demo.school.id, std::nullopt, std::nullopt).empty());
}

TEST_P(PupilUseCases, AOneRosterExportIsAZip) {
  import(three_pupils());
  Service cloud = service("The Reading Cloud");
  ExportFile file = export_for_service(*store, cli, demo.school, cloud.id, ExportFormat::OneRoster);
  ASSERT_GE(file.bytes.size(), 4u);
  EXPECT_EQ(file.bytes.substr(0, 2), "PK");
  EXPECT_EQ(file.content_type, "application/zip");
  EXPECT_NE(file.filename.find(".zip"), std::string::npos) << file.filename;
  EXPECT_EQ(file.disclosure.format, "oneroster");
  EXPECT_EQ(file.disclosure.pupil_count, 3);
  EXPECT_EQ(file.disclosure.sha256, sha256_hex(file.bytes));
  auto logged = store->disclosures(demo.school.id, cloud.id, std::nullopt);
  ASSERT_EQ(logged.size(), 1u);
  EXPECT_EQ(logged[0].format, "oneroster");
}

// ---- permissions

TEST_P(PupilUseCases, GovernorsCannotImportExportOrRecordOptOuts) {
  import(three_pupils());
  Actor gov = governor();
  auto expect_forbidden = [](const std::function<void()>& fn, const char* what) {
    try {
      fn();
      ADD_FAILURE() << "a governor could " << what;
    } catch (const Error& e) {
      EXPECT_EQ(e.status(), 403) << what << ": " << e.what();
    }
  };
  expect_forbidden([&] { import(kHeader + row(upn(4), "Green", "Dan"), false, &gov); }, "import");
  expect_forbidden([&] { import(kHeader + row(upn(4), "Green", "Dan"), true, &gov); }, "dry-run an import");
  expect_forbidden([&] { export_for_service(*store, gov, demo.school, service("ClassDojo").id, ExportFormat::Csv); },
                   "export");
  expect_forbidden([&] { add_opt_out(*store, gov, demo.school, opt_out_of("ClassDojo", 2)); }, "record an opt-out");
  expect_forbidden([&] { subject_access(*store, gov, demo.school, pupil(1)); }, "see a subject access report");
  EXPECT_EQ(store->pupils(demo.school.id, true).size(), 3u);
  EXPECT_TRUE(store->opt_outs(demo.school.id, std::nullopt, std::nullopt).empty());
  EXPECT_TRUE(store->disclosures(demo.school.id, std::nullopt, std::nullopt).empty());
}

// ---- subject access

TEST_P(PupilUseCases, SubjectAccessShowsServicesOptOutsAndTheExportsThatIncludedThePupil) {
  import(three_pupils());
  add_opt_out(*store, cli, demo.school, opt_out_of("ClassDojo", 2));
  export_for_service(*store, cli, demo.school, service("ClassDojo").id, ExportFormat::Csv);  // without Ben
  export_for_service(*store, cli, demo.school, service("The Reading Cloud").id, ExportFormat::Csv);  // with Ben
  retire_service(*store, cli, demo.school, service("Lexia Core 5").id);

  Pupil ben = pupil(2);
  SubjectAccessReport r = subject_access(*store, cli, demo.school, ben);
  EXPECT_EQ(r.pupil.upn, upn(2));
  EXPECT_EQ(r.school.slug, "crook-primary");
  EXPECT_FALSE(r.produced_at.empty());
  EXPECT_EQ(store->last_audit(demo.school.id)->action, "subject_access.report");

  auto share = [&](const std::string& name) -> const ServiceShare* {
    for (const auto& s : r.shares)
      if (s.service.name == name) return &s;
    return nullptr;
  };
  const ServiceShare* dojo = share("ClassDojo");
  ASSERT_TRUE(dojo);
  EXPECT_TRUE(dojo->opted_out);
  EXPECT_EQ(dojo->fields, (std::vector<std::string>{"forename", "surname"}));
  EXPECT_TRUE(contains(dojo->other_data, "photographs"));

  const ServiceShare* cloud = share("The Reading Cloud");
  ASSERT_TRUE(cloud);
  EXPECT_FALSE(cloud->opted_out);
  EXPECT_TRUE(contains(cloud->fields, "upn"));

  const ServiceShare* sims = share("SIMS");
  ASSERT_TRUE(sims);
  EXPECT_FALSE(sims->opted_out);
  EXPECT_EQ(sims->service.section, Section::Management);
  EXPECT_TRUE(contains(sims->other_data, "pupil names, contact details, attendance data")) << ::testing::PrintToString(sims->other_data);
  EXPECT_TRUE(contains(sims->other_data, "attendance data"));

  EXPECT_FALSE(share("Lexia Core 5"));  // retired

  ASSERT_EQ(r.opt_outs.size(), 1u);
  EXPECT_EQ(r.opt_outs[0].service, service("ClassDojo").id);
  ASSERT_EQ(r.disclosures.size(), 1u);
  EXPECT_EQ(r.disclosures[0].service_name, "The Reading Cloud");

  // Amelia was in both exports.
  auto amelia = subject_access(*store, cli, demo.school, pupil(1));
  EXPECT_EQ(amelia.disclosures.size(), 2u);
  EXPECT_TRUE(amelia.opt_outs.empty());

  std::string json = subject_access_json(r);
  EXPECT_NE(json.find(upn(2)), std::string::npos) << json;
  EXPECT_NE(json.find("\"opted_out\""), std::string::npos) << json;
  EXPECT_NE(json.find("ClassDojo"), std::string::npos) << json;
  EXPECT_NE(json.find("The Reading Cloud"), std::string::npos) << json;
}

INSTANTIATE_TEST_SUITE_P(Backends, PupilUseCases, ::testing::ValuesIn(steward::testing::backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace steward
