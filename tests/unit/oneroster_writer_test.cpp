#include <Poco/StreamCopier.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>
#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "domain/error.h"
#include "io/csv.h"
#include "io/oneroster_writer.h"

namespace steward {
namespace {

using F = ExportField;

// Every entry of the zip: name → contents.
std::map<std::string, std::string> unzip(const std::string& bytes) {
  std::istringstream in(bytes);
  Poco::Zip::ZipArchive archive(in);
  std::map<std::string, std::string> files;
  for (auto it = archive.headerBegin(); it != archive.headerEnd(); ++it) {
    in.clear();
    Poco::Zip::ZipInputStream entry(in, it->second);
    std::string text;
    Poco::StreamCopier::copyToString(entry, text);
    EXPECT_TRUE(entry.crcValid()) << it->first;
    files[it->first] = text;
  }
  return files;
}

std::string first_line(const std::string& text) { return text.substr(0, text.find("\r\n")); }

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find("\r\n", start);
    EXPECT_NE(end, std::string::npos) << "every line ends in CRLF";
    if (end == std::string::npos) break;
    out.push_back(text.substr(start, end - start));
    start = end + 2;
  }
  return out;
}

Pupil pupil(std::int64_t id, std::string upn, std::string forename, std::string surname, std::string year,
            std::string reg_group, std::string gender, Date dob) {
  Pupil p;
  p.id = PupilId{id};
  p.upn = std::move(upn);
  p.legal_forename = std::move(forename);
  p.legal_surname = std::move(surname);
  p.year = std::move(year);
  p.reg_group = std::move(reg_group);
  p.gender = std::move(gender);
  p.date_of_birth = dob;
  p.sen = "N";
  p.address = "1 Church Lane, Crook";
  return p;
}

OneRosterInput input(std::vector<ExportField> fields) {
  OneRosterInput in;
  in.school_sourced_id = "crook-primary";
  in.school_name = "Crook Primary School";
  in.school_identifier = "114123";
  in.school_year = 2026;
  in.fields = std::move(fields);
  in.pupils = {pupil(11, "B801200005001", "Amelia", "Jones", "R", "RA", "F", Date{2020, 10, 2}),
               pupil(12, "R674123101121", "Ben", "O'Neil", "3", "3B", "M", Date{2017, 4, 30}),
               pupil(13, "Z82012342500A", "Cara", "Smith", "4", "3B", "X", Date{2016, 12, 1})};
  in.pupils[2].preferred_forename = "Cee";
  return in;
}

const std::vector<ExportField> kAllButUpn = {F::Forename, F::Surname, F::DateOfBirth, F::Gender, F::Year,
                                             F::RegGroup, F::Sen,     F::Fsm,         F::PupilPremium,
                                             F::ContactNames, F::ContactEmails, F::ContactPhones, F::Address};

TEST(OneRosterWriter, FullNameOnlyGivesOrgsUsersAndAManifestListingEveryFile) {
  auto files = unzip(write_oneroster_zip(input({F::Forename, F::Surname})));
  std::vector<std::string> names;
  for (const auto& [name, text] : files) names.push_back(name);
  EXPECT_EQ(names, (std::vector<std::string>{"manifest.csv", "orgs.csv", "users.csv"}));
  EXPECT_EQ(files["manifest.csv"],
            "propertyName,value\r\n"
            "manifest.version,1.0\r\n"
            "oneroster.version,1.1\r\n"
            "file.academicSessions,absent\r\n"
            "file.categories,absent\r\n"
            "file.classResources,absent\r\n"
            "file.classes,absent\r\n"
            "file.courseResources,absent\r\n"
            "file.courses,absent\r\n"
            "file.demographics,absent\r\n"
            "file.enrollments,absent\r\n"
            "file.lineItems,absent\r\n"
            "file.orgs,bulk\r\n"
            "file.resources,absent\r\n"
            "file.results,absent\r\n"
            "file.users,bulk\r\n"
            "source.systemName,Steward\r\n");
  EXPECT_EQ(files["orgs.csv"],
            "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\r\n"
            "crook-primary,,,Crook Primary School,school,114123,\r\n");
  EXPECT_EQ(lines(files["users.csv"]),
            (std::vector<std::string>{
                "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,"
                "familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password",
                "stu-11,,,true,crook-primary,student,,,Amelia,Jones,,,,,,,,",
                "stu-12,,,true,crook-primary,student,,,Ben,O'Neil,,,,,,,,",
                "stu-13,,,true,crook-primary,student,,,Cee,Smith,,,,,,,,"}));
}

TEST(OneRosterWriter, NoFolderEntriesAndEveryFileIsCrlfCsv) {
  auto files = unzip(write_oneroster_zip(input(kAllButUpn)));
  for (const auto& [name, text] : files) {
    EXPECT_EQ(name.find('/'), std::string::npos) << name;
    EXPECT_TRUE(name.ends_with(".csv")) << name;
    EXPECT_TRUE(text.ends_with("\r\n")) << name;
    EXPECT_NO_THROW(parse_csv(text)) << name;
  }
}

TEST(OneRosterWriter, HeaderLinesAreExact) {
  auto files = unzip(write_oneroster_zip(input(kAllButUpn)));
  ASSERT_EQ(files.size(), 8u);
  EXPECT_EQ(first_line(files["orgs.csv"]), "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId");
  EXPECT_EQ(first_line(files["academicSessions.csv"]),
            "sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear");
  EXPECT_EQ(first_line(files["courses.csv"]),
            "sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,orgSourcedId,subjects,"
            "subjectCodes");
  EXPECT_EQ(first_line(files["classes.csv"]),
            "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,"
            "schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods");
  EXPECT_EQ(first_line(files["users.csv"]),
            "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,"
            "middleName,identifier,email,sms,phone,agentSourcedIds,grades,password");
  EXPECT_EQ(first_line(files["enrollments.csv"]),
            "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,"
            "endDate");
  EXPECT_EQ(first_line(files["demographics.csv"]),
            "sourcedId,status,dateLastModified,birthDate,sex,americanIndianOrAlaskaNative,asian,"
            "blackOrAfricanAmerican,nativeHawaiianOrOtherPacificIslander,white,demographicRaceTwoOrMoreRaces,"
            "hispanicOrLatinoEthnicity,countryOfBirthCode,stateOfBirthAbbreviation,cityOfBirth,"
            "publicSchoolResidenceStatus");
}

TEST(OneRosterWriter, DemographicsAbsentWhenNeitherBirthDateNorGenderIsShared) {
  auto files = unzip(write_oneroster_zip(input({F::Forename, F::Surname, F::Year, F::RegGroup, F::Sen})));
  EXPECT_FALSE(files.contains("demographics.csv"));
  EXPECT_NE(files["manifest.csv"].find("file.demographics,absent\r\n"), std::string::npos);
}

TEST(OneRosterWriter, DemographicsFillOnlyTheSharedColumns) {
  auto gender_only = unzip(write_oneroster_zip(input({F::Gender})));
  EXPECT_NE(gender_only["manifest.csv"].find("file.demographics,bulk\r\n"), std::string::npos);
  auto rows = lines(gender_only["demographics.csv"]);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1], "stu-11,,,,female,,,,,,,,,,,");
  EXPECT_EQ(rows[2], "stu-12,,,,male,,,,,,,,,,,");
  EXPECT_EQ(rows[3], "stu-13,,,,other,,,,,,,,,,,");

  auto dob_only = unzip(write_oneroster_zip(input({F::DateOfBirth})));
  rows = lines(dob_only["demographics.csv"]);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1], "stu-11,,,2020-10-02,,,,,,,,,,,,");
  EXPECT_EQ(rows[3], "stu-13,,,2016-12-01,,,,,,,,,,,,");

  auto both = unzip(write_oneroster_zip(input({F::DateOfBirth, F::Gender})));
  EXPECT_EQ(lines(both["demographics.csv"])[2], "stu-12,,,2017-04-30,male,,,,,,,,,,,");
}

TEST(OneRosterWriter, UnknownGenderIsUnspecified) {
  OneRosterInput in = input({F::Gender});
  in.pupils[0].gender = "U";
  EXPECT_EQ(lines(unzip(write_oneroster_zip(in))["demographics.csv"])[1], "stu-11,,,,unspecified,,,,,,,,,,,");
}

TEST(OneRosterWriter, ClassesAndEnrollmentsOnlyWhenClassIsShared) {
  auto without = unzip(write_oneroster_zip(input({F::Forename, F::Surname, F::DateOfBirth})));
  EXPECT_FALSE(without.contains("classes.csv"));
  EXPECT_FALSE(without.contains("enrollments.csv"));
  EXPECT_FALSE(without.contains("academicSessions.csv"));
  EXPECT_FALSE(without.contains("courses.csv"));
  EXPECT_NE(without["manifest.csv"].find("file.classes,absent\r\nfile.courseResources,absent\r\nfile.courses,absent"),
            std::string::npos);

  auto with = unzip(write_oneroster_zip(input({F::Year, F::RegGroup})));
  const std::string& manifest = with["manifest.csv"];
  for (std::string name : {"academicSessions", "classes", "courses", "enrollments", "orgs", "users"})
    EXPECT_NE(manifest.find("file." + name + ",bulk\r\n"), std::string::npos) << name;

  EXPECT_EQ(lines(with["academicSessions.csv"])[1],
            "crook-primary-2026,,,2025/26,schoolYear,2025-09-01,2026-08-31,,2026");
  EXPECT_EQ(lines(with["courses.csv"])[1],
            "crook-primary-registration-2026,,,crook-primary-2026,Registration,REG,,crook-primary,,");

  auto classes = parse_csv(with["classes.csv"]);
  ASSERT_EQ(classes.size(), 3u);  // header, 3B, RA
  const auto& c3b = classes[1].fields;
  ASSERT_EQ(c3b.size(), 14u);
  EXPECT_EQ(c3b[3], "3B");                  // title
  EXPECT_EQ(c3b[4], "03,04");               // grades of a mixed-year class
  EXPECT_EQ(c3b[5], "crook-primary-registration-2026");
  EXPECT_EQ(c3b[6], "3B");                  // classCode
  EXPECT_EQ(c3b[7], "homeroom");
  EXPECT_EQ(c3b[9], "crook-primary");
  EXPECT_EQ(c3b[10], "crook-primary-2026");  // termSourcedIds
  EXPECT_EQ(classes[2].fields[3], "RA");
  EXPECT_EQ(classes[2].fields[4], "KG");

  auto enrollments = parse_csv(with["enrollments.csv"]);
  ASSERT_EQ(enrollments.size(), 4u);
  std::map<std::string, std::string> class_of;  // user → class
  for (size_t i = 1; i < enrollments.size(); ++i) {
    const auto& e = enrollments[i].fields;
    ASSERT_EQ(e.size(), 10u);
    EXPECT_EQ(e[4], "crook-primary");
    EXPECT_EQ(e[6], "student");
    EXPECT_EQ(e[7], "false");
    class_of[e[5]] = e[3];
  }
  EXPECT_EQ(class_of["stu-11"], classes[2].fields[0]);
  EXPECT_EQ(class_of["stu-12"], classes[1].fields[0]);
  EXPECT_EQ(class_of["stu-13"], classes[1].fields[0]);

  auto users = parse_csv(with["users.csv"]);
  EXPECT_EQ(users[1].fields[16], "KG");
  EXPECT_EQ(users[2].fields[16], "03");
}

TEST(OneRosterWriter, UsersHaveNoNamesWhenFullNameIsNotShared) {
  auto files = unzip(write_oneroster_zip(input({F::Year, F::RegGroup, F::DateOfBirth})));
  auto users = parse_csv(files["users.csv"]);
  ASSERT_EQ(users.size(), 4u);
  for (size_t i = 1; i < users.size(); ++i) {
    EXPECT_EQ(users[i].fields[8], "");   // givenName
    EXPECT_EQ(users[i].fields[9], "");   // familyName
    EXPECT_EQ(users[i].fields[11], "");  // identifier
  }
  for (const auto& [name, text] : files) {
    EXPECT_EQ(text.find("Amelia"), std::string::npos) << name;
    EXPECT_EQ(text.find("Jones"), std::string::npos) << name;
  }
}

TEST(OneRosterWriter, UpnNeverAppearsUnlessShared) {
  OneRosterInput in = input(kAllButUpn);
  std::string zip = write_oneroster_zip(in);
  auto files = unzip(zip);
  for (const auto& p : in.pupils) {
    std::string digits = p.upn.substr(1, 11);
    EXPECT_EQ(zip.find(digits), std::string::npos);
    for (const auto& [name, text] : files) {
      EXPECT_EQ(text.find(p.upn), std::string::npos) << name;
      EXPECT_EQ(text.find(digits), std::string::npos) << name;
    }
  }

  auto shared = unzip(write_oneroster_zip(input({F::Upn})));
  auto users = parse_csv(shared["users.csv"]);
  EXPECT_EQ(users[1].fields[11], "B801200005001");
  EXPECT_EQ(users[1].fields[0], "stu-11");  // the sourcedId is never the UPN
}

TEST(OneRosterWriter, YearWithoutRegGroupMakesYearGroupClasses) {
  auto files = unzip(write_oneroster_zip(input({F::Year})));
  auto classes = parse_csv(files["classes.csv"]);
  ASSERT_EQ(classes.size(), 4u);  // 3, 4, R
  EXPECT_EQ(classes[1].fields[3], "Year 3");
  EXPECT_EQ(classes[3].fields[3], "Reception");
  EXPECT_EQ(classes[3].fields[6], "R");
  EXPECT_EQ(files["classes.csv"].find("3B"), std::string::npos);  // the reg group is not shared
}

TEST(OneRosterWriter, NoPupilsLeavesUsersAbsent) {
  OneRosterInput in = input({F::Forename, F::Surname, F::Year, F::RegGroup, F::Gender});
  in.pupils.clear();
  auto files = unzip(write_oneroster_zip(in));
  EXPECT_FALSE(files.contains("users.csv"));
  EXPECT_FALSE(files.contains("classes.csv"));
  EXPECT_FALSE(files.contains("demographics.csv"));
  EXPECT_TRUE(files.contains("orgs.csv"));
  EXPECT_TRUE(files.contains("academicSessions.csv"));
  EXPECT_NE(files["manifest.csv"].find("file.users,absent\r\n"), std::string::npos);
}

TEST(OneRosterWriter, QuotesValuesAsRfc4180) {
  OneRosterInput in = input({F::Forename, F::Surname});
  in.school_name = "St Mary's, \"Crook\"";
  in.pupils[0].legal_surname = "Lee, Jr";
  auto files = unzip(write_oneroster_zip(in));
  EXPECT_EQ(lines(files["orgs.csv"])[1], "crook-primary,,,\"St Mary's, \"\"Crook\"\"\",school,114123,");
  EXPECT_EQ(parse_csv(files["users.csv"])[1].fields[9], "Lee, Jr");
}

TEST(OneRosterWriter, RejectsPupilsWithoutDistinctIds) {
  OneRosterInput in = input({F::Forename});
  in.pupils[1].id = in.pupils[0].id;
  EXPECT_THROW(write_oneroster_zip(in), Error);
  in.pupils[1].id = PupilId{0};
  EXPECT_THROW(write_oneroster_zip(in), Error);
}

TEST(OneRosterWriter, GradeCodes) {
  EXPECT_EQ(oneroster_grade("R"), "KG");
  EXPECT_EQ(oneroster_grade("N1"), "PK");
  EXPECT_EQ(oneroster_grade("N2"), "PK");
  EXPECT_EQ(oneroster_grade("1"), "01");
  EXPECT_EQ(oneroster_grade("6"), "06");
  EXPECT_EQ(oneroster_grade("11"), "11");
  EXPECT_EQ(oneroster_grade(""), "");
  EXPECT_EQ(oneroster_grade("0"), "");
  EXPECT_EQ(oneroster_grade("Y3"), "");
}

}  // namespace
}  // namespace steward
