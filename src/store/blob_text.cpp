#include "store/blob_text.h"

#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>

#include <sstream>

namespace steward {

std::string to_base64(std::string_view bytes) {
  std::ostringstream out;
  Poco::Base64Encoder encoder(out);
  encoder.rdbuf()->setLineLength(0);
  encoder.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  encoder.close();
  return out.str();
}

std::string from_base64(std::string_view text) {
  std::istringstream in{std::string(text)};
  Poco::Base64Decoder decoder(in);
  return std::string(std::istreambuf_iterator<char>(decoder), std::istreambuf_iterator<char>());
}

}  // namespace steward
