// Tests of the identifier checksums with hand-computed synthetic numbers.
#include "vigie/privacy/validators.h"

#include <gtest/gtest.h>

namespace vigie::privacy {
namespace {

TEST(Validators, Luhn) {
  EXPECT_TRUE(LuhnValid("79927398713"));
  EXPECT_FALSE(LuhnValid("79927398710"));
  EXPECT_FALSE(LuhnValid("7992739871x"));
  EXPECT_FALSE(LuhnValid(""));
}

TEST(Validators, NirKey) {
  // 1 85 05 78 006 084: 1850578006084 mod 97 = 6, key 91.
  EXPECT_TRUE(NirKeyValid("185057800608491"));
  EXPECT_FALSE(NirKeyValid("185057800608492"));
  EXPECT_FALSE(NirKeyValid("18505780060849"));
  // Corsica: 2A counts as 19 before the modulo.
  std::string body = "285052A012345";
  long long n = 2850519012345LL;  // 2A -> 19
  int key = static_cast<int>(97 - n % 97);
  std::string nir = body + (key < 10 ? "0" : "") + std::to_string(key);
  EXPECT_TRUE(NirKeyValid(nir));
}

TEST(Validators, Iban) {
  EXPECT_TRUE(IbanValid("FR1420041010050500013M02606"));
  EXPECT_TRUE(IbanValid("GB82WEST12345698765432"));
  EXPECT_FALSE(IbanValid("FR1420041010050500013M02607"));
  EXPECT_FALSE(IbanValid("FR14"));
}

TEST(Validators, HealthProfessionalAndFacilityNumbers) {
  EXPECT_TRUE(RppsValid("10000000009"));  // 1000000000 + Luhn digit
  EXPECT_FALSE(RppsValid("10000000008"));
  EXPECT_TRUE(AdeliValid("751234568"));
  EXPECT_FALSE(AdeliValid("751234566"));
  EXPECT_TRUE(FinessValid("2A0000013"));
  EXPECT_TRUE(FinessValid("751234568"));
  EXPECT_FALSE(FinessValid("75123456"));
}

}  // namespace
}  // namespace vigie::privacy
