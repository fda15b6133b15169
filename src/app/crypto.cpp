#include "app/crypto.h"

#include <Poco/Crypto/Crypto.h>
#include <Poco/Crypto/DigestEngine.h>
#include <sodium.h>

#include <vector>

#include "domain/error.h"

namespace steward {
namespace {

void ensure_sodium() {
  static const int ready = sodium_init();
  if (ready < 0) throw Error::internal("libsodium could not be initialised");
}

std::string to_hex(const unsigned char* data, size_t size) {
  std::string out(size * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), data, size);
  out.pop_back();
  return out;
}

}  // namespace

std::string hash_password(std::string_view password) {
  ensure_sodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw Error::internal("Out of memory while hashing a password");
  return out;
}

bool verify_password(std::string_view encoded_hash, std::string_view password) {
  ensure_sodium();
  std::string hash(encoded_hash);  // needs a NUL-terminated copy
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string random_token(size_t bytes) {
  ensure_sodium();
  std::vector<unsigned char> buf(bytes);
  randombytes_buf(buf.data(), buf.size());
  return to_hex(buf.data(), buf.size());
}

// OpenSSL's SHA-256, through Poco: it uses the processor's SHA instructions, four times faster
// than libsodium's portable code on a whole export file.
std::string sha256_hex(std::string_view data) {
  // Poco sets OpenSSL up when its first engine is made and tears it down when the last one goes;
  // two threads doing that at once corrupt its state, and a server crashed under 32 signed-in
  // requests at a time. Initialised once and never torn down, the count never returns to zero.
  static const bool openssl_ready = (Poco::Crypto::initializeCrypto(), true);
  (void)openssl_ready;
  // One engine per thread, reset for each hash: making one per call cost every signed-in
  // request (its token is hashed) a round of large allocations.
  thread_local Poco::Crypto::DigestEngine engine("SHA256");
  engine.reset();
  engine.update(data.data(), data.size());
  return Poco::Crypto::DigestEngine::digestToHex(engine.digest());
}

bool constant_time_equal(std::string_view a, std::string_view b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace steward
