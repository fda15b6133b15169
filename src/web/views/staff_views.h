#pragma once
// The staff pages' views. Each takes the data it shows and the page chrome; none touches the
// store.
#include <string>
#include <vector>

#include "app/register.h"
#include "domain/audit_entry.h"
#include "domain/data_category.h"
#include "domain/provider.h"
#include "web/views/layout.h"

namespace steward::web {

// The add / edit form's values as typed, so a rejected form comes back as the person left it.
struct ServiceForm {
  std::string name, section, providers, website, purposes, description, controls, notes, status;
  std::vector<std::string> categories;  // category ids as strings
  std::string day, month, year;
};

std::string service_list_page(const Chrome&, const std::vector<Service>&, const ServiceFilter&,
                              const std::vector<DataCategory>&);
std::string service_show_page(const Chrome&, const Service&);
std::string service_form_page(const Chrome&, const ServiceForm&, const std::vector<DataCategory>&,
                              const std::vector<FieldError>&, const std::string& action_url, bool is_new);
std::string provider_list_page(const Chrome&, const std::vector<Provider>&);
std::string category_list_page(const Chrome&, const std::vector<DataCategory>&, const std::vector<Service>&,
                               const DataCategory& draft, const std::vector<FieldError>&);
std::string data_map_page(const Chrome&, const std::vector<Service>&, const std::vector<DataCategory>&);
std::string page_text_page(const Chrome&, const PageText&, const std::vector<FieldError>&);
std::string audit_list_page(const Chrome&, const std::vector<AuditEntry>&, std::optional<std::int64_t> broken_at);

}  // namespace steward::web
