// HTTP routes through a real `steward serve` on a free loopback port.
#include <gtest/gtest.h>

#include "support/test_support.h"

namespace steward {
namespace {

using namespace steward::testing;

const std::string kSlug = "/schools/crook-primary";

class Http : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir = new TempDir;
    password = new std::string(init_demo(*dir));
    server = new Server(dir->file("s.db"));
  }
  static void TearDownTestSuite() {
    delete server;
    delete password;
    delete dir;
  }

  Client signed_in() {
    Client c(server->port());
    auto r = c.login("dpo@crook-primary.example", *password);
    EXPECT_EQ(r.status, 303) << r.body;
    return c;
  }

  // A valid add-service form; tests change one field.
  std::vector<std::pair<std::string, std::string>> service_form(Client& c, const std::string& name) {
    auto page = c.get(kSlug + "/services/new");
    EXPECT_EQ(page.status, 200);
    return {{"csrf_token", c.csrf_from(page.body)},
            {"name", name},
            {"section", "pupils"},
            {"providers", "Provider One\nProvider Two"},
            {"website", "https://example.org/"},
            {"purposes", "Spelling practice"},
            {"category", "1"},
            {"risk_assessment_date-day", "14"},
            {"risk_assessment_date-month", "3"},
            {"risk_assessment_date-year", "2025"},
            {"status", "in_use"}};
  }

  static void set(std::vector<std::pair<std::string, std::string>>& form, const std::string& key, const std::string& value) {
    for (auto& [k, v] : form)
      if (k == key) v = value;
  }

  static TempDir* dir;
  static std::string* password;
  static Server* server;
};

TempDir* Http::dir = nullptr;
std::string* Http::password = nullptr;
Server* Http::server = nullptr;

TEST_F(Http, HealthAndStylesheet) {
  Client c(server->port());
  auto h = c.get("/healthz");
  EXPECT_EQ(h.status, 200);
  EXPECT_EQ(h.body, "ok\n");
  auto css = c.get("/assets/steward.css");
  EXPECT_EQ(css.status, 200);
  EXPECT_NE(css.body.find(".govuk-summary-list"), std::string::npos);
  EXPECT_EQ(css.body.find("@font-face"), std::string::npos);  // GDS Transport is left out
}

TEST_F(Http, PublishedPageListsTheDemoRegisterInItsSections) {
  Client c(server->port());
  auto r = c.get(kSlug + "/cloud-services");
  ASSERT_EQ(r.status, 200);
  const std::string& b = r.body;
  EXPECT_NE(b.find("<h1 class=\"govuk-heading-xl\">Cloud Based Services</h1>"), std::string::npos);
  std::string pupils = between(b, "id=\"pupils\"", "id=\"management\"");
  std::string management = between(b, "id=\"management\"", "id=\"other\"");
  std::string other = between(b, "id=\"other\"", "id=\"legal\"");
  EXPECT_GE(count(pupils, "<h3"), 8);
  EXPECT_EQ(count(management, "<h3"), 3);
  EXPECT_EQ(count(other, "<h3"), 4);
  for (const char* name : {"Accelerated Reader", "ClassDojo", "Classroom Monitor", "Lexia Core 5",
                           "Mathletics, Spellodrome, Reading Eggs", "School Comms", "The Reading Cloud"})
    EXPECT_NE(pupils.find(name), std::string::npos) << name;
  EXPECT_NE(management.find("SIMS"), std::string::npos);
  EXPECT_NE(management.find("Durham County Council"), std::string::npos);
  EXPECT_NE(management.find("pupil names, contact details, attendance data"), std::string::npos);
  EXPECT_NE(other.find("Facebook, Twitter, Youtube, Crook Primary School"), std::string::npos);
  EXPECT_NE(other.find("Explicit permission will be sought before publishing images of students."), std::string::npos);
  EXPECT_NE(pupils.find("full name, UPN, date of birth, gender, assessment data"), std::string::npos);
  EXPECT_NE(b.find("Parents may opt out of any of these services by informing the school in writing."), std::string::npos);
  EXPECT_NE(b.find("Legal Requirements"), std::string::npos);
  EXPECT_NE(b.find("privacy notice for pupils"), std::string::npos);
  EXPECT_NE(b.find("December 2016"), std::string::npos);
  EXPECT_NE(b.find("Last updated:"), std::string::npos);
  EXPECT_NE(b.find("<main"), std::string::npos);
  EXPECT_EQ(b.find("<script"), std::string::npos);
}

TEST_F(Http, ErrorsAre404And405And413WithoutInternals) {
  Client c(server->port());
  EXPECT_EQ(c.get("/nowhere").status, 404);
  EXPECT_EQ(c.get("/schools/no-such-school/cloud-services").status, 404);
  EXPECT_EQ(c.get(kSlug + "/services/abc").status, 404);
  auto bad_method = c.request("DELETE", "/healthz", "", "");
  EXPECT_EQ(bad_method.status, 405);
  EXPECT_EQ(bad_method.headers["allow"], "GET");
  auto big = c.request("POST", "/login", std::string(20 << 20, 'a'), "application/x-www-form-urlencoded");
  EXPECT_EQ(big.status, 413);
  EXPECT_NE(server->log().find("access: 127.0.0.1 GET /nowhere 404"), std::string::npos);
}

TEST_F(Http, ApiGivesThePublishedRegister) {
  Client c(server->port());
  auto r = c.get("/api/v1/schools/crook-primary/services");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.headers["content-type"], "application/json");
  EXPECT_NE(r.body.find("\"school\":\"crook-primary\""), std::string::npos);
  EXPECT_GE(count(r.body, "\"section\":"), 15);
  auto one = c.get("/api/v1/schools/crook-primary/services/1");
  EXPECT_EQ(one.status, 200);
  EXPECT_NE(one.body.find("\"name\":\"Accelerated Reader\""), std::string::npos);
  auto missing = c.get("/api/v1/schools/crook-primary/services/9999");
  EXPECT_EQ(missing.status, 404);
  EXPECT_NE(missing.body.find("\"error\""), std::string::npos);
}

TEST_F(Http, StaffPagesNeedSignIn) {
  Client c(server->port());
  auto r = c.get(kSlug + "/services");
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(r.headers["location"], "/login?next=/schools/crook-primary/services");
  auto wrong = c.login("dpo@crook-primary.example", "not the password");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_NE(wrong.body.find("The email address or password is not right"), std::string::npos);
  EXPECT_EQ(c.get(kSlug + "/services").status, 303);
}

TEST_F(Http, SignInSetsAHardenedCookieAndSignOutEndsIt) {
  Client c(server->port());
  auto r = c.login("dpo@crook-primary.example", *password);
  ASSERT_EQ(r.status, 303);
  EXPECT_EQ(r.headers["location"], "/schools/crook-primary/services");
  ASSERT_FALSE(r.set_cookies.empty());
  EXPECT_NE(r.set_cookies.back().find("HttpOnly"), std::string::npos);
  EXPECT_NE(r.set_cookies.back().find("SameSite=Lax"), std::string::npos);
  auto list = c.get(kSlug + "/services");
  EXPECT_EQ(list.status, 200);
  EXPECT_NE(list.body.find("Accelerated Reader"), std::string::npos);
  std::string stolen = c.cookies["steward_session"];
  EXPECT_EQ(c.post("/logout", {{"csrf_token", c.csrf_from(list.body)}}).status, 303);
  Client thief(server->port());
  thief.cookies["steward_session"] = stolen;
  EXPECT_EQ(thief.get(kSlug + "/services").status, 303);
}

TEST_F(Http, PostsWithoutTheCsrfTokenAreRefused) {
  Client c = signed_in();
  auto form = service_form(c, "Forged Service");
  set(form, "csrf_token", "0000");
  auto r = c.post(kSlug + "/services", form);
  EXPECT_EQ(r.status, 403);
  Client anon(server->port());
  auto login = anon.post("/login", {{"email", "dpo@crook-primary.example"}, {"password", *password}});
  EXPECT_EQ(login.status, 403);
  EXPECT_EQ(c.get(kSlug + "/cloud-services").body.find("Forged Service"), std::string::npos);
}

TEST_F(Http, CreateShowsOnThePublishedPage) {
  Client c = signed_in();
  auto r = c.post(kSlug + "/services", service_form(c, "Spelling Shed"));
  ASSERT_EQ(r.status, 303) << r.body;
  auto show = c.get(r.headers["location"]);
  EXPECT_EQ(show.status, 200);
  EXPECT_NE(show.body.find("Provider One, Provider Two"), std::string::npos);
  EXPECT_NE(show.body.find("14 March 2025"), std::string::npos);
  std::string pupils = between(Client(server->port()).get(kSlug + "/cloud-services").body, "id=\"pupils\"", "id=\"management\"");
  EXPECT_NE(pupils.find("Spelling Shed"), std::string::npos);
}

TEST_F(Http, InvalidFormsComeBackWithErrorsBesideTheFields) {
  Client c = signed_in();
  auto form = service_form(c, "");
  set(form, "website", "javascript:alert(1)");
  set(form, "risk_assessment_date-day", "31");
  set(form, "risk_assessment_date-month", "2");
  auto r = c.post(kSlug + "/services", form);
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("There is a problem"), std::string::npos);
  EXPECT_NE(r.body.find("id=\"name-error\""), std::string::npos);
  EXPECT_NE(r.body.find("Enter the name of the service"), std::string::npos);
  EXPECT_NE(r.body.find("id=\"website-error\""), std::string::npos);
  EXPECT_NE(r.body.find("id=\"risk_assessment_date-error\""), std::string::npos);
  EXPECT_NE(r.body.find("Provider One\nProvider Two</textarea>"), std::string::npos);  // what was typed comes back
}

TEST_F(Http, EditAndRetire) {
  Client c = signed_in();
  auto created = c.post(kSlug + "/services", service_form(c, "Edit Me"));
  ASSERT_EQ(created.status, 303);
  std::string url = created.headers["location"];
  auto edit = c.get(url + "/edit");
  ASSERT_EQ(edit.status, 200);
  EXPECT_NE(edit.body.find("value=\"Edit Me\""), std::string::npos);
  auto form = service_form(c, "Edited Name");
  auto saved = c.post(url, form);
  EXPECT_EQ(saved.status, 303);
  EXPECT_NE(c.get(url).body.find("Edited Name"), std::string::npos);
  auto retired = c.post(url + "/retire", {{"csrf_token", c.csrf_from(c.get(url).body)}});
  EXPECT_EQ(retired.status, 303);
  EXPECT_EQ(Client(server->port()).get(kSlug + "/cloud-services").body.find("Edited Name"), std::string::npos);
  EXPECT_EQ(c.get(url + "/edit").status, 409);
}

TEST_F(Http, WhatUsersTypeIsEscapedEverywhere) {
  Client c = signed_in();
  auto form = service_form(c, "<script>alert('x')</script>");
  set(form, "website", "https://example.org/?a=\"><script>");
  auto rejected = c.post(kSlug + "/services", form);  // the website is refused; the form comes back escaped
  EXPECT_EQ(rejected.status, 422);
  EXPECT_NE(rejected.body.find("value=\"https://example.org/?a=&quot;&gt;&lt;script&gt;\""), std::string::npos);
  set(form, "website", "https://example.org/");
  auto r = c.post(kSlug + "/services", form);
  ASSERT_EQ(r.status, 303) << r.body;
  for (const std::string& path : {kSlug + "/cloud-services", kSlug + "/services", r.headers["location"], kSlug + "/data-map"}) {
    auto page = c.get(path);
    EXPECT_EQ(page.body.find("<script>alert"), std::string::npos) << path;
    EXPECT_NE(page.body.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), std::string::npos) << path;
  }
  auto json = c.get("/api/v1/schools/crook-primary/services");
  EXPECT_EQ(json.headers["content-type"], "application/json");
  EXPECT_NE(json.body.find("alert('x')"), std::string::npos);
}

TEST_F(Http, FiltersProvidersCategoriesMapPageTextAndAudit) {
  Client c = signed_in();
  auto filtered = c.get(kSlug + "/services?section=management");
  EXPECT_NE(filtered.body.find("3 services"), std::string::npos);
  auto by_category = c.get(kSlug + "/services?category=FSM");
  EXPECT_NE(by_category.body.find("Classroom Monitor"), std::string::npos);
  EXPECT_EQ(by_category.body.find("ClassDojo"), std::string::npos);
  EXPECT_NE(c.get(kSlug + "/providers").body.find("Renaissance Learning"), std::string::npos);
  auto map = c.get(kSlug + "/data-map");
  EXPECT_NE(map.body.find("SEN (sensitive)"), std::string::npos);
  auto cats = c.get(kSlug + "/data-categories");
  auto added = c.post(kSlug + "/data-categories", {{"csrf_token", c.csrf_from(cats.body)},
                                                   {"name", "biometric data"},
                                                   {"subject", "pupil"},
                                                   {"sensitivity", "special"},
                                                   {"description", "Fingerprints for the canteen"}});
  EXPECT_EQ(added.status, 303);
  auto dup = c.post(kSlug + "/data-categories", {{"csrf_token", c.csrf_from(cats.body)}, {"name", "UPN"}});
  EXPECT_EQ(dup.status, 422);
  EXPECT_NE(dup.body.find("There is already a data category called"), std::string::npos);
  auto text = c.get(kSlug + "/page-text");
  auto saved = c.post(kSlug + "/page-text", {{"csrf_token", c.csrf_from(text.body)},
                                             {"introduction", "Our new introduction."},
                                             {"pupils_intro", "Pupils intro."},
                                             {"management_intro", "Management intro."},
                                             {"other_intro", "Other intro."},
                                             {"legal_requirements", "Legal text."}});
  EXPECT_EQ(saved.status, 303);
  EXPECT_NE(Client(server->port()).get(kSlug + "/cloud-services").body.find("Our new introduction."), std::string::npos);
  auto audit = c.get(kSlug + "/audit");
  EXPECT_NE(audit.body.find("hash chain is intact"), std::string::npos);
  EXPECT_NE(audit.body.find("page_text.update"), std::string::npos);
}

}  // namespace
}  // namespace steward
