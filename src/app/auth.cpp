#include "app/auth.h"

#include "app/clock.h"
#include "app/crypto.h"
#include "domain/text.h"

namespace steward {

SignedIn login(Store& store, const std::string& email_in, const std::string& password) {
  std::string email = lower(trim(email_in));
  if (store.login_failures_since(email, iso_in_seconds(-kLoginWindowSeconds)) >= kMaxLoginFailures)
    throw Error::too_many("Too many failed sign-in attempts for this account. Wait 15 minutes and try again.");
  auto user = store.user_by_email(email);
  // Hash anyway when the account is unknown, so timing does not reveal which emails exist.
  static const std::string decoy = hash_password(random_token(16));
  bool ok = verify_password(user ? user->password_hash : decoy, password) && user && user->active;
  if (!ok) {
    store.record_login_failure(email, now_iso());
    throw Error::unauthorized("The email address or password is not right");
  }
  store.clear_login_failures(email);
  SignedIn in{*user, {}, random_token()};
  in.session = {sha256_hex(in.token), user->id, random_token(), now_iso(), iso_in_seconds(kSessionSeconds)};
  store.remove_sessions_expired_by(now_iso());
  store.create_session(in.session);
  return in;
}

std::optional<SignedIn> authenticate(Store& store, const std::string& token) {
  if (token.size() != 64) return std::nullopt;
  auto found = store.session(sha256_hex(token));
  if (!found || found->session.expires_at <= now_iso() || !found->user.active) return std::nullopt;
  return SignedIn{found->user, found->session, token};
}

void logout(Store& store, const std::string& token) { store.remove_session(sha256_hex(token)); }

}  // namespace steward
