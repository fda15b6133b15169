#include <gtest/gtest.h>

#include "domain/pupil.h"
#include "domain/pupil_codes.h"
#include "domain/upn.h"

namespace steward {
namespace {

std::string problem(std::string_view upn) { return upn_problem(upn).value_or("(valid)"); }

bool mentions(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

TEST(Upn, AcceptsTheGuideExamples) {
  EXPECT_TRUE(valid_upn("B801200005001"));
  EXPECT_TRUE(valid_upn("R674123101121"));
  EXPECT_TRUE(valid_upn("Z82012342500A"));  // temporary: ends in a letter
  EXPECT_FALSE(upn_problem("B801200005001"));
}

TEST(Upn, ComputesTheCheckLetter) {
  EXPECT_EQ(upn_check_letter("801200005001"), 'B');
  EXPECT_EQ(upn_check_letter("674123101121"), 'R');
  EXPECT_EQ(upn_check_letter("82012342500A"), 'Z');  // A counts as 0 at position 13
  EXPECT_EQ(upn_check_letter("801200005002"), 'Q');
  EXPECT_EQ(upn_check_letter("801200006001"), 'M');
  EXPECT_EQ(upn_check_letter("30920051910A"), 'V');
}

TEST(Upn, HasNoCheckLetterForCharactersItCannotWeigh) {
  EXPECT_EQ(upn_check_letter("80120000500"), '\0');
  EXPECT_EQ(upn_check_letter("8012000O5001"), '\0');
  EXPECT_EQ(upn_check_letter("80120000500I"), '\0');
}

TEST(Upn, SaysHowLongAWrongLengthUpnIs) {
  EXPECT_EQ(problem("B80120000500"), "a UPN has 13 characters; this one has 12");
  EXPECT_EQ(problem("B8012000050011"), "a UPN has 13 characters; this one has 14");
  EXPECT_TRUE(mentions(problem("B801 2000 05001"), "this one has 15 (including spaces"));
  EXPECT_TRUE(mentions(problem(""), "empty"));
}

TEST(Upn, AsksForCapitals) {
  EXPECT_EQ(problem("b801200005001"), "UPNs are written in capitals: B801200005001");
  EXPECT_TRUE(mentions(problem("z82012342500a"), "UPNs are written in capitals"));
}

TEST(Upn, NamesTheLettersUpnsNeverUse) {
  EXPECT_EQ(problem("I801200005001"), "the letter I at position 1 is never used in UPNs");
  EXPECT_EQ(problem("B8012O0005001"), "position 6 should be a digit, not the letter O (did you mean the digit 0?)");
  EXPECT_EQ(problem("B80120000500S"), "the letter S at position 13 is never used in UPNs (did you mean the digit 5?)");
}

TEST(Upn, NamesOtherInvalidCharactersAndTheirPosition) {
  EXPECT_EQ(problem("8801200005001"), "position 1 should be the check letter, not the digit 8");
  EXPECT_EQ(problem("B80120000-001"), "position 10 should be a digit, not the character '-'");
  EXPECT_EQ(problem("B8012000050#1"), "position 12 should be a digit, not the character '#'");
  EXPECT_EQ(problem("B80120000500#"), "position 13 should be a digit or a letter, not the character '#'");
  EXPECT_EQ(problem("B80120000500\xC3\xA9"), "the character '\xC3\xA9' at position 13 is not allowed in a UPN");
}

TEST(Upn, SaysWhichCheckLetterItShouldBe) {
  EXPECT_EQ(problem("B801200005002"),
            "the check letter should be Q, not B: one of the characters is probably mistyped");
  EXPECT_TRUE(mentions(problem("A82012342500A"), "the check letter should be Z, not A"));
}

TEST(Gender, ReadsCodesAndWords) {
  EXPECT_EQ(normalise_gender("M"), "M");
  EXPECT_EQ(normalise_gender(" female "), "F");
  EXPECT_EQ(normalise_gender("Girl"), "F");
  EXPECT_EQ(normalise_gender("BOY"), "M");
  EXPECT_EQ(normalise_gender(""), "U");
  EXPECT_EQ(normalise_gender("Unknown"), "U");
  EXPECT_EQ(normalise_gender("x"), "X");
  EXPECT_EQ(normalise_gender("Not specified"), "X");
  EXPECT_FALSE(normalise_gender("Q"));
  EXPECT_FALSE(normalise_gender("mal"));
}

TEST(PupilCodes, ReadsNationalCurriculumYears) {
  EXPECT_EQ(normalise_nc_year("3"), "3");
  EXPECT_EQ(normalise_nc_year("Year 3"), "3");
  EXPECT_EQ(normalise_nc_year("Y10"), "10");
  EXPECT_EQ(normalise_nc_year("Reception"), "R");
  EXPECT_EQ(normalise_nc_year("YR"), "R");
  EXPECT_EQ(normalise_nc_year("n1"), "N1");
  EXPECT_EQ(normalise_nc_year("Nursery 2"), "N2");
  EXPECT_EQ(normalise_nc_year(""), "");
  EXPECT_FALSE(normalise_nc_year("15"));
  EXPECT_FALSE(normalise_nc_year("0"));
  EXPECT_FALSE(normalise_nc_year("Year"));
}

TEST(PupilCodes, ReadsSenProvision) {
  EXPECT_EQ(normalise_sen_provision("K"), "K");
  EXPECT_EQ(normalise_sen_provision("SEN Support"), "K");
  EXPECT_EQ(normalise_sen_provision("EHC Plan"), "E");
  EXPECT_EQ(normalise_sen_provision("Education, Health and Care Plan"), "E");
  EXPECT_EQ(normalise_sen_provision("No Special Educational Need"), "N");
  EXPECT_EQ(normalise_sen_provision(""), "");
  EXPECT_FALSE(normalise_sen_provision("S"));
}

TEST(Upn, KeysAreEqualExactlyWhenTheUpnsAre) {
  auto a = upn_key("B801200005001"), b = upn_key("B801200005001"), temp = upn_key("Z82012342500A");
  ASSERT_TRUE(a && b && temp);
  EXPECT_EQ(*a, *b);
  EXPECT_NE(*a, *temp);
  EXPECT_NE(*upn_key("B801200005001"), *upn_key("C801200005001"));
  EXPECT_NE(*upn_key("B801200005001"), *upn_key("B801200005002"));
  EXPECT_NE(*upn_key("B80120000500A"), *upn_key("B801200005000"));
  EXPECT_NE(*upn_key("Z99999999999Z"), *upn_key("A000000000000"));
  for (const char* odd : {"", "b801200005001", "B80120000500", "B8012000050011", "BX01200005001", "B80120000500a"})
    EXPECT_FALSE(upn_key(odd)) << odd;
}

}  // namespace
}  // namespace steward
