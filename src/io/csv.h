#pragma once
// RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. Each record keeps
// the line it started on so that errors can name it.
#include <deque>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace steward {

struct CsvRecord {
  int line = 0;
  std::vector<std::string> fields;
};

// One record as views: into the text for most fields, into the parser's own buffers for a
// quoted field holding "" escapes. Valid only during the callback it is handed to.
struct CsvRow {
  int line = 0;
  std::span<const std::string_view> fields;
};

// Throws Error 422 naming the line of an unterminated quoted field or of stray text after a
// closing quote. A UTF-8 byte-order mark is skipped. Blank lines are skipped.
std::vector<CsvRecord> parse_csv(std::string_view text);
// The same, one record at a time and without copying the fields, so that a large file never
// exists twice in memory.
void for_each_csv_row(std::string_view text, const std::function<void(const CsvRow&)>& fn);

// One field, quoted when it needs to be.
std::string csv_field(std::string_view value);
// One record with CRLF line ending, as RFC 4180 writes them.
std::string csv_line(const std::vector<std::string>& fields);

}  // namespace steward
