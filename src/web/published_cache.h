#pragma once
// Rendered published pages, keyed by school and the school's revision. Every request asks the
// store for the current revision first, so a change made by any process (another app server,
// the CLI) is seen at once.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace steward::web {

class PublishedCache {
 public:
  using Page = std::shared_ptr<const std::string>;
  Page get(const std::string& key, std::int64_t revision, const std::function<std::string()>& render);

 private:
  std::mutex mutex_;
  std::map<std::string, std::pair<std::int64_t, Page>> pages_;
};

}  // namespace steward::web
