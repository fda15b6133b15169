#include "web/published_cache.h"

namespace steward::web {

PublishedCache::Page PublishedCache::get(const std::string& key, std::int64_t revision,
                                         const std::function<std::string()>& render) {
  {
    std::lock_guard lock(mutex_);
    auto it = pages_.find(key);
    if (it != pages_.end() && it->second.first == revision) return it->second.second;
  }
  // Rendered outside the lock; two threads may both render after a change, which is harmless.
  auto page = std::make_shared<const std::string>(render());
  std::lock_guard lock(mutex_);
  pages_[key] = {revision, page};
  return page;
}

}  // namespace steward::web
