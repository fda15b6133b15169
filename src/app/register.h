#pragma once
// Use cases for a school's register of cloud services. The web handlers and the CLI both call
// these; each checks permission, validates, writes in one transaction and records the audit.
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "app/actor.h"
#include "store/store.h"

namespace steward {

struct ServiceFilter {
  std::optional<Section> section;
  std::optional<ServiceStatus> status;
  std::string category;  // a data category name; empty for any
};

std::vector<Service> list_services(Store&, const School&, const ServiceFilter& = {});
// What parents see: approved, in use or suspended services, in register order.
std::vector<Service> published_services(Store&, const School&);
// Throws Error 404 when the school has no such service.
Service find_service(Store&, const School&, ServiceId);
// Finds by name (ignoring case), optionally within a section; 404 when none, 409 when the
// name is in two sections and none is given.
Service find_service_by_name(Store&, const School&, const std::string& name, std::optional<Section> = {});

// Cleans up what a person typed (trims, drops empty list items, canonical category names).
Service normalise_service(Service, const std::vector<DataCategory>&);

ServiceId add_service(Store&, const Actor&, const School&, Service);
// Saves services already normalised and validated as one batch: each stamped with the school
// and the time, the school's published revision moved once, and one audit entry per service in
// order, created when its `before` (its JSON as it was) is empty, updated otherwise. Fills in
// the ids of new ones. The one write path of add, update and the register import.
void save_validated_services(Store&, const Actor&, const School&, std::span<Service>, std::vector<std::string> before);
void update_service(Store&, const Actor&, const School&, Service);
// Retiring keeps the record and its history; the service leaves the published page.
void retire_service(Store&, const Actor&, const School&, ServiceId);

DataCategory add_data_category(Store&, const Actor&, const School&, DataCategory);

}  // namespace steward
