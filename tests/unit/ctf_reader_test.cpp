#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "domain/error.h"
#include "io/ctf_reader.h"

namespace steward {
namespace {

// CTF 25: <Sex>, both address styles, FSM and SEN histories, contacts, and elements Steward
// does not read (attendance, languages, a UPRN) that must be skipped.
const std::string kCtf25 = R"xml(<?xml version="1.0" encoding="UTF-8"?>
<CTfile>
  <Header>
    <DocumentName>Common Transfer File</DocumentName>
    <CTFversion>25.0</CTFversion>
    <DateTime>2025-07-18T10:15:00</DateTime>
    <DocumentQualifier>full</DocumentQualifier>
    <SupplierID>SIMS</SupplierID>
    <SourceSchool>
      <LEA>801</LEA>
      <Estab>2000</Estab>
      <URN>100000</URN>
      <SchoolName>Crook Primary School</SchoolName>
      <AcademicYear>2025</AcademicYear>
    </SourceSchool>
    <DestSchool>
      <LEA>801</LEA>
      <Estab>4000</Estab>
    </DestSchool>
  </Header>
  <CTFpupilData>
    <Pupil>
      <UPN>B801200005001</UPN>
      <UniqueLearnerNumber>1234567890</UniqueLearnerNumber>
      <Surname>Smith</Surname>
      <Forename>Amelia</Forename>
      <DOB>2016-05-04</DOB>
      <Sex>F</Sex>
      <BasicDetails>
        <PreferredSurname>Smith-Jones</PreferredSurname>
        <PreferredForename>Millie</PreferredForename>
        <NCyearActual>4</NCyearActual>
        <Ethnicity>WBRI</Ethnicity>
        <Languages><Type><TypeID>F</TypeID><LanguageID>ENG</LanguageID></Type></Languages>
      </BasicDetails>
      <FSMhistory>
        <FSMreviewDate>2025-04-01</FSMreviewDate>
        <FSMinstance><FSMstartDate>2022-01-10</FSMstartDate><FSMendDate>2023-01-10</FSMendDate></FSMinstance>
        <FSMinstance><FSMstartDate>2024-09-01</FSMstartDate><UKcountry>ENG</UKcountry></FSMinstance>
      </FSMhistory>
      <SENhistory>
        <SEN><StartDate>2023-09-01</StartDate><SENprovision>K</SENprovision></SEN>
        <SEN><StartDate>2021-09-01</StartDate><SENprovision>E</SENprovision></SEN>
        <SENneeds><SENneed><SENtype>SPLD</SENtype><SENtypeRank>1</SENtypeRank></SENneed></SENneeds>
      </SENhistory>
      <Address>
        <BS7666Address>
          <PAON>12</PAON>
          <Street>High Street</Street>
          <Locality></Locality>
          <Town>Crook</Town>
          <AdministrativeArea>County Durham</AdministrativeArea>
          <PostTown>Crook</PostTown>
          <UniquePropertyReferenceNumber>100110000000</UniquePropertyReferenceNumber>
        </BS7666Address>
        <PostCode>DL15 8AA</PostCode>
        <Country>GBR</Country>
      </Address>
      <Attendance><YearData><Year>2024</Year><AttendanceMarks>/\/\/\/\BB</AttendanceMarks></YearData></Attendance>
      <Contacts>
        <Contact>
          <Order>2</Order>
          <Title>Mr</Title>
          <Forename>David</Forename>
          <Surname>Smith</Surname>
          <Gender>M</Gender>
          <Relationship>Father</Relationship>
          <Responsibility>1</Responsibility>
          <Address>
            <AddressLines>
              <AddressLine1>Flat 3</AddressLine1>
              <AddressLine2>4 Front Street</AddressLine2>
              <AddressLine3>Tow Law</AddressLine3>
            </AddressLines>
            <County>County Durham</County>
            <PostCode>DL13 4AA</PostCode>
          </Address>
          <Phones><Phone><TelephoneType>M</TelephoneType><PhoneNo>07700 900456</PhoneNo></Phone></Phones>
          <Email>david.smith@example.org</Email>
        </Contact>
        <Contact>
          <Order>1</Order>
          <Title>Mrs</Title>
          <Forename>Jane</Forename>
          <Surname>Smith</Surname>
          <Gender>F</Gender>
          <Relationship>Mother</Relationship>
          <Responsibility>true</Responsibility>
          <AddressAsPupil>true</AddressAsPupil>
          <Phones>
            <Phone><TelephoneType>H</TelephoneType><PhoneNo>01388 123456</PhoneNo></Phone>
            <Phone><TelephoneType>M</TelephoneType><PhoneNo>07700 900123</PhoneNo></Phone>
          </Phones>
          <Email>jane.smith@example.org</Email>
        </Contact>
      </Contacts>
    </Pupil>
    <Pupil>
      <UPN>B801200005002</UPN>
      <Surname>O&apos;Brien</Surname>
      <Forename>Ryan</Forename>
      <DOB>2015-02-30</DOB>
      <Sex>Q</Sex>
      <BasicDetails><NCyearActual>5</NCyearActual></BasicDetails>
      <FSMhistory>
        <FSMinstance><FSMstartDate>2020-01-01</FSMstartDate><FSMendDate>2021-01-01</FSMendDate></FSMinstance>
      </FSMhistory>
      <SENhistory><SEN><StartDate>2022-09-01</StartDate><SENprovision>N</SENprovision></SEN></SENhistory>
      <Address>
        <AddressLines>
          <AddressLine1>The Old Vicarage</AddressLine1>
          <AddressLine2>Church Lane</AddressLine2>
          <AddressLine3>Wolsingham</AddressLine3>
        </AddressLines>
        <County>County Durham</County>
        <PostCode>DL13 3AA</PostCode>
      </Address>
      <Contacts>
        <Contact>
          <Forename>Siobhan</Forename>
          <Surname>O&apos;Brien</Surname>
          <Relationship>Mother</Relationship>
          <Responsibility>false</Responsibility>
          <Email>not-an-email</Email>
        </Contact>
      </Contacts>
    </Pupil>
    <Pupil>
      <UPN>M801200006001</UPN>
      <Surname>Patel</Surname>
      <DOB>2017-11-20</DOB>
      <Sex>M</Sex>
      <SomethingFromCtf26><Surname>Not this one</Surname></SomethingFromCtf26>
    </Pupil>
  </CTFpupilData>
</CTfile>
)xml";

// CTF 24 writes <Gender> where CTF 25 writes <Sex>.
const std::string kCtf24 = R"xml(<?xml version="1.0" encoding="UTF-8"?>
<CTfile>
  <Header>
    <CTFversion>24.0</CTFversion>
    <DocumentQualifier>partial</DocumentQualifier>
    <SourceSchool>
      <LEA>309</LEA>
      <Estab>2005</Estab>
      <SchoolName>Tottenham Juniors</SchoolName>
      <AcademicYear>2024</AcademicYear>
    </SourceSchool>
  </Header>
  <CTFpupilData>
    <Pupil>
      <UPN>Z82012342500A</UPN>
      <Surname>Nowak</Surname>
      <Forename>Zofia</Forename>
      <DOB>2014-09-12</DOB>
      <Gender>F</Gender>
      <BasicDetails><NCyearActual>6</NCyearActual></BasicDetails>
    </Pupil>
    <Pupil>
      <UPN>Y801200007001</UPN>
      <Surname>Ahmed</Surname>
      <Forename>Yusuf</Forename>
      <Gender>Q</Gender>
    </Pupil>
  </CTFpupilData>
</CTfile>
)xml";

struct Read {
  CtfHeader header;
  std::vector<Pupil> pupils;
  std::vector<int> lines;
  std::vector<ImportProblem> problems;
};

Read read(const std::string& xml) {
  std::istringstream in(xml);
  Read r;
  r.header = read_ctf(
      in,
      [&](Pupil&& p, int line) {
        r.pupils.push_back(std::move(p));
        r.lines.push_back(line);
      },
      r.problems);
  return r;
}

// The line `needle` first appears on, counting from 1 as editors do.
int line_of(const std::string& text, const std::string& needle) {
  auto pos = text.find(needle);
  EXPECT_NE(pos, std::string::npos) << needle;
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(pos), '\n'));
}

const ImportProblem* find_problem(const std::vector<ImportProblem>& problems, const std::string& field) {
  for (const auto& p : problems)
    if (p.field == field) return &p;
  return nullptr;
}

Error error_reading(const std::string& xml) {
  try {
    read(xml);
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "no error for:\n" << xml;
  return Error::internal("no error");
}

TEST(CtfReader, ReadsTheHeader) {
  Read r = read(kCtf25);
  EXPECT_EQ(r.header.version, "25.0");
  EXPECT_EQ(r.header.document_qualifier, "full");
  EXPECT_EQ(r.header.source_lea, "801");
  EXPECT_EQ(r.header.source_estab, "2000");
  EXPECT_EQ(r.header.school_name, "Crook Primary School");
  EXPECT_EQ(r.header.academic_year, "2025");
}

TEST(CtfReader, HandsOverEachPupilWithTheLineItStartsOn) {
  Read r = read(kCtf25);
  ASSERT_EQ(r.pupils.size(), 3u);
  EXPECT_EQ(r.lines[0], line_of(kCtf25, "<UPN>B801200005001") - 1);
  EXPECT_EQ(r.lines[1], line_of(kCtf25, "<UPN>B801200005002") - 1);
  EXPECT_EQ(r.lines[2], line_of(kCtf25, "<UPN>M801200006001") - 1);
}

TEST(CtfReader, ReadsNamesDatesAndCodes) {
  Read r = read(kCtf25);
  const Pupil& p = r.pupils.at(0);
  EXPECT_EQ(p.upn, "B801200005001");
  EXPECT_EQ(p.legal_surname, "Smith");
  EXPECT_EQ(p.legal_forename, "Amelia");
  EXPECT_EQ(p.preferred_surname, "Smith-Jones");
  EXPECT_EQ(p.preferred_forename, "Millie");
  EXPECT_EQ(p.date_of_birth, (Date{2016, 5, 4}));
  EXPECT_EQ(p.gender, "F");  // the father's <Gender>M</Gender> belongs to the contact
  EXPECT_EQ(p.year, "4");
  EXPECT_EQ(p.reg_group, "");
  EXPECT_FALSE(p.pupil_premium);
}

TEST(CtfReader, FreeSchoolMealsNeedAPeriodWithoutAnEndDate) {
  Read r = read(kCtf25);
  EXPECT_TRUE(r.pupils.at(0).fsm);
  EXPECT_FALSE(r.pupils.at(1).fsm);
  EXPECT_FALSE(r.pupils.at(2).fsm);
}

TEST(CtfReader, TakesTheSenRecordThatStartedLast) {
  Read r = read(kCtf25);
  EXPECT_EQ(r.pupils.at(0).sen, "K");
  EXPECT_EQ(r.pupils.at(1).sen, "N");
  EXPECT_EQ(r.pupils.at(2).sen, "");
}

TEST(CtfReader, JoinsBothAddressStylesIntoOneLine) {
  Read r = read(kCtf25);
  // The UPRN is not part of the address, and Crook is said once though it is Town and PostTown.
  EXPECT_EQ(r.pupils.at(0).address, "12, High Street, Crook, County Durham, DL15 8AA");
  EXPECT_EQ(r.pupils.at(1).address, "The Old Vicarage, Church Lane, Wolsingham, County Durham, DL13 3AA");
  EXPECT_EQ(r.pupils.at(2).address, "");
}

TEST(CtfReader, ReadsContactsInTheirOrder) {
  Read r = read(kCtf25);
  const Pupil& p = r.pupils.at(0);
  ASSERT_EQ(p.contacts.size(), 2u);
  const Contact& mother = p.contacts[0];
  EXPECT_EQ(mother.order, 1);
  EXPECT_EQ(mother.title, "Mrs");
  EXPECT_EQ(mother.forename, "Jane");
  EXPECT_EQ(mother.surname, "Smith");
  EXPECT_EQ(mother.relationship, "Mother");
  EXPECT_TRUE(mother.parental_responsibility);
  EXPECT_EQ(mother.phones, (std::vector<std::string>{"01388 123456", "07700 900123"}));
  EXPECT_EQ(mother.email, "jane.smith@example.org");
  EXPECT_EQ(mother.address, "");  // AddressAsPupil
  const Contact& father = p.contacts[1];
  EXPECT_EQ(father.order, 2);
  EXPECT_EQ(father.forename, "David");
  EXPECT_TRUE(father.parental_responsibility);
  EXPECT_EQ(father.phones, (std::vector<std::string>{"07700 900456"}));
  EXPECT_EQ(father.address, "Flat 3, 4 Front Street, Tow Law, County Durham, DL13 4AA");
}

TEST(CtfReader, JoinsTextSplitByEntities) {
  Read r = read(kCtf25);
  EXPECT_EQ(r.pupils.at(1).legal_surname, "O'Brien");
  ASSERT_EQ(r.pupils.at(1).contacts.size(), 1u);
  EXPECT_EQ(r.pupils.at(1).contacts[0].surname, "O'Brien");
  EXPECT_EQ(r.pupils.at(1).contacts[0].order, 1);  // no <Order>: the order in the file
  EXPECT_FALSE(r.pupils.at(1).contacts[0].parental_responsibility);
}

TEST(CtfReader, ReportsProblemsWithTheirLinesAndStillHandsThePupilOver) {
  Read r = read(kCtf25);
  ASSERT_EQ(r.problems.size(), 5u);

  const ImportProblem* upn = find_problem(r.problems, "UPN");
  ASSERT_NE(upn, nullptr);
  EXPECT_EQ(upn->line, line_of(kCtf25, "<UPN>B801200005002"));
  EXPECT_EQ(upn->value, "B801200005002");
  EXPECT_NE(upn->why.find("the check letter should be Q, not B"), std::string::npos);

  const ImportProblem* dob = find_problem(r.problems, "DOB");
  ASSERT_NE(dob, nullptr);
  EXPECT_EQ(dob->line, line_of(kCtf25, "<DOB>2015-02-30"));
  EXPECT_EQ(dob->value, "2015-02-30");
  EXPECT_EQ(dob->why, "there is no such date");

  const ImportProblem* sex = find_problem(r.problems, "Sex");
  ASSERT_NE(sex, nullptr);
  EXPECT_EQ(sex->line, line_of(kCtf25, "<Sex>Q"));
  EXPECT_EQ(sex->value, "Q");

  const ImportProblem* email = find_problem(r.problems, "Contacts/Contact/Email");
  ASSERT_NE(email, nullptr);
  EXPECT_EQ(email->line, line_of(kCtf25, "<Email>not-an-email"));

  const ImportProblem* forename = find_problem(r.problems, "Forename");
  ASSERT_NE(forename, nullptr);
  EXPECT_EQ(forename->line, line_of(kCtf25, "<UPN>M801200006001") - 1);  // the <Pupil> it is missing from
  EXPECT_EQ(forename->why, "missing: every pupil needs a legal forename");

  const Pupil& ryan = r.pupils.at(1);
  EXPECT_EQ(ryan.upn, "");
  EXPECT_FALSE(ryan.date_of_birth);
  EXPECT_EQ(ryan.gender, "");
  EXPECT_EQ(ryan.legal_forename, "Ryan");
  EXPECT_EQ(ryan.contacts.at(0).email, "");
}

TEST(CtfReader, SkipsElementsItDoesNotKnow) {
  Read r = read(kCtf25);
  EXPECT_EQ(r.pupils.at(2).legal_surname, "Patel");  // not "Not this one"
  EXPECT_TRUE(r.pupils.at(2).contacts.empty());
}

TEST(CtfReader, ReadsCtf24WithGender) {
  Read r = read(kCtf24);
  EXPECT_EQ(r.header.version, "24.0");
  EXPECT_EQ(r.header.document_qualifier, "partial");
  EXPECT_EQ(r.header.school_name, "Tottenham Juniors");
  ASSERT_EQ(r.pupils.size(), 2u);
  EXPECT_EQ(r.pupils[0].upn, "Z82012342500A");
  EXPECT_EQ(r.pupils[0].gender, "F");
  EXPECT_EQ(r.pupils[0].year, "6");
  EXPECT_EQ(r.pupils[1].legal_forename, "Yusuf");
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].field, "Gender");
  EXPECT_EQ(r.problems[0].value, "Q");
  EXPECT_EQ(r.problems[0].line, line_of(kCtf24, "<Gender>Q"));
}

TEST(CtfReader, ReadsAFileLargerThanOneReadBuffer) {
  // Names cross the parser's 4 KB reads; each must still arrive whole.
  std::string xml = "<?xml version=\"1.0\"?>\n<CTfile><Header><CTFversion>25.0</CTFversion></Header><CTFpupilData>\n";
  for (int i = 0; i < 400; ++i)
    xml += "<Pupil><UPN>B801200005001</UPN><Surname>Surname" + std::to_string(i) +
           "</Surname><Forename>Forename</Forename></Pupil>\n";
  xml += "</CTFpupilData></CTfile>\n";
  Read r = read(xml);
  ASSERT_EQ(r.pupils.size(), 400u);
  for (int i = 0; i < 400; ++i)
    EXPECT_EQ(r.pupils[static_cast<size_t>(i)].legal_surname, "Surname" + std::to_string(i));
  EXPECT_EQ(r.lines[399], 402);
  EXPECT_TRUE(r.problems.empty());
}

TEST(CtfReader, MalformedXmlNamesTheLine) {
  std::string xml =
      "<?xml version=\"1.0\"?>\n"
      "<CTfile>\n"
      "<CTFpupilData>\n"
      "<Pupil>\n"
      "<UPN>B801200005001</UPN>\n"
      "<Surname>Smith</Surnam>\n"
      "</Pupil>\n"
      "</CTFpupilData>\n"
      "</CTfile>\n";
  Error e = error_reading(xml);
  EXPECT_EQ(e.status(), 422);
  ASSERT_EQ(e.fields().size(), 1u);
  EXPECT_EQ(e.fields()[0].field, "line 6");
  EXPECT_NE(std::string(e.what()).find("not well-formed XML"), std::string::npos) << e.what();
}

TEST(CtfReader, HandsOverPupilsBeforeTheFaultThatStopsIt) {
  std::string xml =
      "<CTfile><CTFpupilData>\n"
      "<Pupil><UPN>B801200005001</UPN><Surname>Smith</Surname><Forename>Amelia</Forename></Pupil>\n"
      "<Pupil><UPN>R674123101121</UPN><Surname>Jones\n";  // cut short
  std::istringstream in(xml);
  std::vector<ImportProblem> problems;
  std::vector<std::string> seen;
  auto note = [&](Pupil&& p, int) { seen.push_back(p.legal_surname); };
  EXPECT_THROW(read_ctf(in, note, problems), Error);
  EXPECT_EQ(seen, (std::vector<std::string>{"Smith"}));
}

TEST(CtfReader, RefusesFilesThatAreNotCtfs) {
  Error empty = error_reading("");
  EXPECT_EQ(empty.status(), 422);
  EXPECT_NE(std::string(empty.what()).find("ends too early"), std::string::npos) << empty.what();

  Error html = error_reading("<html>\n<body>Hello</body>\n</html>\n");
  EXPECT_EQ(html.status(), 422);
  EXPECT_NE(std::string(html.what()).find("not a Common Transfer File"), std::string::npos) << html.what();
}

TEST(CtfReader, RefusesDocumentTypeDeclarations) {
  // A DTD is how entity-expansion ("billion laughs") and external-entity attacks start.
  Error e = error_reading(
      "<?xml version=\"1.0\"?>\n"
      "<!DOCTYPE CTfile [<!ENTITY lol \"lol\">]>\n"
      "<CTfile><Header><CTFversion>&lol;</CTFversion></Header></CTfile>\n");
  EXPECT_EQ(e.status(), 422);
  EXPECT_EQ(e.fields().at(0).field, "line 2");
  EXPECT_NE(std::string(e.what()).find("document type declaration"), std::string::npos) << e.what();
}

}  // namespace
}  // namespace steward
