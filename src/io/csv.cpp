#include "io/csv.h"

#include "domain/error.h"

namespace steward {
namespace {

class CsvParser {
 public:
  explicit CsvParser(std::string_view text) : text_(text) {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") text_.remove_prefix(3);
  }

  void each(const std::function<void(const CsvRow&)>& fn) {
    while (pos_ < text_.size()) {
      int line = line_;
      read_record();
      bool blank = fields_.size() == 1 && fields_[0].empty();
      if (!blank) fn(CsvRow{line, fields_});
    }
  }

 private:
  // Fills fields_, reusing its storage and the unescaping buffers from the record before.
  void read_record() {
    int record_line = line_;
    fields_.clear();
    unescaped_used_ = 0;
    while (true) {
      fields_.push_back(read_field(record_line));
      if (pos_ >= text_.size()) break;
      char c = text_[pos_++];
      if (c == ',') continue;
      if (c == '\r' && pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
      ++line_;
      break;
    }
  }

  static bool ends_field(char c) { return c == ',' || c == '\n' || c == '\r'; }

  std::string_view read_field(int record_line) {
    if (pos_ < text_.size() && text_[pos_] == '"') return read_quoted(record_line);
    size_t start = pos_;
    while (pos_ < text_.size() && !ends_field(text_[pos_])) ++pos_;
    return text_.substr(start, pos_ - start);
  }

  // A view into the text between the quotes, unless the field holds "" escapes: then a view of
  // one of the parser's buffers, which stays put until the next record.
  std::string_view read_quoted(int record_line) {
    int start_line = line_;
    size_t start = ++pos_;
    std::string* unescaped = nullptr;
    while (true) {
      if (pos_ >= text_.size())
        throw Error::invalid("line " + std::to_string(start_line), "a quoted field is never closed (record starting on line " +
                                                                      std::to_string(record_line) + ")");
      char c = text_[pos_++];
      if (c == '"') {
        if (pos_ < text_.size() && text_[pos_] == '"') {
          if (unescaped)
            *unescaped += '"';
          else  // the field so far, with this quote
            unescaped = &next_buffer().assign(text_.substr(start, pos_ - start));
          ++pos_;
          continue;
        }
        break;
      }
      if (c == '\n') ++line_;
      if (unescaped) *unescaped += c;
    }
    if (pos_ < text_.size() && !ends_field(text_[pos_]))
      throw Error::invalid("line " + std::to_string(line_), "unexpected text after a closing quote");
    if (unescaped) return *unescaped;
    return text_.substr(start, pos_ - 1 - start);
  }

  std::string& next_buffer() {
    if (unescaped_used_ == unescaped_.size()) unescaped_.emplace_back();
    return unescaped_[unescaped_used_++];
  }

  std::string_view text_;
  size_t pos_ = 0;
  int line_ = 1;
  std::vector<std::string_view> fields_;
  std::deque<std::string> unescaped_;  // a deque: growing it leaves the earlier buffers where they are
  size_t unescaped_used_ = 0;
};

}  // namespace

std::vector<CsvRecord> parse_csv(std::string_view text) {
  std::vector<CsvRecord> out;
  CsvParser(text).each([&](const CsvRow& r) { out.push_back({r.line, {r.fields.begin(), r.fields.end()}}); });
  return out;
}

void for_each_csv_row(std::string_view text, const std::function<void(const CsvRow&)>& fn) { CsvParser(text).each(fn); }

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
