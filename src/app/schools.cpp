#include "app/schools.h"

#include "app/audit.h"
#include "app/clock.h"
#include "app/crypto.h"
#include "domain/text.h"
#include "io/service_json.h"

namespace steward {

School create_school(Store& store, const Actor& actor, School s) {
  if (actor.user) throw Error::forbidden("Schools are created by the operator of the deployment");
  s.slug = std::string(trim(s.slug));
  s.name = std::string(trim(s.name));
  if (s.page.introduction.empty()) s.page = PageText::standard();
  if (auto errors = validate_school(s); !errors.empty()) throw Error::invalid(errors);
  if (store.school(s.slug)) throw Error::conflict("There is already a school with the slug " + s.slug);
  s.updated_at = now_iso();
  store.transaction([&] {
    s.id = store.create_school(s);
    for (auto c : standard_data_categories()) {
      c.school = s.id;
      store.create_data_category(c);
    }
    audit(store, actor, {s.id, "school.create", "school", s.slug, "", s.name});
  });
  return *store.school(s.id);
}

School find_school(Store& store, std::string_view slug) {
  auto s = store.school(slug);
  if (!s) throw Error::not_found("There is no school with the slug \"" + std::string(slug) + "\"");
  return *s;
}

School resolve_school(Store& store, const std::string& slug) {
  if (!slug.empty()) return find_school(store, slug);
  auto all = store.schools();
  if (all.size() == 1) return all.front();
  if (all.empty()) throw Error::not_found("There are no schools yet: add one with `steward school add`");
  throw Error::bad_request("There are " + std::to_string(all.size()) + " schools: name one with --school SLUG");
}

User add_user(Store& store, const Actor& actor, const School& school, const NewUser& in) {
  if (actor.user) throw Error::forbidden("Staff accounts are created by the operator of the deployment");
  std::vector<FieldError> errors;
  std::string email = lower(trim(in.email));
  if (!is_email(email)) errors.push_back({"email", "Enter an email address like name@school.example"});
  if (in.password.size() < 12) errors.push_back({"password", "Password must be at least 12 characters"});
  if (in.password.size() > 1024) errors.push_back({"password", "Password must be 1024 characters or fewer"});
  if (!errors.empty()) throw Error::invalid(errors);
  if (store.user_by_email(email)) throw Error::conflict("There is already an account for " + email);
  User u{{}, school.id, email, std::string(trim(in.name)), in.role, hash_password(in.password), true};
  store.transaction([&] {
    u.id = store.create_user(u);
    audit(store, actor, {school.id, "user.create", "user", email, "", std::string(role_slug(in.role))});
  });
  return u;
}

void update_page_text(Store& store, const Actor& actor, const School& school, const PageText& text) {
  require_register_editor(actor, school.id);
  School changed = school;
  changed.page = text;
  if (auto errors = validate_school(changed); !errors.empty()) throw Error::invalid(errors);
  store.transaction([&] {
    store.update_page_text(school.id, text);
    store.touch_school(school.id, now_iso());
    audit(store, actor,
          {school.id, "page_text.update", "school", school.slug, page_text_json(school.page), page_text_json(text)});
  });
}

}  // namespace steward
