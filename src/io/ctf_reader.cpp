#include "io/ctf_reader.h"

#include <Poco/Exception.h>
#include <Poco/SAX/Attributes.h>
#include <Poco/SAX/DefaultHandler.h>
#include <Poco/SAX/InputSource.h>
#include <Poco/SAX/LexicalHandler.h>
#include <Poco/SAX/Locator.h>
#include <Poco/SAX/SAXException.h>
#include <Poco/SAX/SAXParser.h>

#include <array>
#include <optional>

#include "domain/error.h"
#include "domain/text.h"
#include "io/ctf_pupil_builder.h"

namespace steward {
namespace {

using Poco::XML::XMLChar;
using Poco::XML::XMLString;

constexpr std::string_view kRoot = "CTfile";
constexpr std::string_view kPupil = "CTfile/CTFpupilData/Pupil";
// Real CTFs nest about eight deep and no value is near this long; anything beyond is a broken
// or hostile file, and stopping there keeps memory bounded.
constexpr size_t kMaxDepth = 64;
constexpr size_t kMaxText = 1000;
constexpr size_t kMaxNameShown = 40;

struct HeaderField {
  std::string_view path;
  std::string CtfHeader::*member;
};

constexpr std::array<HeaderField, 6> kHeaderFields = {{
    {"CTfile/Header/CTFversion", &CtfHeader::version},
    {"CTfile/Header/DocumentQualifier", &CtfHeader::document_qualifier},
    {"CTfile/Header/SourceSchool/LEA", &CtfHeader::source_lea},
    {"CTfile/Header/SourceSchool/Estab", &CtfHeader::source_estab},
    {"CTfile/Header/SourceSchool/SchoolName", &CtfHeader::school_name},
    {"CTfile/Header/SourceSchool/AcademicYear", &CtfHeader::academic_year},
}};

const HeaderField* header_field(std::string_view path) {
  for (const auto& f : kHeaderFields)
    if (f.path == path) return &f;
  return nullptr;
}

Error at_line(int line, const std::string& message) { return Error::invalid("line " + std::to_string(line), message); }

// Expat's terse reasons, in words that say what to do about them.
std::string plain_reason(const std::string& reason) {
  if (reason == "Tag mismatch") return "a closing tag does not match the tag it should close";
  if (reason == "Unclosed token" || reason == "No element found" || reason == "Unclosed CDATA section")
    return "the file ends too early: it may be empty or have been cut short while copying";
  if (reason == "Invalid token" || reason == "Syntax error")
    return "there is text that XML does not allow here, such as a stray '<' or '&'";
  if (reason == "Undefined entity") return "an entity such as '&nbsp;' that XML does not know";
  if (reason == "Junk after document element") return "there is more after the closing </CTfile> tag";
  return lower(reason);
}

Error not_well_formed(const Poco::XML::SAXParseException& e) {
  // Poco appends " in line L column C" to the reason; keep only the reason.
  std::string reason = e.message();
  if (auto cut = reason.rfind(" in "); cut != std::string::npos) reason.resize(cut);
  return at_line(e.getLineNumber(), "the file is not well-formed XML, so it cannot be a Common Transfer File: " +
                                        plain_reason(reason) + " (column " + std::to_string(e.getColumnNumber()) + ")");
}

// Receives the parser's events, keeps only the path of open elements and the text of the
// element being read, and hands each finished pupil on.
class CtfHandler : public Poco::XML::DefaultHandler, public Poco::XML::LexicalHandler {
 public:
  CtfHandler(const std::function<void(Pupil&&, int)>& on_pupil, std::vector<ImportProblem>& problems)
      : on_pupil_(on_pupil), problems_(problems) {}

  const CtfHeader& header() const { return header_; }
  // True when the exception that stopped the parse came from on_pupil, not from the file.
  bool caller_threw() const { return caller_threw_; }

  void setDocumentLocator(const Poco::XML::Locator* locator) override { locator_ = locator; }

  void startElement(const XMLString&, const XMLString& local_name, const XMLString& qname,
                    const Poco::XML::Attributes&) override {
    const XMLString& name = local_name.empty() ? qname : local_name;
    int line = current_line();
    if (marks_.empty() && name != kRoot)
      throw at_line(line, "this is not a Common Transfer File: it starts with <" + name.substr(0, kMaxNameShown) +
                              "> where a CTF starts with <CTfile>");
    if (marks_.size() >= kMaxDepth)
      throw at_line(line, "elements are nested more than " + std::to_string(kMaxDepth) + " deep, which no CTF does");
    push(name);
    if (path_ == kPupil) {
      pupil_.emplace(line, problems_);
    } else if (pupil_) {
      pupil_->start(relative_path());
      if (CtfPupilBuilder::wants_text(relative_path())) capture(line);
    } else if (header_field(path_)) {
      capture(line);
    }
  }

  void endElement(const XMLString&, const XMLString&, const XMLString&) override {
    if (capturing_ && capture_depth_ == marks_.size()) {
      deliver_text();
    } else if (pupil_ && path_ == kPupil) {
      int line = pupil_->line();
      Pupil pupil = pupil_->finish();
      pupil_.reset();
      hand_over(std::move(pupil), line);
    } else if (pupil_) {
      pupil_->end(relative_path());
    }
    pop();
  }

  // Text can arrive in several pieces (around entities such as &amp;, at buffer edges).
  void characters(const XMLChar ch[], int start, int length) override {
    if (!capturing_ || capture_depth_ != marks_.size()) return;
    if (text_.size() + static_cast<size_t>(length) > kMaxText) {
      text_too_long_ = true;
      return;
    }
    text_.append(ch + start, static_cast<size_t>(length));
  }

  void startDTD(const XMLString&, const XMLString&, const XMLString&) override {
    throw at_line(current_line(),
                  "the file has a document type declaration (<!DOCTYPE>), which a Common Transfer File never "
                  "has, so it was not read");
  }
  void endDTD() override {}
  void startEntity(const XMLString&) override {}
  void endEntity(const XMLString&) override {}
  void startCDATA() override {}
  void endCDATA() override {}
  void comment(const XMLChar[], int, int) override {}

 private:
  void hand_over(Pupil&& pupil, int line) {
    try {
      on_pupil_(std::move(pupil), line);
    } catch (...) {
      caller_threw_ = true;
      throw;
    }
  }

  int current_line() const { return locator_ ? locator_->getLineNumber() : 0; }

  void push(const std::string& name) {
    marks_.push_back(path_.size());
    if (!path_.empty()) path_ += '/';
    path_ += name;
  }

  void pop() {
    path_.resize(marks_.back());
    marks_.pop_back();
  }

  // The path below <Pupil>: "BasicDetails/NCyearActual". Only called inside a pupil.
  std::string_view relative_path() const { return std::string_view(path_).substr(kPupil.size() + 1); }

  void capture(int line) {
    capturing_ = true;
    capture_depth_ = marks_.size();
    capture_line_ = line;
    text_.clear();
    text_too_long_ = false;
  }

  void deliver_text() {
    capturing_ = false;
    std::string_view value = trim(text_);
    if (pupil_ && text_too_long_) {
      pupil_->too_long(relative_path(), capture_line_, kMaxText);
    } else if (pupil_) {
      pupil_->text(relative_path(), value, capture_line_);
    } else if (const HeaderField* field = header_field(path_); field && !text_too_long_) {
      header_.*(field->member) = value;
    }
  }

  const std::function<void(Pupil&&, int)>& on_pupil_;
  std::vector<ImportProblem>& problems_;
  const Poco::XML::Locator* locator_ = nullptr;
  CtfHeader header_;
  std::string path_;           // "CTfile/CTFpupilData/Pupil/BasicDetails"
  std::vector<size_t> marks_;  // the length of path_ before each open element was added
  std::optional<CtfPupilBuilder> pupil_;
  bool capturing_ = false;
  size_t capture_depth_ = 0;
  int capture_line_ = 0;
  std::string text_;
  bool text_too_long_ = false;
  bool caller_threw_ = false;
};

}  // namespace

CtfHeader read_ctf(std::istream& in, const std::function<void(Pupil&&, int line)>& on_pupil,
                   std::vector<ImportProblem>& problems) {
  CtfHandler handler(on_pupil, problems);
  Poco::XML::SAXParser parser;
  // Never fetch anything a file points to: a CTF is self-contained.
  parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_GENERAL_ENTITIES, false);
  parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_PARAMETER_ENTITIES, false);
  parser.setContentHandler(&handler);
  parser.setProperty(Poco::XML::XMLReader::PROPERTY_LEXICAL_HANDLER, static_cast<Poco::XML::LexicalHandler*>(&handler));
  Poco::XML::InputSource source(in);
  try {
    parser.parse(&source);
  } catch (const Poco::XML::SAXParseException& e) {
    if (handler.caller_threw()) throw;
    throw not_well_formed(e);
  } catch (const Poco::Exception& e) {
    if (handler.caller_threw()) throw;
    throw Error::invalid("file", "the file could not be read as XML: " + e.message());
  }
  return handler.header();
}

}  // namespace steward
