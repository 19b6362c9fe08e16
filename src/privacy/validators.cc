// Identifier checksums (see validators.h). Thread-safety: pure functions.
#include "vigie/privacy/validators.h"

#include <cstdint>
#include <string>

namespace vigie::privacy {
namespace {

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

bool LuhnValid(std::string_view digits) {
  if (!AllDigits(digits)) return false;
  int sum = 0;
  bool twice = false;
  for (size_t i = digits.size(); i-- > 0;) {
    int d = digits[i] - '0';
    if (twice) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
    twice = !twice;
  }
  return sum % 10 == 0;
}

bool NirKeyValid(std::string_view nir) {
  if (nir.size() != 15) return false;
  std::string body(nir.substr(0, 13));
  int64_t corsica = 0;
  if (body[5] == '2' && (body[6] == 'A' || body[6] == 'B')) {
    corsica = body[6] == 'A' ? 1000000 : 2000000;
    body[6] = '0';
  }
  if (!AllDigits(body) || !AllDigits(nir.substr(13))) return false;
  int64_t n = std::stoll(body) - corsica;
  int64_t key = 97 - (n % 97);
  return key == std::stoll(std::string(nir.substr(13)));
}

bool IbanValid(std::string_view iban) {
  if (iban.size() < 15 || iban.size() > 34) return false;
  std::string moved = std::string(iban.substr(4)) + std::string(iban.substr(0, 4));
  int rem = 0;
  for (char c : moved) {
    if (c >= '0' && c <= '9') {
      rem = (rem * 10 + (c - '0')) % 97;
    } else if (c >= 'A' && c <= 'Z') {
      rem = (rem * 100 + (c - 'A' + 10)) % 97;
    } else {
      return false;
    }
  }
  return rem == 1;
}

bool RppsValid(std::string_view digits) { return digits.size() == 11 && LuhnValid(digits); }

bool AdeliValid(std::string_view digits) { return digits.size() == 9 && LuhnValid(digits); }

bool FinessValid(std::string_view finess) {
  if (finess.size() != 9) return false;
  if (finess[0] == '2' && (finess[1] == 'A' || finess[1] == 'B')) {
    return AllDigits(finess.substr(2));
  }
  return LuhnValid(finess);
}

}  // namespace vigie::privacy
