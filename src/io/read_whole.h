#pragma once
// A whole stream as one string: a file given on the command line, an upload.
#include <istream>
#include <string>

namespace steward {

// Sized once when the stream can say how long it is (a file), else read as it comes.
std::string read_whole(std::istream& in);

}  // namespace steward
