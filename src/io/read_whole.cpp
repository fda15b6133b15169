#include "io/read_whole.h"

#include <sstream>

namespace steward {

std::string read_whole(std::istream& in) {
  std::string text;
  auto start = in.tellg();
  if (start != std::istream::pos_type(-1) && in.seekg(0, std::ios::end)) {
    auto end = in.tellg();
    in.seekg(start);
    if (end != std::istream::pos_type(-1) && end >= start) {
      text.resize(static_cast<std::size_t>(end - start));
      in.read(text.data(), static_cast<std::streamsize>(text.size()));
      text.resize(static_cast<std::size_t>(in.gcount()));
      return text;
    }
  }
  in.clear();
  std::ostringstream whole;
  whole << in.rdbuf();
  return std::move(whole).str();
}

}  // namespace steward
