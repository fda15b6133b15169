#include "domain/service_status.h"

namespace steward {

std::optional<ServiceStatus> parse_service_status(std::string_view slug) {
  for (ServiceStatus s : kServiceStatuses)
    if (service_status_slug(s) == slug) return s;
  return std::nullopt;
}

std::string_view service_status_slug(ServiceStatus s) {
  switch (s) {
    case ServiceStatus::Proposed: return "proposed";
    case ServiceStatus::Assessing: return "assessing";
    case ServiceStatus::Approved: return "approved";
    case ServiceStatus::InUse: return "in_use";
    case ServiceStatus::Suspended: return "suspended";
    case ServiceStatus::Retired: return "retired";
  }
  return "proposed";
}

std::string_view service_status_label(ServiceStatus s) {
  switch (s) {
    case ServiceStatus::Proposed: return "Proposed";
    case ServiceStatus::Assessing: return "Being assessed";
    case ServiceStatus::Approved: return "Approved";
    case ServiceStatus::InUse: return "In use";
    case ServiceStatus::Suspended: return "Suspended";
    case ServiceStatus::Retired: return "Retired";
  }
  return "";
}

bool service_status_published(ServiceStatus s) {
  return s == ServiceStatus::Approved || s == ServiceStatus::InUse || s == ServiceStatus::Suspended;
}

}  // namespace steward
