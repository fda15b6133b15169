#pragma once
// Rendered published pages, keyed by school. A page is served again while the store's change
// token is unchanged; when the token moves, the school's revision is read and the page is
// rendered again only if the revision moved. A change made by any process (another app
// server, the CLI) is seen once its token has moved here; a browser that has just saved
// something, and must see it whichever server answers, passes no token and the revision is read.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace steward::web {

class PublishedCache {
 public:
  using Page = std::shared_ptr<const std::string>;
  // `revision` is asked when `token` differs from the one the page was last checked at, and
  // always when there is no token.
  Page get(const std::string& key, std::optional<std::uint64_t> token, const std::function<std::int64_t()>& revision,
           const std::function<std::string()>& render);

 private:
  struct Entry {
    std::optional<std::uint64_t> token;  // none: checked only without a token so far
    std::int64_t revision = -1;
    Page page;
  };
  std::mutex mutex_;
  std::map<std::string, Entry> pages_;
};

}  // namespace steward::web
