#include "web/school_cache.h"

namespace steward::web {

std::shared_ptr<const School> SchoolCache::get(const std::string& slug, std::optional<std::uint64_t> token,
                                               const std::function<School()>& load) {
  if (!token) return std::make_shared<const School>(load());
  {
    std::lock_guard lock(mutex_);
    auto it = schools_.find(slug);
    if (it != schools_.end() && it->second.token == token) return it->second.school;
  }
  auto school = std::make_shared<const School>(load());  // outside the lock; throws 404 for no such school
  std::lock_guard lock(mutex_);
  schools_[slug] = Entry{*token, school};
  return school;
}

}  // namespace steward::web
