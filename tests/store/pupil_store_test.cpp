// Pupils, opt-outs and the disclosure log in the Store: each test runs against each backend
// listed in backends().
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <cctype>
#include <cstdio>
#include <stdexcept>

#include "domain/upn.h"
#include "store/store.h"
#include "support/test_support.h"

namespace steward {
namespace {

using steward::testing::backends;
using steward::testing::TestDatabase;

// A valid UPN for each number: twelve digits after a check letter.
std::string upn(int n) {
  char twelve[13];
  std::snprintf(twelve, sizeof twelve, "8012000%05d", n);
  return std::string(1, upn_check_letter(twelve)) + twelve;
}

std::string lowercase(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

Contact contact(int order, std::string forename, std::string surname, std::string relationship, bool responsibility,
                std::vector<std::string> phones) {
  Contact c;
  c.order = order;
  c.title = order == 1 ? "Mrs" : "Mr";
  c.forename = std::move(forename);
  c.surname = std::move(surname);
  c.relationship = std::move(relationship);
  c.parental_responsibility = responsibility;
  c.email = lowercase(c.forename) + "@example.com";
  c.phones = std::move(phones);
  return c;
}

class PupilStore : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    store = open_store(db.url());
    store->migrate();
    school = make_school("test-school", "Test School");
    service = store->create_service(sample("Reader"));
    other_service = store->create_service(sample("Writer"));
  }

  SchoolId make_school(const std::string& slug, const std::string& name) { return make_school_in(*store, slug, name); }

  static SchoolId make_school_in(Store& in, const std::string& slug, const std::string& name) {
    School s;
    s.slug = slug;
    s.name = name;
    s.page = PageText::standard();
    s.updated_at = "2026-01-01T00:00:00Z";
    SchoolId id = in.create_school(s);
    for (auto c : standard_data_categories()) {
      c.school = id;
      in.create_data_category(c);
    }
    return id;
  }

  Service sample(const std::string& name) {
    Service s;
    s.school = school;
    s.section = Section::Pupils;
    s.name = name;
    s.providers = {"Zeta Ltd"};
    s.purposes = {"reading"};
    s.data_categories = {"full name"};
    s.status = ServiceStatus::InUse;
    s.updated_at = "2026-01-02T00:00:00Z";
    return s;
  }

  Pupil make(int n, const std::string& surname, const std::string& forename) {
    Pupil p;
    p.school = school;
    p.upn = upn(n);
    p.legal_surname = surname;
    p.legal_forename = forename;
    p.date_of_birth = Date{2017, 3, 9};
    p.gender = "F";
    p.year = "3";
    p.reg_group = "3B";
    p.sen = "N";
    p.address = "1 Church Lane, Crook, DL15 8AB";
    p.entry_date = Date{2021, 9, 1};
    return p;
  }

  void save(const std::vector<Pupil>& pupils, SchoolId in = {}) {
    SchoolId target = in.value ? in : school;
    store->transaction([&] { store->save_pupils(target, pupils); });
  }

  Pupil stored(int n) {
    auto p = store->pupil_by_upn(school, upn(n));
    if (!p) throw std::runtime_error("no pupil " + upn(n));
    return *p;
  }

  OptOut opt_out(PupilId pupil, ServiceId which, Date received) {
    OptOut o;
    o.school = school;
    o.pupil = pupil;
    o.service = which;
    o.decided_by = "Jane Smith";
    o.relationship = "Mother";
    o.received_on = received;
    o.method = OptOutMethod::Email;
    o.alternative = "Paper reading record";
    o.recorded_by = "dpo@test.example";
    o.recorded_at = "2026-03-03T09:00:00Z";
    return o;
  }

  TestDatabase db{GetParam()};
  std::unique_ptr<Store> store;
  SchoolId school;
  ServiceId service, other_service;
};

TEST_P(PupilStore, SavesPupilsWithTheirContactsInOrder) {
  Pupil smith = make(1, "Smith", "Amelia");
  smith.preferred_forename = "Millie";
  smith.fsm = true;
  smith.pupil_premium = true;
  smith.sen = "K";
  smith.contacts = {contact(1, "Jane", "Smith", "Mother", true, {"07700 900001", "01388 123456"}),
                    contact(2, "David", "Smith", "Father", false, {})};
  smith.contacts[1].address = "4 Other Road, Crook, DL15 9ZZ";
  Pupil adams = make(2, "Adams", "Zak");
  adams.gender = "M";
  adams.date_of_birth.reset();
  Pupil jones = make(3, "Jones", "Ben");
  jones.contacts = {contact(1, "Carol", "Jones", "Carer", true, {"07700 900003"})};
  save({smith, adams, jones});

  auto all = store->pupils(school, false);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].legal_surname, "Adams");
  EXPECT_EQ(all[1].legal_surname, "Jones");
  EXPECT_EQ(all[2].legal_surname, "Smith");

  const Pupil& a = all[2];
  EXPECT_GT(a.id.value, 0);
  EXPECT_EQ(a.school, school);
  EXPECT_EQ(a.upn, upn(1));
  EXPECT_EQ(a.legal_forename, "Amelia");
  EXPECT_EQ(a.preferred_forename, "Millie");
  EXPECT_EQ(a.forename(), "Millie");
  EXPECT_EQ(a.date_of_birth, (Date{2017, 3, 9}));
  EXPECT_EQ(a.gender, "F");
  EXPECT_EQ(a.year, "3");
  EXPECT_EQ(a.reg_group, "3B");
  EXPECT_EQ(a.sen, "K");
  EXPECT_TRUE(a.fsm);
  EXPECT_TRUE(a.pupil_premium);
  EXPECT_EQ(a.address, "1 Church Lane, Crook, DL15 8AB");
  EXPECT_EQ(a.entry_date, (Date{2021, 9, 1}));
  EXPECT_TRUE(a.on_roll());
  ASSERT_EQ(a.contacts.size(), 2u);
  EXPECT_EQ(a.contacts[0].order, 1);
  EXPECT_EQ(a.contacts[0].title, "Mrs");
  EXPECT_EQ(a.contacts[0].forename, "Jane");
  EXPECT_EQ(a.contacts[0].surname, "Smith");
  EXPECT_EQ(a.contacts[0].relationship, "Mother");
  EXPECT_TRUE(a.contacts[0].parental_responsibility);
  EXPECT_EQ(a.contacts[0].email, "jane@example.com");
  EXPECT_EQ(a.contacts[0].phones, (std::vector<std::string>{"07700 900001", "01388 123456"}));
  EXPECT_EQ(a.contacts[0].address, "");
  EXPECT_EQ(a.contacts[1].order, 2);
  EXPECT_EQ(a.contacts[1].forename, "David");
  EXPECT_FALSE(a.contacts[1].parental_responsibility);
  EXPECT_TRUE(a.contacts[1].phones.empty());
  EXPECT_EQ(a.contacts[1].address, "4 Other Road, Crook, DL15 9ZZ");

  const Pupil& z = all[0];
  EXPECT_EQ(z.gender, "M");
  EXPECT_FALSE(z.date_of_birth);
  EXPECT_FALSE(z.fsm);
  EXPECT_TRUE(z.contacts.empty());  // contacts never leak from one pupil to another
  ASSERT_EQ(all[1].contacts.size(), 1u);
  EXPECT_EQ(all[1].contacts[0].forename, "Carol");
  EXPECT_EQ(all[1].contacts[0].phones, (std::vector<std::string>{"07700 900003"}));
}

TEST_P(PupilStore, SavingAgainReplacesDetailsAndContactsAndClearsTheLeavingDate) {
  Pupil p = make(1, "Smith", "Amelia");
  p.fsm = true;
  p.contacts = {contact(1, "Jane", "Smith", "Mother", true, {"07700 900001"}),
                contact(2, "David", "Smith", "Father", true, {"07700 900002"})};
  save({p});
  PupilId id = stored(1).id;
  store->mark_pupils_left(school, {id}, Date{2026, 1, 31});
  EXPECT_EQ(stored(1).leaving_date, (Date{2026, 1, 31}));

  Pupil changed = make(1, "Smith-Jones", "Amy");
  changed.reg_group = "4C";
  changed.fsm = false;
  changed.entry_date.reset();  // an import without entry dates keeps the one recorded
  changed.contacts = {contact(1, "Sam", "Jones", "Carer", false, {"07700 900009"})};
  save({changed});

  auto all = store->pupils(school, true);
  ASSERT_EQ(all.size(), 1u);
  const Pupil& back = all[0];
  EXPECT_EQ(back.id, id);  // matched by UPN, not inserted again
  EXPECT_EQ(back.legal_surname, "Smith-Jones");
  EXPECT_EQ(back.legal_forename, "Amy");
  EXPECT_EQ(back.reg_group, "4C");
  EXPECT_FALSE(back.fsm);
  EXPECT_FALSE(back.leaving_date);
  EXPECT_TRUE(back.on_roll());
  EXPECT_EQ(back.entry_date, (Date{2021, 9, 1}));
  ASSERT_EQ(back.contacts.size(), 1u);
  EXPECT_EQ(back.contacts[0].forename, "Sam");
  EXPECT_EQ(back.contacts[0].relationship, "Carer");
  EXPECT_FALSE(back.contacts[0].parental_responsibility);
  EXPECT_EQ(back.contacts[0].phones, (std::vector<std::string>{"07700 900009"}));
  EXPECT_EQ(store->pupils(school, false).size(), 1u);
}

TEST_P(PupilStore, PupilsWhoLeftAreListedOnlyWhenAskedFor) {
  save({make(1, "Smith", "Amelia"), make(2, "Adams", "Zak"), make(3, "Jones", "Ben")});
  store->mark_pupils_left(school, {stored(2).id}, Date{2026, 7, 22});

  auto on_roll = store->pupils(school, false);
  ASSERT_EQ(on_roll.size(), 2u);
  EXPECT_EQ(on_roll[0].legal_surname, "Jones");
  EXPECT_EQ(on_roll[1].legal_surname, "Smith");

  auto everyone = store->pupils(school, true);
  ASSERT_EQ(everyone.size(), 3u);
  auto adams = std::find_if(everyone.begin(), everyone.end(), [](const Pupil& p) { return p.legal_surname == "Adams"; });
  ASSERT_NE(adams, everyone.end());
  EXPECT_EQ(adams->leaving_date, (Date{2026, 7, 22}));
  EXPECT_FALSE(adams->on_roll());
  EXPECT_TRUE(store->pupil_by_upn(school, upn(2)));  // still on record

  store->mark_pupils_left(school, {}, Date{2026, 7, 23});  // nothing to mark is not an error
  EXPECT_EQ(store->pupils(school, false).size(), 2u);
}

TEST_P(PupilStore, FindsPupilsByIdUpnAndSearch) {
  Pupil smith = make(1, "Smith", "Amelia");
  smith.contacts = {contact(1, "Jane", "Smith", "Mother", true, {"07700 900001"})};
  save({smith, make(2, "Adams", "Zak"), make(3, "Smithson", "Ben")});

  auto by_upn = store->pupil_by_upn(school, upn(1));
  ASSERT_TRUE(by_upn);
  EXPECT_EQ(by_upn->legal_surname, "Smith");
  ASSERT_EQ(by_upn->contacts.size(), 1u);
  EXPECT_EQ(by_upn->contacts[0].forename, "Jane");
  EXPECT_FALSE(store->pupil_by_upn(school, upn(99)));

  auto by_id = store->pupil(school, by_upn->id);
  ASSERT_TRUE(by_id);
  EXPECT_EQ(by_id->upn, upn(1));
  EXPECT_EQ(by_id->contacts.size(), 1u);
  EXPECT_FALSE(store->pupil(school, PupilId{by_upn->id.value + 1000}));

  auto smiths = store->search_pupils(school, "mIT", 10);  // part of a surname, any case
  ASSERT_EQ(smiths.size(), 2u);
  EXPECT_EQ(smiths[0].legal_surname, "Smith");
  EXPECT_EQ(smiths[1].legal_surname, "Smithson");
  ASSERT_EQ(smiths[0].contacts.size(), 1u);
  EXPECT_EQ(smiths[0].contacts[0].forename, "Jane");

  auto by_search_upn = store->search_pupils(school, upn(2), 10);
  ASSERT_EQ(by_search_upn.size(), 1u);
  EXPECT_EQ(by_search_upn[0].legal_surname, "Adams");

  EXPECT_EQ(store->search_pupils(school, "smith", 1).size(), 1u);  // the limit holds
  EXPECT_TRUE(store->search_pupils(school, "Nobody", 10).empty());

  store->mark_pupils_left(school, {stored(1).id}, Date{2026, 7, 22});
  auto after = store->search_pupils(school, "smith", 10);
  ASSERT_EQ(after.size(), 2u);
  EXPECT_EQ(after[0].legal_surname, "Smithson");  // on roll first
  EXPECT_EQ(after[1].legal_surname, "Smith");
}

TEST_P(PupilStore, PupilsBelongToTheirSchool) {
  SchoolId second = make_school("second-school", "Second School");
  Pupil here = make(1, "Smith", "Amelia");
  here.contacts = {contact(1, "Jane", "Smith", "Mother", true, {"07700 900001"})};
  Pupil there = make(1, "Brown", "Chloe");  // the same UPN at another school
  there.school = second;
  there.contacts = {contact(1, "Pat", "Brown", "Father", true, {"07700 900002"}),
                    contact(2, "Sue", "Brown", "Mother", true, {})};
  save({here});
  save({there}, second);

  auto mine = store->pupil_by_upn(school, upn(1));
  auto theirs = store->pupil_by_upn(second, upn(1));
  ASSERT_TRUE(mine);
  ASSERT_TRUE(theirs);
  EXPECT_NE(mine->id, theirs->id);
  EXPECT_EQ(mine->legal_surname, "Smith");
  EXPECT_EQ(theirs->legal_surname, "Brown");
  ASSERT_EQ(mine->contacts.size(), 1u);
  EXPECT_EQ(mine->contacts[0].forename, "Jane");
  EXPECT_EQ(theirs->contacts.size(), 2u);
  EXPECT_FALSE(store->pupil(second, mine->id));
  EXPECT_EQ(store->pupils(school, true).size(), 1u);
  EXPECT_TRUE(store->search_pupils(school, "Brown", 10).empty());
}

TEST_P(PupilStore, OptOutsKeepTheirEvidenceOutOfListings) {
  save({make(1, "Smith", "Amelia")});
  PupilId pupil = stored(1).id;
  std::string bytes = std::string("%PDF-1.4\0after a NUL\r\n", 22);
  for (int i = 0; i < 256; ++i) bytes.push_back(static_cast<char>(i));
  ASSERT_EQ(bytes[8], '\0');
  OptOut o = opt_out(pupil, service, Date{2025, 3, 2});
  o.evidence = Evidence{"letter.pdf", "application/pdf", bytes};
  OptOutId id = store->create_opt_out(o);
  EXPECT_GT(id.value, 0);

  auto listed = store->opt_outs(school, std::nullopt, std::nullopt);
  ASSERT_EQ(listed.size(), 1u);
  const OptOut& l = listed[0];
  EXPECT_EQ(l.id, id);
  EXPECT_EQ(l.school, school);
  EXPECT_EQ(l.pupil, pupil);
  EXPECT_EQ(l.service, service);
  EXPECT_EQ(l.decided_by, "Jane Smith");
  EXPECT_EQ(l.relationship, "Mother");
  EXPECT_EQ(l.received_on, (Date{2025, 3, 2}));
  EXPECT_EQ(l.method, OptOutMethod::Email);
  EXPECT_EQ(l.alternative, "Paper reading record");
  EXPECT_EQ(l.recorded_by, "dpo@test.example");
  EXPECT_EQ(l.recorded_at, "2026-03-03T09:00:00Z");
  EXPECT_TRUE(l.in_force());
  ASSERT_TRUE(l.evidence);
  EXPECT_EQ(l.evidence->filename, "letter.pdf");
  EXPECT_EQ(l.evidence->content_type, "application/pdf");
  EXPECT_TRUE(l.evidence->bytes.empty());

  auto one = store->opt_out(school, id);
  ASSERT_TRUE(one);
  ASSERT_TRUE(one->evidence);
  EXPECT_EQ(one->evidence->filename, "letter.pdf");
  EXPECT_EQ(one->evidence->bytes.size(), bytes.size());
  EXPECT_EQ(one->evidence->bytes, bytes);

  EXPECT_FALSE(store->opt_out(school, OptOutId{id.value + 1000}));
  SchoolId second = make_school("second-school", "Second School");
  EXPECT_FALSE(store->opt_out(second, id));
  EXPECT_TRUE(store->opt_outs(second, std::nullopt, std::nullopt).empty());
}

TEST_P(PupilStore, AnOptOutWithoutEvidenceHasNone) {
  save({make(1, "Smith", "Amelia")});
  OptOutId id = store->create_opt_out(opt_out(stored(1).id, service, Date{2025, 3, 2}));
  auto one = store->opt_out(school, id);
  ASSERT_TRUE(one);
  EXPECT_FALSE(one->evidence);
  EXPECT_FALSE(store->opt_outs(school, std::nullopt, std::nullopt).at(0).evidence);
}

TEST_P(PupilStore, WithdrawingAnOptOutKeepsItWithWhoWhenAndWhy) {
  save({make(1, "Smith", "Amelia")});
  OptOutId id = store->create_opt_out(opt_out(stored(1).id, service, Date{2025, 3, 2}));
  store->withdraw_opt_out(school, id, "head@test.example", "2026-04-01T10:00:00Z", "Parent's email of 31 March");
  auto o = store->opt_out(school, id);
  ASSERT_TRUE(o);
  EXPECT_FALSE(o->in_force());
  EXPECT_EQ(o->withdrawn_by, "head@test.example");
  EXPECT_EQ(o->withdrawn_at, "2026-04-01T10:00:00Z");
  EXPECT_EQ(o->withdrawn_reason, "Parent's email of 31 March");
  EXPECT_EQ(o->decided_by, "Jane Smith");
  auto listed = store->opt_outs(school, std::nullopt, std::nullopt);
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_FALSE(listed[0].in_force());
}

TEST_P(PupilStore, OptOutsFilterByPupilAndByServiceNewestFirst) {
  save({make(1, "Smith", "Amelia"), make(2, "Adams", "Zak")});
  PupilId amelia = stored(1).id, zak = stored(2).id;
  OptOutId first = store->create_opt_out(opt_out(amelia, service, Date{2025, 1, 6}));
  OptOutId second = store->create_opt_out(opt_out(amelia, other_service, Date{2025, 2, 3}));
  OptOutId third = store->create_opt_out(opt_out(zak, service, Date{2025, 3, 3}));

  auto all = store->opt_outs(school, std::nullopt, std::nullopt);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].id, third);
  EXPECT_EQ(all[1].id, second);
  EXPECT_EQ(all[2].id, first);

  auto amelias = store->opt_outs(school, amelia, std::nullopt);
  ASSERT_EQ(amelias.size(), 2u);
  EXPECT_EQ(amelias[0].id, second);
  EXPECT_EQ(amelias[1].id, first);

  auto readers = store->opt_outs(school, std::nullopt, service);
  ASSERT_EQ(readers.size(), 2u);
  EXPECT_EQ(readers[0].id, third);
  EXPECT_EQ(readers[1].id, first);

  auto both = store->opt_outs(school, amelia, service);
  ASSERT_EQ(both.size(), 1u);
  EXPECT_EQ(both[0].id, first);
  EXPECT_TRUE(store->opt_outs(school, zak, other_service).empty());
}

TEST_P(PupilStore, DisclosuresListWithTheServiceNameAndFilterByServiceAndPupil) {
  save({make(1, "Smith", "Amelia"), make(2, "Adams", "Zak"), make(3, "Jones", "Ben")});
  PupilId amelia = stored(1).id, zak = stored(2).id, ben = stored(3).id;
  Disclosure to_reader{{}, school, service, "", "2026-03-04T10:00:00Z", "dpo@test.example", "csv", "forename,surname", 2,
                       std::string(64, 'a')};
  DisclosureId d1 = store->create_disclosure(to_reader, {amelia, zak});
  Disclosure to_writer{{}, school, other_service, "", "2026-03-05T10:00:00Z", "dpo@test.example", "oneroster",
                       "forename,surname", 1, std::string(64, 'b')};
  DisclosureId d2 = store->create_disclosure(to_writer, {amelia});
  EXPECT_GT(d1.value, 0);
  EXPECT_NE(d1, d2);

  auto all = store->disclosures(school, std::nullopt, std::nullopt);
  ASSERT_EQ(all.size(), 2u);

  auto readers = store->disclosures(school, service, std::nullopt);
  ASSERT_EQ(readers.size(), 1u);
  const Disclosure& r = readers[0];
  EXPECT_EQ(r.id, d1);
  EXPECT_EQ(r.school, school);
  EXPECT_EQ(r.service, service);
  EXPECT_EQ(r.service_name, "Reader");
  EXPECT_EQ(r.at, "2026-03-04T10:00:00Z");
  EXPECT_EQ(r.actor, "dpo@test.example");
  EXPECT_EQ(r.format, "csv");
  EXPECT_EQ(r.fields, "forename,surname");
  EXPECT_EQ(r.pupil_count, 2);
  EXPECT_EQ(r.sha256, std::string(64, 'a'));

  auto writers = store->disclosures(school, other_service, std::nullopt);
  ASSERT_EQ(writers.size(), 1u);
  EXPECT_EQ(writers[0].service_name, "Writer");
  EXPECT_EQ(writers[0].format, "oneroster");

  EXPECT_EQ(store->disclosures(school, std::nullopt, amelia).size(), 2u);
  auto zaks = store->disclosures(school, std::nullopt, zak);
  ASSERT_EQ(zaks.size(), 1u);
  EXPECT_EQ(zaks[0].id, d1);
  EXPECT_TRUE(store->disclosures(school, std::nullopt, ben).empty());  // not included in any export
  EXPECT_TRUE(store->disclosures(school, other_service, zak).empty());
  EXPECT_EQ(store->disclosures(school, other_service, amelia).size(), 1u);
}

TEST_P(PupilStore, ADisclosureWithNoPupilsIsStillLogged) {
  Disclosure d{{}, school, service, "", "2026-03-04T10:00:00Z", "dpo@test.example", "csv", "forename,surname", 0,
               std::string(64, 'c')};
  store->create_disclosure(d, {});
  auto all = store->disclosures(school, service, std::nullopt);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].pupil_count, 0);
}

TEST_P(PupilStore, SavesTwoThousandPupilsInBulk) {
  constexpr int kPupils = 4100;  // more than two of PostgreSQL's pages of 2000
  std::vector<Pupil> roll;
  roll.reserve(kPupils);
  for (int n = 1; n <= kPupils; ++n) {
    char surname[16];
    std::snprintf(surname, sizeof surname, "Pupil%05d", n);
    Pupil p = make(n, surname, "Sam");
    p.contacts = {contact(1, "Alex", surname, "Mother", true, {"07700 900" + std::to_string(100 + n % 900)}),
                  contact(2, "Jo", surname, "Father", n % 2 == 0, {})};
    roll.push_back(std::move(p));
  }
  save(roll);

  auto all = store->pupils(school, false);
  ASSERT_EQ(all.size(), static_cast<size_t>(kPupils));
  EXPECT_EQ(all.front().legal_surname, "Pupil00001");
  EXPECT_EQ(all.back().legal_surname, "Pupil04100");
  for (const auto& p : all) ASSERT_EQ(p.contacts.size(), 2u) << p.upn;
  auto p1234 = stored(1234);
  EXPECT_EQ(p1234.legal_surname, "Pupil01234");
  EXPECT_EQ(p1234.contacts[0].phones, (std::vector<std::string>{"07700 900" + std::to_string(100 + 1234 % 900)}));
  EXPECT_TRUE(p1234.contacts[1].parental_responsibility);

  // Streamed (a page at a time on PostgreSQL): every pupil once, in id order, with contacts.
  std::int64_t last = 0;
  int streamed = 0;
  store->for_each_pupil(school, false, PupilParts{}, [&](const Pupil& p) {
    EXPECT_GT(p.id.value, last);
    EXPECT_EQ(p.contacts.size(), 2u);
    last = p.id.value;
    ++streamed;
  });
  EXPECT_EQ(streamed, kPupils);

  // Saving the whole roll again updates in place: no second row and no doubled contacts.
  for (auto& p : roll) {
    p.reg_group = "4C";
    p.contacts.pop_back();
  }
  save(roll);
  auto again = store->pupils(school, true);
  ASSERT_EQ(again.size(), static_cast<size_t>(kPupils));
  for (const auto& p : again) {
    ASSERT_EQ(p.reg_group, "4C") << p.upn;
    ASSERT_EQ(p.contacts.size(), 1u) << p.upn;
  }
}

TEST_P(PupilStore, ASaveThatThrowsLeavesNothingBehind) {
  EXPECT_THROW(store->transaction([&] {
    std::vector<Pupil> one = {make(1, "Smith", "Amelia")};
    store->save_pupils(school, one);
    throw Error::bad_request("stop");
  }),
               Error);
  EXPECT_TRUE(store->pupils(school, true).empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, PupilStore, ::testing::ValuesIn(backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace steward

namespace steward {
namespace {

TEST_P(PupilStore, StreamsPupilsInIdOrderReadingThePartsAsked) {
  Pupil zak = make(2, "Adams", "Zak");
  zak.contacts = {contact(1, "Alex", "Adams", "Mother", true, {"01388 111111"})};
  Pupil amelia = make(1, "Smith", "Amelia");
  amelia.preferred_forename = "Millie";
  save({zak, amelia, make(3, "Jones", "Ben")});
  store->transaction([&] { store->mark_pupils_left(school, {stored(3).id}, Date{2026, 7, 20}); });

  std::vector<Pupil> seen;
  store->for_each_pupil(school, false, PupilParts::none(), [&](const Pupil& p) { seen.push_back(p); });
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].upn, zak.upn);  // saved first, so the lower id, whatever the names
  EXPECT_EQ(seen[1].upn, amelia.upn);
  EXPECT_LT(seen[0].id.value, seen[1].id.value);
  EXPECT_EQ(seen[0].school, school);

  PupilParts names_and_contacts = PupilParts::none();
  names_and_contacts.names = true;
  names_and_contacts.contacts = true;
  seen.clear();
  store->for_each_pupil(school, true, names_and_contacts, [&](const Pupil& p) { seen.push_back(p); });
  ASSERT_EQ(seen.size(), 3u);
  EXPECT_EQ(seen[1].preferred_forename, "Millie");
  EXPECT_EQ(seen[2].legal_surname, "Jones");
  ASSERT_EQ(seen[0].contacts.size(), 1u);
  EXPECT_EQ(seen[0].contacts[0].phones, std::vector<std::string>{"01388 111111"});
  EXPECT_TRUE(seen[1].contacts.empty());  // not Zak's contacts carried over

  seen.clear();
  store->for_each_pupil(school, true, PupilParts{}, [&](const Pupil& p) { seen.push_back(p); });
  ASSERT_EQ(seen.size(), 3u);
  EXPECT_EQ(seen[2].leaving_date, (Date{2026, 7, 20}));
  EXPECT_EQ(seen[1].address, "1 Church Lane, Crook, DL15 8AB");
  EXPECT_EQ(seen[1].date_of_birth, (Date{2017, 3, 9}));

  EXPECT_EQ(store->count_pupils(school, false), 2);
  EXPECT_EQ(store->count_pupils(school, true), 3);
}

TEST_P(PupilStore, KeepsEachDisclosuresPupilsExactly) {
  std::vector<Pupil> roll;
  for (int n = 1; n <= 12; ++n) roll.push_back(make(n, "Pupil" + std::to_string(n), "Sam"));
  save(roll);
  std::vector<PupilId> some;
  for (int n : {1, 2, 3, 5, 8, 9, 12}) some.push_back(stored(n).id);
  Disclosure d{{}, school, service, "", "2026-03-04T10:00:00Z", "dpo@test.example", "csv", "upn", 7,
               std::string(64, 'd')};
  DisclosureId id = store->create_disclosure(d, some);
  auto back = store->disclosed_pupils(school, id);
  std::sort(some.begin(), some.end());
  EXPECT_EQ(back, some);
  EXPECT_EQ(store->disclosures(school, std::nullopt, stored(8).id).size(), 1u);
  EXPECT_TRUE(store->disclosures(school, std::nullopt, stored(7).id).empty());
}

// Rows of an older schema, written with SQL as that schema's code wrote them: the store's own
// writes use the latest schema.
std::string old_pupil_rows(SchoolId school, int count) {
  std::string sql = "INSERT INTO pupils (id, school_id, upn, legal_surname, legal_forename) VALUES ";
  for (int n = 1; n <= count; ++n)
    sql += (n > 1 ? ", (" : "(") + std::to_string(n) + ", " + std::to_string(school.value) + ", '" + upn(n) +
           "', 'Pupil" + std::to_string(n) + "', 'Sam')";
  return sql + ";";
}

// Databases written before the disclosure log kept id ranges (schema 2) keep every pupil each
// export included.
TEST_P(PupilStore, MigratingKeepsTheDisclosuresOfAnOlderSchema) {
  TestDatabase old_db{GetParam()};
  auto old = open_store(old_db.url());
  old->migrate_to(2);
  SchoolId old_school = make_school_in(*old, "old-school", "Old School");
  Service reader = sample("Reader");
  reader.school = old_school;
  ServiceId old_service = old->create_service(reader);
  std::string sql =
      old_pupil_rows(old_school, 6) +
      "INSERT INTO disclosures (id, school_id, service_id, at, actor, format, fields, pupil_count, sha256) VALUES "
      "(1, " + std::to_string(old_school.value) + ", " + std::to_string(old_service.value) +
      ", '2026-02-01T09:00:00Z', 'dpo', 'csv', 'upn', 4, 'x'), (2, " + std::to_string(old_school.value) + ", " +
      std::to_string(old_service.value) + ", '2026-02-02T09:00:00Z', 'dpo', 'csv', 'upn', 0, 'y'); "
      "INSERT INTO disclosure_pupils (disclosure_id, pupil_id) VALUES (1, 1), (1, 2), (1, 4), (1, 6);";
  ASSERT_TRUE(steward::testing::raw_sql(old_db.url(), sql));

  old->migrate();
  EXPECT_EQ(old->schema_version(), old->latest_schema_version());
  EXPECT_EQ(old->disclosed_pupils(old_school, {1}), (std::vector<PupilId>{{1}, {2}, {4}, {6}}));
  EXPECT_TRUE(old->disclosed_pupils(old_school, {2}).empty());
  EXPECT_EQ(old->disclosures(old_school, std::nullopt, PupilId{4}).size(), 1u);
  EXPECT_TRUE(old->disclosures(old_school, std::nullopt, PupilId{3}).empty());
  EXPECT_FALSE(steward::testing::raw_sql(old_db.url(), "SELECT * FROM disclosure_pupils"));
}

// Databases written while contacts had a table of their own (schema 3) keep every contact, in
// order, with each phone number, when the contacts move into the pupil's row.
TEST_P(PupilStore, MigratingKeepsTheContactsOfAnOlderSchema) {
  TestDatabase old_db{GetParam()};
  auto old = open_store(old_db.url());
  old->migrate_to(3);
  SchoolId old_school = make_school_in(*old, "old-school", "Old School");
  const std::string yes = GetParam() == "sqlite" ? "1" : "TRUE", no = GetParam() == "sqlite" ? "0" : "FALSE";
  std::string sql =
      old_pupil_rows(old_school, 3) +
      "INSERT INTO pupil_contacts (pupil_id, position, title, forename, surname, relationship, responsibility, email, "
      "phones, address) VALUES "
      "(1, 2, 'Mr', 'David', 'Smith', 'Father', " + no + ", '', '', '4 Other Road, Crook'), "
      "(1, 1, 'Mrs', 'Jane', 'Smith', 'Mother', " + yes + ", 'jane@example.com', '07700 900001;01388 123456', ''), "
      "(2, 1, '', 'Ann \"Nan\" O''Neil', 'Back\\slash', 'Gran', " + no + ", '', '07700 900003', '');";
  ASSERT_TRUE(steward::testing::raw_sql(old_db.url(), sql));

  old->migrate();
  auto one = old->pupil(old_school, {1});
  ASSERT_TRUE(one);
  ASSERT_EQ(one->contacts.size(), 2u);
  EXPECT_EQ(one->contacts[0].order, 1);
  EXPECT_EQ(one->contacts[0].forename, "Jane");
  EXPECT_EQ(one->contacts[0].title, "Mrs");
  EXPECT_TRUE(one->contacts[0].parental_responsibility);
  EXPECT_EQ(one->contacts[0].email, "jane@example.com");
  EXPECT_EQ(one->contacts[0].phones, (std::vector<std::string>{"07700 900001", "01388 123456"}));
  EXPECT_EQ(one->contacts[1].order, 2);
  EXPECT_EQ(one->contacts[1].forename, "David");
  EXPECT_FALSE(one->contacts[1].parental_responsibility);
  EXPECT_TRUE(one->contacts[1].phones.empty());
  EXPECT_EQ(one->contacts[1].address, "4 Other Road, Crook");
  auto two = old->pupil(old_school, {2});
  ASSERT_TRUE(two);
  ASSERT_EQ(two->contacts.size(), 1u);
  EXPECT_EQ(two->contacts[0].forename, "Ann \"Nan\" O'Neil");
  EXPECT_EQ(two->contacts[0].surname, "Back\\slash");
  EXPECT_EQ(two->contacts[0].phones, (std::vector<std::string>{"07700 900003"}));
  EXPECT_TRUE(old->pupil(old_school, {3})->contacts.empty());
  EXPECT_FALSE(steward::testing::raw_sql(old_db.url(), "SELECT * FROM pupil_contacts"));
}

}  // namespace
}  // namespace steward
