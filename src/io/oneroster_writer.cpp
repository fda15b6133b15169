#include "io/oneroster_writer.h"

#include <Poco/DateTime.h>
#include <Poco/Exception.h>
#include <Poco/Path.h>
#include <Poco/Zip/Compress.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <sstream>

#include "domain/error.h"
#include "io/csv.h"

namespace steward {
namespace {

// Headers exactly as OneRoster 1.1 (STANDARDS.md), case-sensitive, in this order.
constexpr std::string_view kOrgsHeader = "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId";
constexpr std::string_view kSessionsHeader =
    "sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear";
constexpr std::string_view kCoursesHeader =
    "sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,orgSourcedId,subjects,subjectCodes";
constexpr std::string_view kClassesHeader =
    "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,"
    "termSourcedIds,subjects,subjectCodes,periods";
constexpr std::string_view kUsersHeader =
    "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,"
    "middleName,identifier,email,sms,phone,agentSourcedIds,grades,password";
constexpr std::string_view kEnrollmentsHeader =
    "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate";
constexpr std::string_view kDemographicsHeader =
    "sourcedId,status,dateLastModified,birthDate,sex,americanIndianOrAlaskaNative,asian,blackOrAfricanAmerican,"
    "nativeHawaiianOrOtherPacificIslander,white,demographicRaceTwoOrMoreRaces,hispanicOrLatinoEthnicity,"
    "countryOfBirthCode,stateOfBirthAbbreviation,cityOfBirth,publicSchoolResidenceStatus";

// Every file OneRoster 1.1 defines, in the order the manifest lists them.
constexpr std::string_view kAllFiles[] = {"academicSessions", "categories", "classResources", "classes",
                                          "courseResources",  "courses",    "demographics",   "enrollments",
                                          "lineItems",        "orgs",       "resources",      "results",
                                          "users"};

// One CSV file being built: the header line and the number of data rows.
struct CsvFile {
  explicit CsvFile(std::string_view header) : text(header) { text += "\r\n"; }
  void row(const std::vector<std::string>& fields) {
    text += csv_line(fields);
    ++rows;
  }
  std::string text;
  size_t rows = 0;
};

std::uint64_t fnv1a(std::string_view s) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

std::string hex(std::uint64_t v) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, v >>= 4) out[i] = kDigits[v & 0xf];
  return out;
}

int grade_rank(std::string_view grade) {
  if (grade == "PK") return 0;
  if (grade == "KG") return 1;
  return 2 + std::stoi(std::string(grade));  // "01".."13"
}

std::string join_grades(const std::set<std::string>& grades) {
  std::vector<std::string> sorted(grades.begin(), grades.end());
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return grade_rank(a) < grade_rank(b); });
  std::string out;
  for (const auto& g : sorted) {
    if (!out.empty()) out += ',';
    out += g;
  }
  return out;
}

std::string year_group_title(std::string_view year) {
  if (year == "R") return "Reception";
  if (year == "N1") return "Nursery 1";
  if (year == "N2") return "Nursery 2";
  return "Year " + std::string(year);
}

std::string sex_of(std::string_view gender) {
  if (gender == "M") return "male";
  if (gender == "F") return "female";
  if (gender == "X") return "other";
  if (gender == "U") return "unspecified";
  return "";
}

std::string user_sourced_id(const Pupil& p) { return "stu-" + std::to_string(p.id.value); }

std::string two_digits(int v) { return std::string(1, static_cast<char>('0' + (v / 10) % 10)) + static_cast<char>('0' + v % 10); }

void check_input(const OneRosterInput& in, bool classes_shared) {
  if (in.school_sourced_id.empty()) throw Error::internal("OneRoster export: the school has no sourcedId");
  if (classes_shared && (in.school_year < 1901 || in.school_year > 2999))
    throw Error::internal("OneRoster export: the school year is not set");
  std::vector<std::int64_t> ids;
  ids.reserve(in.pupils.size());
  for (const auto& p : in.pupils) {
    if (p.id.value <= 0) throw Error::internal("OneRoster export: a pupil has no id");
    ids.push_back(p.id.value);
  }
  std::sort(ids.begin(), ids.end());
  if (std::adjacent_find(ids.begin(), ids.end()) != ids.end())
    throw Error::internal("OneRoster export: two pupils share an id");
}

struct Class {
  std::string sourced_id;
  std::string title;
  std::set<std::string> grades;
  std::vector<const Pupil*> pupils;
};

}  // namespace

std::string oneroster_grade(std::string_view y) {
  if (y == "R") return "KG";
  if (y == "N1" || y == "N2") return "PK";
  if (y.empty() || y.size() > 2 || !std::all_of(y.begin(), y.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return "";
  int n = y.size() == 1 ? y[0] - '0' : (y[0] - '0') * 10 + (y[1] - '0');
  if (n < 1 || n > 13) return "";
  return two_digits(n);
}

std::string write_oneroster_zip(const OneRosterInput& in) {
  auto has = [&](ExportField f) { return std::find(in.fields.begin(), in.fields.end(), f) != in.fields.end(); };
  const bool names = has(ExportField::Forename), surnames = has(ExportField::Surname), upn = has(ExportField::Upn);
  const bool year = has(ExportField::Year), reg_group = has(ExportField::RegGroup);
  const bool dob = has(ExportField::DateOfBirth), gender = has(ExportField::Gender);
  const bool classes_shared = year || reg_group;
  check_input(in, classes_shared);
  const std::string& school = in.school_sourced_id;

  std::map<std::string, CsvFile> files;  // name → file (rows may be 0)

  CsvFile& orgs = files.try_emplace("orgs", kOrgsHeader).first->second;
  orgs.row({school, "", "", in.school_name, "school", in.school_identifier, ""});

  CsvFile& users = files.try_emplace("users", kUsersHeader).first->second;
  for (const auto& p : in.pupils) {
    users.row({user_sourced_id(p), "", "", "true", school, "student", "", "",
               names ? p.forename() : "", surnames ? p.surname() : "", "", upn ? p.upn : "", "", "", "", "",
               year ? oneroster_grade(p.year) : "", ""});
  }

  if (classes_shared) {
    const int y = in.school_year;
    const std::string session = school + "-" + std::to_string(y);
    CsvFile& sessions = files.try_emplace("academicSessions", kSessionsHeader).first->second;
    sessions.row({session, "", "", std::to_string(y - 1) + "/" + two_digits(y % 100), "schoolYear",
                  std::to_string(y - 1) + "-09-01", std::to_string(y) + "-08-31", "", std::to_string(y)});

    // One homeroom class per registration group, or per year group when only the year is shared.
    std::map<std::string, Class> classes;
    for (const auto& p : in.pupils) {
      const std::string& key = reg_group ? p.reg_group : p.year;
      if (key.empty()) continue;
      auto [it, added] = classes.try_emplace(key);
      Class& c = it->second;
      if (added) {
        c.sourced_id = school + "-class-" + hex(fnv1a(key));
        c.title = reg_group ? key : year_group_title(key);
      }
      if (year) {
        std::string g = oneroster_grade(p.year);
        if (!g.empty()) c.grades.insert(std::move(g));
      }
      c.pupils.push_back(&p);
    }

    if (!classes.empty()) {
      const std::string course = school + "-registration-" + std::to_string(y);
      CsvFile& courses = files.try_emplace("courses", kCoursesHeader).first->second;
      courses.row({course, "", "", session, "Registration", "REG", "", school, "", ""});
      CsvFile& class_file = files.try_emplace("classes", kClassesHeader).first->second;
      CsvFile& enrollments = files.try_emplace("enrollments", kEnrollmentsHeader).first->second;
      for (const auto& [key, c] : classes) {
        class_file.row({c.sourced_id, "", "", c.title, join_grades(c.grades), course, key, "homeroom", "", school,
                        session, "", "", ""});
        for (const Pupil* p : c.pupils) {
          std::string user = user_sourced_id(*p);
          enrollments.row({c.sourced_id + "-" + user, "", "", c.sourced_id, school, user, "student", "false", "", ""});
        }
      }
    }
  }

  if (dob || gender) {
    CsvFile& demographics = files.try_emplace("demographics", kDemographicsHeader).first->second;
    for (const auto& p : in.pupils) {
      std::string birth = dob && p.date_of_birth ? p.date_of_birth->iso() : "";
      std::string sex = gender ? sex_of(p.gender) : "";
      if (birth.empty() && sex.empty()) continue;
      demographics.row({user_sourced_id(p), "", "", birth, sex, "", "", "", "", "", "", "", "", "", "", ""});
    }
  }

  CsvFile manifest("propertyName,value");
  manifest.row({"manifest.version", "1.0"});
  manifest.row({"oneroster.version", "1.1"});
  for (std::string_view name : kAllFiles) {
    auto it = files.find(std::string(name));
    bool bulk = it != files.end() && it->second.rows > 0;
    manifest.row({"file." + std::string(name), bulk ? "bulk" : "absent"});
  }
  manifest.row({"source.systemName", in.system_name});

  try {
    std::ostringstream out;
    Poco::Zip::Compress zip(out, true);
    const Poco::DateTime now;
    auto add = [&](const std::string& name, const std::string& text) {
      std::istringstream body(text);
      zip.addFile(body, now, Poco::Path(name, Poco::Path::PATH_UNIX), Poco::Zip::ZipCommon::CM_DEFLATE,
                  Poco::Zip::ZipCommon::CL_NORMAL);
    };
    add("manifest.csv", manifest.text);
    for (std::string_view name : kAllFiles) {
      auto it = files.find(std::string(name));
      if (it != files.end() && it->second.rows > 0) add(std::string(name) + ".csv", it->second.text);
    }
    zip.close();
    return std::move(out).str();
  } catch (const Poco::Exception& e) {
    throw Error::internal("could not build the OneRoster zip: " + e.displayText());
  }
}

}  // namespace steward
