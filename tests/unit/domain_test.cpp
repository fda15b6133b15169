#include <gtest/gtest.h>

#include "domain/data_category.h"
#include "domain/date.h"
#include "domain/section.h"
#include "domain/service.h"
#include "domain/text.h"

namespace steward {
namespace {

TEST(Date, ParsesRealIsoDatesOnly) {
  EXPECT_EQ(Date::parse_iso("2016-12-01"), (Date{2016, 12, 1}));
  EXPECT_EQ(Date::parse_iso("2024-02-29"), (Date{2024, 2, 29}));
  EXPECT_FALSE(Date::parse_iso("2023-02-29"));
  EXPECT_FALSE(Date::parse_iso("2016-13-01"));
  EXPECT_FALSE(Date::parse_iso("01/12/2016"));
  EXPECT_FALSE(Date::parse_iso("2016-12-1"));
  EXPECT_FALSE(Date::parse_iso(""));
  EXPECT_FALSE(Date::parse_iso("2016-1 -01"));
  EXPECT_FALSE(Date::parse_iso("2016-+1-01"));
  EXPECT_FALSE(Date::parse_iso("２０16-01-01"));
}

TEST(Date, ReadsFormPartsAndFormats) {
  auto d = Date::from_parts("1", "12", "2016");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->iso(), "2016-12-01");
  EXPECT_EQ(d->long_form(), "1 December 2016");
  EXPECT_EQ(d->month_year(), "December 2016");
  EXPECT_FALSE(Date::from_parts("31", "4", "2020"));
  EXPECT_FALSE(Date::from_parts("x", "4", "2020"));
}

TEST(Section, ParsesSlugsAndKnowsOptOut) {
  EXPECT_EQ(parse_section("pupils"), Section::Pupils);
  EXPECT_EQ(parse_section("other"), Section::Other);
  EXPECT_FALSE(parse_section("Pupils"));
  EXPECT_TRUE(section_allows_opt_out(Section::Pupils));
  EXPECT_FALSE(section_allows_opt_out(Section::Management));
  EXPECT_EQ(section_data_label(Section::Other), "Potential data shared");
}

TEST(Text, SplitsListsAndParagraphs) {
  EXPECT_EQ(split_list(" a ; b;;c ", ';'), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(paragraphs("one\ntwo\n\n\nthree"), (std::vector<std::string>{"one two", "three"}));
  EXPECT_TRUE(is_web_url("https://www.classdojo.com"));
  EXPECT_FALSE(is_web_url("javascript:alert(1)"));
  EXPECT_FALSE(is_web_url("http://"));
  EXPECT_TRUE(is_slug("crook-primary"));
  EXPECT_FALSE(is_slug("Crook Primary"));
  EXPECT_FALSE(is_slug("a--b"));
  EXPECT_TRUE(is_email("dpo@school.example"));
  EXPECT_FALSE(is_email("dpo@school"));
}

class ServiceRules : public ::testing::Test {
 protected:
  std::vector<DataCategory> categories = standard_data_categories();
  Date today{2026, 11, 23};

  Service valid_pupil_service() {
    Service s;
    s.section = Section::Pupils;
    s.name = "Accelerated Reader";
    s.providers = {"Renaissance Learning"};
    s.website = "http://www.renlearn.co.uk/";
    s.purposes = {"Reading assessment"};
    s.data_categories = {"full name", "UPN"};
    s.risk_assessment_date = Date{2016, 12, 1};
    return s;
  }

  static bool has(const std::vector<FieldError>& errors, const std::string& field) {
    for (const auto& e : errors)
      if (e.field == field) return true;
    return false;
  }
};

TEST_F(ServiceRules, AcceptsACompletePupilService) {
  EXPECT_TRUE(validate_service(valid_pupil_service(), categories, today).empty());
}

TEST_F(ServiceRules, NamesEveryMissingField) {
  Service s;
  s.section = Section::Pupils;
  auto errors = validate_service(s, categories, today);
  EXPECT_TRUE(has(errors, "name"));
  EXPECT_TRUE(has(errors, "providers"));
  EXPECT_TRUE(has(errors, "purposes"));
  EXPECT_TRUE(has(errors, "data_categories"));
}

TEST_F(ServiceRules, RefusesUnknownCategoriesBadWebsitesAndFutureAssessments) {
  Service s = valid_pupil_service();
  s.data_categories.push_back("shoe size");
  s.website = "javascript:alert(1)";
  s.risk_assessment_date = Date{2027, 1, 1};
  auto errors = validate_service(s, categories, today);
  EXPECT_TRUE(has(errors, "data_categories"));
  EXPECT_TRUE(has(errors, "website"));
  EXPECT_TRUE(has(errors, "risk_assessment_date"));
}

TEST_F(ServiceRules, OtherServicesNeedControlsAndSomeDataDescription) {
  Service s;
  s.section = Section::Other;
  s.name = "Kindle";
  s.providers = {"Amazon"};
  auto errors = validate_service(s, categories, today);
  EXPECT_TRUE(has(errors, "controls"));
  EXPECT_TRUE(has(errors, "data_categories"));
  EXPECT_FALSE(has(errors, "purposes"));
  s.controls = "Organisation accounts only";
  s.description = "none";
  EXPECT_TRUE(validate_service(s, categories, today).empty());
}

TEST(DataCategories, StandardTaxonomyCoversTheSeedAndMarksSensitiveData) {
  auto all = standard_data_categories();
  for (const char* name : {"full name", "UPN", "date of birth", "gender", "class", "SEN", "pupil premium", "FSM",
                           "photographs", "assessment data", "communications", "address", "telephone numbers",
                           "email addresses", "parent/contact names", "attendance data"})
    EXPECT_NE(find_category(all, name), nullptr) << name;
  EXPECT_EQ(find_category(all, "sen")->sensitivity, Sensitivity::Sensitive);
  EXPECT_EQ(find_category(all, "Gender")->name, "gender");
  auto errors = validate_data_category({{}, {}, "Full Name", DataSubject::Pupil, Sensitivity::Ordinary, ""}, all);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "name");
}

}  // namespace
}  // namespace steward

#include "store/store.h"

namespace steward {
namespace {

TEST(PrintableDb, HidesPasswords) {
  EXPECT_EQ(printable_db("postgresql://steward:secret@db.example:5432/la"), "postgresql://steward:***@db.example:5432/la");
  EXPECT_EQ(printable_db("postgresql://steward@db.example/la?password=secret&sslmode=require"),
            "postgresql://steward@db.example/la?password=***&sslmode=require");
  EXPECT_EQ(printable_db("./var/steward.db"), "./var/steward.db");
  EXPECT_EQ(printable_db("postgresql:///steward?host=/run/postgresql"), "postgresql:///steward?host=/run/postgresql");
}

}  // namespace
}  // namespace steward
