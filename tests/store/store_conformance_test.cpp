// One conformance suite for every Store backend: each test runs against each backend listed
// in backends().
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "store/store.h"
#include "support/test_support.h"

namespace steward {
namespace {

using steward::testing::backends;
using steward::testing::TestDatabase;

class StoreConformance : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    store = open_store(db.url());
    store->migrate();
    school = steward::testing::create_test_school(*store);
    for (auto c : standard_data_categories()) {
      c.school = school;
      store->create_data_category(c);
    }
  }

  Service sample(const std::string& name) {
    Service s;
    s.school = school;
    s.section = Section::Pupils;
    s.name = name;
    s.providers = {"Zeta Ltd", "Alpha plc"};
    s.website = "https://example.org/";
    s.purposes = {"reading", "maths"};
    s.data_categories = {"UPN", "full name"};
    s.description = "desc";
    s.risk_assessment_date = Date{2016, 12, 1};
    s.status = ServiceStatus::InUse;
    s.updated_at = "2026-01-02T00:00:00Z";
    return s;
  }

  TestDatabase db{GetParam()};
  std::unique_ptr<Store> store;
  SchoolId school;
};

TEST_P(StoreConformance, MigratesToTheLatestVersionAndIsIdempotent) {
  EXPECT_EQ(store->schema_version(), store->latest_schema_version());
  store->migrate();
  EXPECT_EQ(store->schema_version(), store->latest_schema_version());
}

TEST_P(StoreConformance, SchoolsRoundTripAndSlugsAreUnique) {
  auto s = store->school("test-school");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->name, "Test School");
  EXPECT_EQ(s->page.legal_requirements, PageText::standard().legal_requirements);
  EXPECT_FALSE(store->school("nope"));
  EXPECT_EQ(store->school_revision("nope"), -1);
  School dup = *s;
  try {
    store->create_school(dup);
    FAIL() << "duplicate slug accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), 409);
  }
}

TEST_P(StoreConformance, TouchBumpsRevision) {
  auto before = store->school_revision("test-school");
  store->touch_school(school, "2026-02-02T00:00:00Z");
  EXPECT_EQ(store->school_revision("test-school"), before + 1);
  EXPECT_EQ(store->school(school)->updated_at, "2026-02-02T00:00:00Z");
}

TEST_P(StoreConformance, ServicesKeepProviderAndCategoryOrder) {
  auto id = store->create_service(sample("Reader"));
  auto s = store->service(school, id);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->providers, (std::vector<std::string>{"Zeta Ltd", "Alpha plc"}));
  EXPECT_EQ(s->data_categories, (std::vector<std::string>{"UPN", "full name"}));
  EXPECT_EQ(s->purposes, (std::vector<std::string>{"reading", "maths"}));
  EXPECT_EQ(s->risk_assessment_date, (Date{2016, 12, 1}));
  EXPECT_EQ(s->status, ServiceStatus::InUse);
}

TEST_P(StoreConformance, UpdateReplacesLinksAndProvidersAreShared) {
  auto a = store->create_service(sample("A"));
  store->create_service(sample("B"));
  Service s = *store->service(school, a);
  s.providers = {"Alpha plc"};
  s.data_categories = {"gender"};
  s.risk_assessment_date.reset();
  store->update_service(s);
  auto back = store->service(school, a);
  EXPECT_EQ(back->providers, (std::vector<std::string>{"Alpha plc"}));
  EXPECT_EQ(back->data_categories, (std::vector<std::string>{"gender"}));
  EXPECT_FALSE(back->risk_assessment_date);
  auto providers = store->providers(school);
  ASSERT_EQ(providers.size(), 2u);
  EXPECT_EQ(providers[0].name, "Alpha plc");
  EXPECT_EQ(providers[0].service_count, 2);
  EXPECT_EQ(providers[1].service_count, 1);
}

TEST_P(StoreConformance, UnknownCategoryIsRefusedAndNothingIsWritten) {
  Service s = sample("Bad");
  s.data_categories = {"UPN", "shoe size"};
  try {
    store->create_service(s);
    ADD_FAILURE() << "an unknown category was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), 422);
    EXPECT_NE(e.field_message("data_categories").find("\"shoe size\""), std::string::npos) << e.what();
  }
  EXPECT_TRUE(store->services(school).empty());
}

TEST_P(StoreConformance, ABatchInsertsAndUpdatesTogetherAndFillsNewIdsInOrder) {
  auto a = store->create_service(sample("A"));
  std::vector<Service> batch = {sample("B"), *store->service(school, a), sample("C")};
  batch[0].providers = {"New One", "Alpha plc"};
  batch[0].risk_assessment_date.reset();
  batch[1].name = "A renamed";
  batch[1].providers = {"Second New"};
  batch[1].data_categories = {"gender", "UPN"};
  batch[2].providers = {"Second New", "New One"};
  batch[2].section = Section::Other;
  store->save_services(school, batch);
  ASSERT_NE(batch[0].id.value, 0);
  ASSERT_NE(batch[2].id.value, 0);
  EXPECT_EQ(batch[1].id, a);
  EXPECT_LT(a, batch[0].id);
  EXPECT_LT(batch[0].id, batch[2].id);

  auto b = store->service(school, batch[0].id);
  ASSERT_TRUE(b);
  EXPECT_EQ(b->name, "B");
  EXPECT_EQ(b->providers, (std::vector<std::string>{"New One", "Alpha plc"}));
  EXPECT_FALSE(b->risk_assessment_date);
  auto renamed = store->service(school, a);
  EXPECT_EQ(renamed->name, "A renamed");
  EXPECT_EQ(renamed->providers, (std::vector<std::string>{"Second New"}));
  EXPECT_EQ(renamed->data_categories, (std::vector<std::string>{"gender", "UPN"}));
  EXPECT_EQ(renamed->risk_assessment_date, (Date{2016, 12, 1}));
  auto c = store->service(school, batch[2].id);
  EXPECT_EQ(c->section, Section::Other);
  EXPECT_EQ(c->providers, (std::vector<std::string>{"Second New", "New One"}));
  EXPECT_EQ(c->purposes, (std::vector<std::string>{"reading", "maths"}));

  std::vector<std::string> providers;
  for (const auto& p : store->providers(school)) providers.push_back(p.name + "=" + std::to_string(p.service_count));
  EXPECT_EQ(providers, (std::vector<std::string>{"Alpha plc=1", "New One=2", "Second New=2", "Zeta Ltd=0"}));
}

TEST_P(StoreConformance, ABatchWithOneUnknownCategoryWritesNothing) {
  auto a = store->create_service(sample("A"));
  std::vector<Service> batch = {*store->service(school, a), sample("B")};
  batch[0].name = "A renamed";
  batch[1].providers = {"Never Made Ltd"};
  batch[1].data_categories = {"UPN", "shoe size"};
  try {
    store->save_services(school, batch);
    ADD_FAILURE() << "an unknown category was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), 422);
    EXPECT_NE(e.field_message("data_categories").find("\"shoe size\""), std::string::npos) << e.what();
  }
  auto all = store->services(school);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].name, "A");
  EXPECT_EQ(store->providers(school).size(), 2u);
}

TEST_P(StoreConformance, NamesWithCommasQuotesAndBackslashesKeepTheirOrder) {
  Service s = sample("Odd");
  s.providers = {"Google LLC, Ireland", "Say \"hi\" Ltd", "Back\\slash {plc}"};
  s.data_categories = {"full name", "upn"};  // categories match whatever their case
  auto id = store->create_service(s);
  auto back = store->service(school, id);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->providers, s.providers);
  EXPECT_EQ(back->data_categories, (std::vector<std::string>{"full name", "UPN"}));
}

TEST_P(StoreConformance, TransactionRollsBackOnThrow) {
  EXPECT_THROW(store->transaction([&] {
    store->create_service(sample("Inside"));
    throw Error::bad_request("stop");
  }),
               Error);
  EXPECT_TRUE(store->services(school).empty());
  store->transaction([&] { store->create_service(sample("Kept")); });
  EXPECT_EQ(store->services(school).size(), 1u);
}

TEST_P(StoreConformance, ServicesListInRegisterOrder) {
  auto other = sample("Aardvark");
  other.section = Section::Other;
  store->create_service(other);
  store->create_service(sample("zebra"));
  store->create_service(sample("Beta"));
  auto all = store->services(school);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].name, "Beta");
  EXPECT_EQ(all[1].name, "zebra");
  EXPECT_EQ(all[2].name, "Aardvark");
}

TEST_P(StoreConformance, CategoriesAreUniqueIgnoringCase) {
  DataCategory c{{}, school, "FULL NAME", DataSubject::Pupil, Sensitivity::Ordinary, ""};
  EXPECT_THROW(store->create_data_category(c), Error);
  c.name = "shoe size";
  store->create_data_category(c);
  EXPECT_EQ(store->data_categories(school).back().name, "shoe size");
}

TEST_P(StoreConformance, UsersSessionsAndLoginFailures) {
  User u{{}, school, "dpo@test.example", "DPO", Role::Dpo, "hash", true};
  u.id = store->create_user(u);
  EXPECT_THROW(store->create_user(u), Error);
  EXPECT_EQ(store->user_by_email("dpo@test.example")->role, Role::Dpo);
  EXPECT_EQ(store->users(school).size(), 1u);
  store->create_session({"h1", u.id, "csrf", "2026-01-01T00:00:00Z", "2026-01-01T08:00:00Z"});
  auto found = store->session("h1");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->session.csrf_token, "csrf");
  EXPECT_EQ(found->session.user, u.id);
  EXPECT_EQ(found->user.email, "dpo@test.example");
  EXPECT_EQ(found->user.role, Role::Dpo);
  EXPECT_FALSE(store->session("no such hash"));
  store->remove_sessions_expired_by("2026-01-01T09:00:00Z");
  EXPECT_FALSE(store->session("h1"));
  store->record_login_failure("x@y.z", "2026-01-01T00:00:00Z");
  store->record_login_failure("x@y.z", "2026-01-01T00:10:00Z");
  EXPECT_EQ(store->login_failures_since("x@y.z", "2026-01-01T00:05:00Z"), 1);
  store->clear_login_failures("x@y.z");
  EXPECT_EQ(store->login_failures_since("x@y.z", "2000-01-01T00:00:00Z"), 0);
}

TEST_P(StoreConformance, AuditEntriesComeBackInOrder) {
  EXPECT_FALSE(store->last_audit(school));
  store->append_audit({0, school, "t1", "a", "x.create", "x", "1", "", "{}", "0", "h1"});
  store->append_audit({0, school, "t2", "a", "x.update", "x", "1", "{}", "{}", "h1", "h2"});
  EXPECT_EQ(store->last_audit(school)->hash, "h2");
  EXPECT_EQ(store->audit_entries(school, 10).front().action, "x.update");
  EXPECT_EQ(store->all_audit_entries(school).front().action, "x.create");
}

TEST_P(StoreConformance, AnAuditBatchIsAppendedInOrderWithItsTextIntact) {
  std::vector<AuditEntry> batch;
  for (int i = 0; i < 300; ++i)
    batch.push_back({0, school, "t" + std::to_string(i), "Ann \"O'Neil\"", "x.update", "x", std::to_string(i),
                     "{\"a\":\"b\\\\c\"}", i % 2 ? "NULL" : "line one\nline two, {braces} caf\xc3\xa9",
                     "p" + std::to_string(i), "h" + std::to_string(i)});
  store->append_audit_entries(batch);
  auto back = store->all_audit_entries(school);
  ASSERT_EQ(back.size(), batch.size());
  for (size_t i = 0; i < batch.size(); ++i) {
    EXPECT_EQ(back[i].entity_id, batch[i].entity_id);
    EXPECT_EQ(back[i].actor, batch[i].actor);
    EXPECT_EQ(back[i].before, batch[i].before);
    EXPECT_EQ(back[i].after, batch[i].after);
    EXPECT_EQ(back[i].hash, batch[i].hash);
  }
  EXPECT_EQ(store->last_audit(school)->hash, "h299");
}

TEST_P(StoreConformance, ChangeTokenMovesWhenASchoolChanges) {
  auto before = store->change_token();
  auto other = open_store(db.url());  // another process, as far as the store can tell
  other->transaction([&] { other->touch_school(school, "2026-03-03T00:00:00Z"); });
  bool moved = false;
  for (int i = 0; i < 200 && !moved; ++i) {  // NOTIFY reaches the listener within milliseconds
    moved = store->change_token() != before;
    if (!moved) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_TRUE(moved);
}

// The process that wrote must not wait for its own notification: the redirect after a save
// is often its next request.
TEST_P(StoreConformance, ChangeTokenMovesInTheWritingProcessWhenItsTransactionCommits) {
  store->change_token();  // the listener is started and has counted its connection
  auto before = store->change_token();
  store->transaction([&] {
    store->touch_school(school, "2026-03-03T00:00:00Z");
    store->update_page_text(school, PageText::standard());
  });
  EXPECT_NE(store->change_token(), before);
  auto after_transaction = store->change_token();
  store->touch_school(school, "2026-03-04T00:00:00Z");  // outside a transaction
  EXPECT_NE(store->change_token(), after_transaction);
}

TEST_P(StoreConformance, AFailedMigrationLeavesTheSchemaAsItWas) {
  TestDatabase fresh{GetParam()};
  // A table the first migration creates last makes it fail after creating all the others.
  ASSERT_TRUE(steward::testing::raw_sql(fresh.url(), "CREATE TABLE audit (x INTEGER)"));
  auto s = open_store(fresh.url());
  EXPECT_THROW(s->migrate(), Error);
  EXPECT_EQ(s->schema_version(), 0);
  EXPECT_FALSE(steward::testing::raw_sql(fresh.url(), "SELECT * FROM schools"));
  EXPECT_TRUE(steward::testing::raw_sql(fresh.url(), "SELECT x FROM audit"));
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreConformance, ::testing::ValuesIn(backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace steward
