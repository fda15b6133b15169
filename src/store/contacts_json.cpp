#include "store/contacts_json.h"

#include <cstdio>

#include "domain/error.h"

namespace steward {
namespace {

bool needs_escape(char c) { return c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20; }

void append_escape(std::string& out, char c) {
  switch (c) {
    case '"': out += "\\\""; return;
    case '\\': out += "\\\\"; return;
    case '\n': out += "\\n"; return;
    case '\r': out += "\\r"; return;
    case '\t': out += "\\t"; return;
    default: {
      char escaped[7];
      std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
      out += escaped;
    }
  }
}

// Runs of plain characters are appended whole: names and emails rarely hold anything to escape.
void append_string(std::string& out, std::string_view s) {
  out += '"';
  std::size_t run = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (!needs_escape(s[i])) continue;
    out.append(s.substr(run, i - run));
    append_escape(out, s[i]);
    run = i + 1;
  }
  out.append(s.substr(run));
  out += '"';
}

void append_member(std::string& out, bool& first, std::string_view key, std::string_view value) {
  if (value.empty()) return;
  out += first ? "\"" : ",\"";
  first = false;
  out.append(key).append("\":");
  append_string(out, value);
}

void append_utf8(std::string& out, unsigned code) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

// A reader for the one shape the column holds; anything else is a damaged row.
class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  void contacts(std::vector<Contact>& out) {
    out.clear();
    expect('[');
    if (peek() == ']') {
      ++pos_;
      return finish();
    }
    do {
      out.push_back(contact(static_cast<int>(out.size()) + 1));
    } while (comma_or(']'));
    finish();
  }

 private:
  Contact contact(int order) {
    Contact c;
    c.order = order;
    expect('{');
    if (peek() == '}') {
      ++pos_;
      return c;
    }
    do {
      std::string key;
      string_into(key);
      expect(':');
      member(key, c);
    } while (comma_or('}'));
    return c;
  }

  void member(std::string_view key, Contact& c) {
    if (key == "title") return string_into(c.title);
    if (key == "forename") return string_into(c.forename);
    if (key == "surname") return string_into(c.surname);
    if (key == "relationship") return string_into(c.relationship);
    if (key == "email") return string_into(c.email);
    if (key == "address") return string_into(c.address);
    if (key == "responsibility") {
      c.parental_responsibility = boolean();
      return;
    }
    if (key == "phones") return strings_into(c.phones);
    skip_value();
  }

  void strings_into(std::vector<std::string>& out) {
    expect('[');
    if (peek() == ']') {
      ++pos_;
      return;
    }
    do string_into(out.emplace_back());
    while (comma_or(']'));
  }

  bool boolean() {
    skip_space();
    if (text_.substr(pos_, 4) == "true") {
      pos_ += 4;
      return true;
    }
    if (text_.substr(pos_, 5) == "false") {
      pos_ += 5;
      return false;
    }
    fail("true or false");
  }

  void string_into(std::string& out) {
    out.clear();
    expect('"');
    while (true) {
      if (pos_ >= text_.size()) fail("a closing quote");
      char c = text_[pos_++];
      if (c == '"') return;
      if (c != '\\') {
        out += c;
        continue;
      }
      if (pos_ >= text_.size()) fail("an escape");
      char e = text_[pos_++];
      switch (e) {
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'u': append_utf8(out, code_point()); break;
        default: out += e;  // \" \\ \/
      }
    }
  }

  unsigned code_point() {
    unsigned code = hex4();
    // A character beyond the Basic Multilingual Plane is written as a surrogate pair.
    if (code >= 0xD800 && code < 0xDC00 && text_.substr(pos_, 2) == "\\u") {
      pos_ += 2;
      unsigned low = hex4();
      code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
    }
    return code;
  }

  unsigned hex4() {
    if (pos_ + 4 > text_.size()) fail("four hex digits");
    unsigned code = 0;
    for (int i = 0; i < 4; ++i) {
      char h = text_[pos_++];
      code <<= 4;
      if (h >= '0' && h <= '9') code |= static_cast<unsigned>(h - '0');
      else if (h >= 'a' && h <= 'f') code |= static_cast<unsigned>(h - 'a' + 10);
      else if (h >= 'A' && h <= 'F') code |= static_cast<unsigned>(h - 'A' + 10);
      else fail("a hex digit");
    }
    return code;
  }

  // A value under a key this version does not know: passed over whole.
  void skip_value() {
    char c = peek();
    if (c == '"') {
      std::string ignored;
      return string_into(ignored);
    }
    if (c == '[' || c == '{') {
      char close = c == '[' ? ']' : '}';
      ++pos_;
      if (peek() == close) {
        ++pos_;
        return;
      }
      do {
        if (close == '}') {
          std::string key;
          string_into(key);
          expect(':');
        }
        skip_value();
      } while (comma_or(close));
      return;
    }
    std::size_t start = pos_;
    while (pos_ < text_.size() && std::string_view(",]} \t\r\n").find(text_[pos_]) == std::string_view::npos) ++pos_;
    if (pos_ == start) fail("a value");
  }

  bool comma_or(char close) {
    char c = peek();
    ++pos_;
    if (c == ',') return true;
    if (c == close) return false;
    --pos_;
    fail(std::string("',' or '") + close + "'");
  }

  void expect(char c) {
    if (peek() != c) fail(std::string("'") + c + "'");
    ++pos_;
  }

  void finish() {
    skip_space();
    if (pos_ != text_.size()) fail("the end of the text");
  }

  char peek() {
    skip_space();
    return pos_ < text_.size() ? text_[pos_] : '\0';
  }

  void skip_space() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\n' || text_[pos_] == '\r' || text_[pos_] == '\t'))
      ++pos_;
  }

  [[noreturn]] void fail(const std::string& wanted) {
    throw Error::internal("A pupil's stored contacts are damaged: expected " + wanted + " at character " +
                          std::to_string(pos_ + 1) + " of their JSON");
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

}  // namespace

void append_contacts_json(std::string& out, const std::vector<Contact>& contacts) {
  out += '[';
  for (std::size_t i = 0; i < contacts.size(); ++i) {
    const Contact& c = contacts[i];
    out += i ? ",{" : "{";
    bool first = true;
    append_member(out, first, "title", c.title);
    append_member(out, first, "forename", c.forename);
    append_member(out, first, "surname", c.surname);
    append_member(out, first, "relationship", c.relationship);
    if (c.parental_responsibility) {
      out += first ? "\"responsibility\":true" : ",\"responsibility\":true";
      first = false;
    }
    append_member(out, first, "email", c.email);
    if (!c.phones.empty()) {
      out += first ? "\"phones\":[" : ",\"phones\":[";
      first = false;
      for (std::size_t p = 0; p < c.phones.size(); ++p) {
        if (p) out += ',';
        append_string(out, c.phones[p]);
      }
      out += ']';
    }
    append_member(out, first, "address", c.address);
    out += '}';
  }
  out += ']';
}

std::string contacts_json(const std::vector<Contact>& contacts) {
  std::string out;
  append_contacts_json(out, contacts);
  return out;
}

void read_contacts_json(std::string_view json, std::vector<Contact>& contacts) { Reader(json).contacts(contacts); }

std::vector<Contact> contacts_from_json(std::string_view json) {
  std::vector<Contact> contacts;
  read_contacts_json(json, contacts);
  return contacts;
}

}  // namespace steward
