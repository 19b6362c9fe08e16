// Checksum validators of French and international identifiers (rules in
// ../shared/clinical/identifiers.md). They only raise confidence: a number
// that looks like an identifier is redacted even when its key is wrong.
// Input: the identifier's characters without separators. Pure functions,
// thread-safe; invalid characters or lengths return false.
#pragma once

#include <string_view>

namespace vigie::privacy {

// Luhn (ISO/IEC 7812) over decimal digits.
bool LuhnValid(std::string_view digits);
// NIR / INS: 13 characters (digits; 2A/2B for Corsica at positions 6-7) + 2-digit key,
// key = 97 - (first 13 mod 97).
bool NirKeyValid(std::string_view nir15);
// IBAN (ISO 13616): move 4 first characters to the end, letters A=10..Z=35, mod 97 == 1.
bool IbanValid(std::string_view iban);
// RPPS: 11 digits, Luhn.
bool RppsValid(std::string_view digits);
// ADELI: 9 digits, Luhn.
bool AdeliValid(std::string_view digits);
// FINESS: 9 characters starting with a département (2A/2B accepted, no Luhn for Corsica).
bool FinessValid(std::string_view finess);

}  // namespace vigie::privacy
