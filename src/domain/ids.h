#pragma once
// Strong identifiers: a ServiceId cannot be passed where a SchoolId is expected.
#include <compare>
#include <cstdint>

namespace steward {

template <class Tag>
struct Id {
  std::int64_t value = 0;
  auto operator<=>(const Id&) const = default;
};

using SchoolId = Id<struct SchoolTag>;
using ServiceId = Id<struct ServiceTag>;
using ProviderId = Id<struct ProviderTag>;
using CategoryId = Id<struct CategoryTag>;
using UserId = Id<struct UserTag>;

}  // namespace steward
