#pragma once
// Schools by slug, kept while the store's change token stands still, so that a school's pages
// need no query to find their school. Every write to a school moves the token in every process
// (see Store::change_token); a school not found is not kept. Requests from a browser that has
// just saved something pass it by: the token moves a moment after another process commits.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "domain/school.h"

namespace steward::web {

class SchoolCache {
 public:
  // `load` is called, and its school kept, when the slug's entry was kept at another token;
  // without a token it is always called and its school is not kept. Shared, not copied: a
  // request reads the school it names without copying its page text.
  // REQUIRES: `token` was read before `load` reads the store, so a school is never kept at a
  // newer token than the data it was read from.
  std::shared_ptr<const School> get(const std::string& slug, std::optional<std::uint64_t> token,
                                    const std::function<School()>& load);

 private:
  struct Entry {
    std::uint64_t token = 0;
    std::shared_ptr<const School> school;
  };
  std::mutex mutex_;
  std::map<std::string, Entry, std::less<>> schools_;
};

}  // namespace steward::web
