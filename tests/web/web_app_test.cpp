// The request → response seam, without a server.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "app/auth.h"
#include "app/demo.h"
#include "support/test_support.h"
#include "web/context.h"
#include "web/handlers/handlers.h"
#include "web/published_cache.h"
#include "web/school_cache.h"
#include "web/web_app.h"

namespace steward::web {
namespace {

class WebAppTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store = open_store(dir.file("w.db"));
    store->migrate();
    demo = load_demo(*store);
    app = std::make_unique<WebApp>(*store);
  }

  Response get(const std::string& path) {
    Request r;
    r.method = "GET";
    r.path = path;
    return app->handle(r);
  }

  steward::testing::TempDir dir;
  std::unique_ptr<Store> store;
  DemoLogin demo;
  std::unique_ptr<WebApp> app;
};

TEST_F(WebAppTest, AServerFaultIsA500PageWithoutInternals) {
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(dir.file("w.db").c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw, "DROP TABLE service_data", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(raw);
  Response r = get("/schools/crook-primary/cloud-services");
  EXPECT_EQ(r.status, 500);
  ASSERT_FALSE(r.shared_body);
  EXPECT_NE(r.body.find("Sorry, there is a problem with the service"), std::string::npos);
  EXPECT_EQ(r.body.find("service_data"), std::string::npos);
  EXPECT_EQ(r.body.find("SELECT"), std::string::npos);
}

TEST_F(WebAppTest, SecurityHeadersOnEveryResponse) {
  for (const char* path : {"/", "/nowhere", "/schools/crook-primary/cloud-services"}) {
    Response r = get(path);
    bool csp = false, nosniff = false;
    for (const auto& [k, v] : r.headers) {
      csp |= k == "Content-Security-Policy" && v.find("default-src 'none'") != std::string::npos;
      nosniff |= k == "X-Content-Type-Options" && v == "nosniff";
    }
    EXPECT_TRUE(csp && nosniff) << path;
  }
}

TEST_F(WebAppTest, PublishedPageFollowsChangesMadeElsewhere) {
  std::string before = std::string(get("/schools/crook-primary/cloud-services").content());
  // Another process (the CLI, another app server) changes the register through its own store.
  auto other = open_store(dir.file("w.db"));
  auto school = *other->school("crook-primary");
  Service s = other->services(school.id).front();
  s.name = "Renamed Elsewhere";
  other->update_service(s);
  other->touch_school(school.id, "2026-11-23T12:00:00Z");
  std::string after = std::string(get("/schools/crook-primary/cloud-services").content());
  EXPECT_EQ(before.find("Renamed Elsewhere"), std::string::npos);
  EXPECT_NE(after.find("Renamed Elsewhere"), std::string::npos);
}

// Another app server's write whose NOTIFY has not arrived yet: the cache holds the school at the
// current token but with old text, and the page from before. A visitor may see them for that
// moment; the browser that made the save (it carries the cookie its post set) never does.
TEST_F(WebAppTest, TheBrowserThatSavedReadsPastTheCachesWhileTheyAreBehind) {
  SchoolCache schools;
  PublishedCache pages;
  School stale = *store->school("crook-primary");
  stale.page.introduction = "Text from before the other server's save.";
  schools.get("crook-primary", store->change_token(), [&] { return stale; });
  Request visiting, saved;
  visiting.route["slug"] = saved.route["slug"] = "crook-primary";
  saved.cookies[kWroteCookie] = "1";
  Context visitor(*store, visiting, pages, schools), saver(*store, saved, pages, schools);
  EXPECT_EQ(visitor.school().page.introduction, stale.page.introduction);
  EXPECT_EQ(saver.school().page.introduction, store->school("crook-primary")->page.introduction);
  EXPECT_NE(saver.school().page.introduction, stale.page.introduction);
  // The published page as it was before that save (one revision back), kept at this token.
  auto now = store->school("crook-primary")->revision;
  pages.get("page:crook-primary", store->change_token(), [&] { return now - 1; }, [] { return "the page before"; });
  EXPECT_EQ(published_page_show(visitor).content(), "the page before");
  auto fresh = std::string(published_page_show(saver).content());
  EXPECT_NE(fresh.find(store->school("crook-primary")->name), std::string::npos);
}

TEST_F(WebAppTest, RepeatedFailedSignInsAreThrottled) {
  for (int i = 0; i < kMaxLoginFailures; ++i) EXPECT_THROW(login(*store, demo.email, "wrong password"), Error);
  try {
    login(*store, demo.email, demo.password);
    FAIL() << "sign-in allowed after repeated failures";
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), 429);
  }
}

}  // namespace
}  // namespace steward::web
