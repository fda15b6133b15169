#include "web/published_cache.h"

namespace steward::web {

PublishedCache::Page PublishedCache::get(const std::string& key, std::optional<std::uint64_t> token,
                                         const std::function<std::int64_t()>& revision,
                                         const std::function<std::string()>& render) {
  Entry entry;
  {
    std::lock_guard lock(mutex_);
    auto it = pages_.find(key);
    if (it != pages_.end()) {
      if (token && it->second.token == token) return it->second.page;
      entry = it->second;
    }
  }
  std::int64_t current = revision();
  if (!entry.page || entry.revision != current) {
    // Rendered outside the lock; two threads may both render after a change, which is harmless.
    entry.page = std::make_shared<const std::string>(render());
    entry.revision = current;
  }
  // Without a token the entry keeps the one it had: the page is at least as new as that token.
  if (token) entry.token = token;
  std::lock_guard lock(mutex_);
  pages_[key] = entry;
  return entry.page;
}

}  // namespace steward::web
