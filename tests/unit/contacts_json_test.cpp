#include <gtest/gtest.h>

#include "domain/error.h"
#include "store/contacts_json.h"

namespace steward {
namespace {

Contact full_contact() {
  Contact c;
  c.order = 1;
  c.title = "Mrs";
  c.forename = "Ann \"Nan\"";
  c.surname = "O'Neil\\Smith";
  c.relationship = "Mother";
  c.parental_responsibility = true;
  c.email = "ann@example.com";
  c.phones = {"07700 900001", "01388 123456"};
  c.address = "1 Line\nTwo\t\x01 Zoë Road";
  return c;
}

void expect_same(const Contact& a, const Contact& b) {
  EXPECT_EQ(a.order, b.order);
  EXPECT_EQ(a.title, b.title);
  EXPECT_EQ(a.forename, b.forename);
  EXPECT_EQ(a.surname, b.surname);
  EXPECT_EQ(a.relationship, b.relationship);
  EXPECT_EQ(a.parental_responsibility, b.parental_responsibility);
  EXPECT_EQ(a.email, b.email);
  EXPECT_EQ(a.phones, b.phones);
  EXPECT_EQ(a.address, b.address);
}

TEST(ContactsJson, RoundTripsEveryFieldInOrder) {
  Contact second;
  second.order = 2;
  second.surname = "Smith";
  std::vector<Contact> contacts = {full_contact(), second};
  auto back = contacts_from_json(contacts_json(contacts));
  ASSERT_EQ(back.size(), 2u);
  expect_same(back[0], contacts[0]);
  expect_same(back[1], contacts[1]);
}

TEST(ContactsJson, LeavesOutWhatIsEmpty) {
  Contact c;
  c.surname = "Smith";
  EXPECT_EQ(contacts_json({c}), "[{\"surname\":\"Smith\"}]");
  EXPECT_EQ(contacts_json({}), "[]");
  EXPECT_TRUE(contacts_from_json("[]").empty());
}

// What PostgreSQL's json_agg and SQLite's json_object write when a migration fills the column.
TEST(ContactsJson, ReadsJsonWrittenByTheDatabasesOwnFunctions) {
  auto back = contacts_from_json(
      "[{\"title\" : \"Mr\", \"forename\" : \"D\\u00e9\\u00e9\", \"responsibility\" : false, \"phones\" : [], "
      "\"age\" : 42, \"extra\" : {\"a\" : [1, null, \"x\"]}}, \n {\"surname\":\"\\ud83d\\ude00\",\"responsibility\":true,"
      "\"phones\":[\"1\",\"2\"]}]");
  ASSERT_EQ(back.size(), 2u);
  EXPECT_EQ(back[0].title, "Mr");
  EXPECT_EQ(back[0].forename, "D\xC3\xA9\xC3\xA9");
  EXPECT_FALSE(back[0].parental_responsibility);
  EXPECT_TRUE(back[0].phones.empty());
  EXPECT_EQ(back[1].order, 2);
  EXPECT_EQ(back[1].surname, "\xF0\x9F\x98\x80");
  EXPECT_TRUE(back[1].parental_responsibility);
  EXPECT_EQ(back[1].phones, (std::vector<std::string>{"1", "2"}));
}

TEST(ContactsJson, DamagedTextIsAnErrorNamingWhere) {
  for (const char* damaged : {"", "{}", "[{\"surname\":\"Smith\"", "[{\"surname\":Smith}]", "[] x", "[{\"phones\":[1}]"}) {
    try {
      contacts_from_json(damaged);
      ADD_FAILURE() << damaged;
    } catch (const Error& e) {
      EXPECT_EQ(e.status(), 500) << damaged;
      EXPECT_NE(std::string(e.what()).find("at character"), std::string::npos) << e.what();
    }
  }
}

}  // namespace
}  // namespace steward
