#include "store/store.h"

namespace steward {

// One service is a batch of one: a single path for the register's writes on every backend.
ServiceId Store::create_service(const Service& s) {
  Service created = s;
  created.id = {};
  save_services(s.school, {&created, 1});
  return created.id;
}

void Store::update_service(const Service& s) {
  Service updated = s;
  save_services(s.school, {&updated, 1});
}

}  // namespace steward
