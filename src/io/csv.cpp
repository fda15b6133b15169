#include "io/csv.h"

#include "domain/error.h"

namespace steward {
namespace {

class CsvParser {
 public:
  explicit CsvParser(std::string_view text) : text_(text) {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") text_.remove_prefix(3);
  }

  void each(const std::function<void(CsvRecord&&)>& fn) {
    while (pos_ < text_.size()) {
      CsvRecord record = read_record();
      bool blank = record.fields.size() == 1 && record.fields[0].empty();
      if (!blank) fn(std::move(record));
    }
  }

 private:
  CsvRecord read_record() {
    CsvRecord record;
    record.line = line_;
    while (true) {
      record.fields.push_back(read_field(record.line));
      if (pos_ >= text_.size()) break;
      char c = text_[pos_++];
      if (c == ',') continue;
      if (c == '\r' && pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
      ++line_;
      break;
    }
    return record;
  }

  std::string read_field(int record_line) {
    std::string field;
    if (pos_ < text_.size() && text_[pos_] == '"') return read_quoted(record_line);
    while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n' && text_[pos_] != '\r')
      field += text_[pos_++];
    return field;
  }

  std::string read_quoted(int record_line) {
    int start_line = line_;
    std::string field;
    ++pos_;
    while (true) {
      if (pos_ >= text_.size())
        throw Error::invalid("line " + std::to_string(start_line), "a quoted field is never closed (record starting on line " +
                                                                      std::to_string(record_line) + ")");
      char c = text_[pos_++];
      if (c == '"') {
        if (pos_ < text_.size() && text_[pos_] == '"') {
          field += '"';
          ++pos_;
          continue;
        }
        break;
      }
      if (c == '\n') ++line_;
      field += c;
    }
    if (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n' && text_[pos_] != '\r')
      throw Error::invalid("line " + std::to_string(line_), "unexpected text after a closing quote");
    return field;
  }

  std::string_view text_;
  size_t pos_ = 0;
  int line_ = 1;
};

}  // namespace

std::vector<CsvRecord> parse_csv(std::string_view text) {
  std::vector<CsvRecord> out;
  CsvParser(text).each([&](CsvRecord&& r) { out.push_back(std::move(r)); });
  return out;
}

void for_each_csv_record(std::string_view text, const std::function<void(CsvRecord&&)>& fn) { CsvParser(text).each(fn); }

std::string csv_field(std::string_view value) {
  bool quote = value.find_first_of(",\"\r\n") != std::string_view::npos ||
               (!value.empty() && (value.front() == ' ' || value.back() == ' '));
  if (!quote) return std::string(value);
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

std::string csv_line(const std::vector<std::string>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    out += csv_field(fields[i]);
  }
  return out + "\r\n";
}

}  // namespace steward
