#include <gtest/gtest.h>

#include "app/audit.h"
#include "app/demo.h"
#include "app/register.h"
#include "app/register_csv.h"
#include "app/schools.h"
#include "support/test_support.h"

namespace steward {
namespace {

// Every use case runs against each backend.
class RegisterUseCases : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    store = open_store(db.url());
    store->migrate();
    demo = load_demo(*store);
  }

  Service new_service() {
    Service s;
    s.section = Section::Pupils;
    s.name = "Times Tables Rock Stars";
    s.providers = {"Maths Circle Ltd"};
    s.purposes = {"Times tables practice"};
    s.data_categories = {"Full Name", "class"};
    return s;
  }

  steward::testing::TestDatabase db{GetParam()};
  std::unique_ptr<Store> store;
  DemoLogin demo;
  Actor cli = Actor::command_line();
};

TEST_P(RegisterUseCases, DemoHoldsTheWholeSeedRegister) {
  auto all = list_services(*store, demo.school);
  ASSERT_EQ(all.size(), 15u);
  EXPECT_EQ(list_services(*store, demo.school, {Section::Pupils, {}, ""}).size(), 8u);
  EXPECT_EQ(list_services(*store, demo.school, {Section::Management, {}, ""}).size(), 3u);
  EXPECT_EQ(list_services(*store, demo.school, {Section::Other, {}, ""}).size(), 4u);
  EXPECT_EQ(list_services(*store, demo.school, {{}, {}, "UPN"}).size(), 3u);
  auto maths = find_service_by_name(*store, demo.school, "Mathletics, Spellodrome, Reading Eggs");
  EXPECT_EQ(maths.providers, (std::vector<std::string>{"3P Learning"}));
  auto social = find_service_by_name(*store, demo.school, "social media");
  EXPECT_EQ(social.providers.size(), 4u);
  EXPECT_THROW(find_service_by_name(*store, demo.school, "Google G Suite for Education"), Error);  // two sections
}

TEST_P(RegisterUseCases, AddNormalisesCategoriesAndRecordsAudit) {
  auto id = add_service(*store, cli, demo.school, new_service());
  auto s = find_service(*store, demo.school, id);
  EXPECT_EQ(s.data_categories, (std::vector<std::string>{"full name", "class"}));
  EXPECT_EQ(store->last_audit(demo.school.id)->action, "service.create");
  EXPECT_EQ(published_services(*store, demo.school).size(), 16u);
}

TEST_P(RegisterUseCases, GovernorsReadButCannotChange) {
  User governor{{}, demo.school.id, "gov@x.example", "", Role::Governor, "", true};
  try {
    add_service(*store, Actor::staff(governor), demo.school, new_service());
    FAIL() << "governor could add";
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), 403);
  }
  EXPECT_EQ(list_services(*store, demo.school).size(), 15u);
}

TEST_P(RegisterUseCases, StaffOfAnotherSchoolAreRefused) {
  School other = create_school(*store, cli, School{{}, "other-school", "Other School"});
  User dpo{{}, other.id, "dpo@other.example", "", Role::Dpo, "", true};
  EXPECT_THROW(retire_service(*store, Actor::staff(dpo), demo.school, list_services(*store, demo.school)[0].id), Error);
}

TEST_P(RegisterUseCases, RetireRemovesFromPublishedAndRefusesTwice) {
  auto first = list_services(*store, demo.school)[0];
  retire_service(*store, cli, demo.school, first.id);
  EXPECT_EQ(published_services(*store, demo.school).size(), 14u);
  EXPECT_EQ(find_service(*store, demo.school, first.id).status, ServiceStatus::Retired);
  EXPECT_THROW(retire_service(*store, cli, demo.school, first.id), Error);
}

TEST_P(RegisterUseCases, ValidationFailureChangesNothing) {
  Service s = new_service();
  s.providers.clear();
  try {
    add_service(*store, cli, demo.school, s);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), 422);
    EXPECT_EQ(e.field_message("providers"), "Enter at least one service provider");
  }
  EXPECT_EQ(list_services(*store, demo.school).size(), 15u);
}

TEST_P(RegisterUseCases, AuditChainVerifiesAndDetectsTampering) {
  EXPECT_FALSE(verify_audit_chain(*store, demo.school.id));
  add_service(*store, cli, demo.school, new_service());
  EXPECT_FALSE(verify_audit_chain(*store, demo.school.id));
  auto entries = store->all_audit_entries(demo.school.id);
  auto forged = entries[3];
  forged.actor = "someone else";
  store->append_audit(forged);  // a copy with a changed field cannot carry a matching hash
  EXPECT_TRUE(verify_audit_chain(*store, demo.school.id));
}

TEST_P(RegisterUseCases, ExportThenImportChangesNothing) {
  std::string csv = export_register_csv(*store, demo.school);
  auto report = import_register_csv(*store, cli, demo.school, csv, false);
  EXPECT_EQ(report.unchanged.size(), 15u);
  EXPECT_TRUE(report.added.empty());
  EXPECT_TRUE(report.updated.empty());
}

TEST_P(RegisterUseCases, ImportNamesEveryFaultyLineAndImportsNothing) {
  std::string csv =
      "section,name,providers,website,purposes,data_shared,description,controls,risk_assessment_date\n"
      "pupils,New Good,Prov,https://a.example/,Reading,full name,,,2020-01-01\n"
      "pupil,Bad Section,Prov,,Reading,full name,,,\n"
      "pupils,Bad Date,Prov,,Reading,full name,,,2020-02-30\n"
      "pupils,Bad Category,Prov,,Reading,shoe size,,,\n"
      "pupils,Too,Few\n";
  try {
    import_register_csv(*store, cli, demo.school, csv, false);
    FAIL() << "bad file accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), 422);
    ASSERT_EQ(e.fields().size(), 4u) << e.what();
    EXPECT_EQ(e.fields()[0].field, "line 3");
    EXPECT_NE(e.fields()[0].message.find("\"pupil\" is not a section"), std::string::npos);
    EXPECT_EQ(e.fields()[1].field, "line 4");
    EXPECT_NE(e.fields()[1].message.find("2020-02-30"), std::string::npos);
    EXPECT_EQ(e.fields()[2].field, "line 5");
    EXPECT_NE(e.fields()[2].message.find("shoe size"), std::string::npos);
    EXPECT_EQ(e.fields()[3].field, "line 6");
  }
  EXPECT_EQ(list_services(*store, demo.school).size(), 15u);
}

TEST_P(RegisterUseCases, DryRunReportsAndChangesNothing) {
  std::string csv =
      "section,name,providers,website,purposes,data_shared,description,controls,risk_assessment_date\n"
      "pupils,Brand New,Prov,,Reading,full name,,,\n"
      "pupils,Accelerated Reader,Renaissance Learning,,Reading assessment,full name,,,2016-12-01\n";
  auto report = import_register_csv(*store, cli, demo.school, csv, true);
  EXPECT_EQ(report.added, (std::vector<std::string>{"Brand New"}));
  EXPECT_EQ(report.updated, (std::vector<std::string>{"Accelerated Reader"}));
  EXPECT_EQ(list_services(*store, demo.school).size(), 15u);
  EXPECT_EQ(find_service_by_name(*store, demo.school, "Accelerated Reader").data_categories.size(), 5u);
}

TEST_P(RegisterUseCases, ImportSavesAddsAndUpdatesAsOneRunOfTheAuditChain) {
  auto revision = store->school_revision(demo.school.slug);
  auto entries_before = store->all_audit_entries(demo.school.id).size();
  auto reader = find_service_by_name(*store, demo.school, "Accelerated Reader");
  std::string csv =
      "section,name,providers,website,purposes,data_shared,description,controls,risk_assessment_date\n"
      "pupils,Brand New,New Prov; Renaissance Learning,,Reading,full name; UPN,,,2026-03-01\n"
      "pupils,accelerated reader,Renaissance Learning,,Reading assessment,Full Name,,,2016-12-01\n"
      "other,Second New,New Prov,,Notes,,Staff names only,Staff sign in with their school account,\n";
  auto report = import_register_csv(*store, cli, demo.school, csv, false);
  EXPECT_EQ(report.added, (std::vector<std::string>{"Brand New", "Second New"}));
  EXPECT_EQ(report.updated, (std::vector<std::string>{"accelerated reader"}));

  auto added = find_service_by_name(*store, demo.school, "Brand New");
  EXPECT_EQ(added.providers, (std::vector<std::string>{"New Prov", "Renaissance Learning"}));
  EXPECT_EQ(added.data_categories, (std::vector<std::string>{"full name", "UPN"}));
  EXPECT_EQ(added.status, ServiceStatus::InUse);
  auto updated = find_service(*store, demo.school, reader.id);
  EXPECT_EQ(updated.name, "accelerated reader");
  EXPECT_EQ(updated.data_categories, (std::vector<std::string>{"full name"}));
  EXPECT_EQ(updated.status, reader.status);
  EXPECT_EQ(find_service_by_name(*store, demo.school, "Second New").section, Section::Other);
  EXPECT_EQ(list_services(*store, demo.school).size(), 17u);
  EXPECT_EQ(store->school_revision(demo.school.slug), revision + 1);

  auto entries = store->all_audit_entries(demo.school.id);
  ASSERT_EQ(entries.size(), entries_before + 3);
  EXPECT_EQ(entries[entries_before].action, "service.create");
  EXPECT_EQ(entries[entries_before].entity_id, std::to_string(added.id.value));
  EXPECT_EQ(entries[entries_before + 1].action, "service.update");
  EXPECT_EQ(entries[entries_before + 1].entity_id, std::to_string(reader.id.value));
  EXPECT_NE(entries[entries_before + 1].before.find("Accelerated Reader"), std::string::npos);
  EXPECT_EQ(entries[entries_before + 2].action, "service.create");
  EXPECT_FALSE(verify_audit_chain(*store, demo.school.id));
}

TEST_P(RegisterUseCases, ImportRefusesAWrongHeader) {
  try {
    import_register_csv(*store, cli, demo.school, "name,section\nx,y\n", false);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.fields().at(0).field, "line 1");
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, RegisterUseCases, ::testing::ValuesIn(steward::testing::backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace steward
