#pragma once
// Where a service is in its lifecycle: proposed → assessing → approved → in use →
// suspended / retired (DOMAIN.md).
#include <array>
#include <optional>
#include <string_view>

namespace steward {

enum class ServiceStatus { Proposed, Assessing, Approved, InUse, Suspended, Retired };

inline constexpr std::array<ServiceStatus, 6> kServiceStatuses = {
    ServiceStatus::Proposed, ServiceStatus::Assessing, ServiceStatus::Approved,
    ServiceStatus::InUse,    ServiceStatus::Suspended, ServiceStatus::Retired};

std::optional<ServiceStatus> parse_service_status(std::string_view slug);
std::string_view service_status_slug(ServiceStatus);   // in_use
std::string_view service_status_label(ServiceStatus);  // In use
// Parents are told about every service the school has approved or uses, including one
// suspended for now; not about ideas still being assessed, nor services it has stopped using.
bool service_status_published(ServiceStatus);

}  // namespace steward
