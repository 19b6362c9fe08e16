// Pseudo-mode surrogates: each value is replaced by a realistic value of the
// same kind chosen by a keyed BLAKE2b hash of (label, normalised value), so
// the same person or number gets the same surrogate in every document under
// one secret; dates move by a per-patient offset so intervals are kept.
// Thread-safety: pure functions (libsodium hashing is reentrant).
#include <sodium.h>

#include <algorithm>
#include <array>
#include <cstring>

#include "privacy/scanner.h"
#include "vigie/core/date.h"

namespace vigie::privacy::internal {
namespace {

uint64_t Hash(const SurrogateKey& key, std::string_view domain, std::string_view value) {
  std::string msg(domain);
  msg += '\x1f';
  msg += value;
  unsigned char out[8];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(msg.data()),
                     msg.size(), key.key, sizeof key.key);
  uint64_t h = 0;
  for (unsigned char c : out) h = (h << 8) | c;
  return h;
}

std::string Pick(const std::vector<std::string>& pool, uint64_t h, std::string_view fallback) {
  if (pool.empty()) return std::string(fallback);
  return pool[h % pool.size()];
}

std::string Upper(std::string s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  }
  return s;
}

// Replaces every digit by hashed digits, keeping separators and letters.
std::string Digits(uint64_t h, std::string_view value, size_t keep_prefix) {
  std::string out(value);
  size_t seen = 0;
  for (char& c : out) {
    if (c < '0' || c > '9') continue;
    if (seen++ < keep_prefix) continue;
    c = static_cast<char>('0' + h % 10);
    h = h / 10 + 0x9E3779B97F4A7C15ULL * (h % 10 + 1);
  }
  return out;
}

std::string DigitsOnly(std::string_view v) {
  std::string d;
  for (char c : v) {
    if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) d += c;
  }
  return d;
}

// Shifts "dd/mm/yyyy", "dd-mm-yy", "yyyy-mm-dd"; other shapes give "".
std::string ShiftDate(std::string_view v, int64_t days) {
  std::vector<std::string> parts(1);
  std::vector<char> seps;
  for (char c : v) {
    if (c >= '0' && c <= '9') {
      parts.back() += c;
    } else if (!parts.back().empty()) {
      seps.push_back(c);
      parts.emplace_back();
    }
  }
  if (parts.size() != 3 || seps.size() != 2) return "";
  for (const std::string& p : parts) {
    if (p.empty() || p.size() > 4) return "";
  }
  bool iso = parts[0].size() == 4;
  int d = std::stoi(iso ? parts[2] : parts[0]);
  int m = std::stoi(parts[1]);
  int y = std::stoi(iso ? parts[0] : parts[2]);
  size_t ylen = iso ? 4 : parts[2].size();
  if (ylen == 2) y += y > 30 ? 1900 : 2000;
  if (m < 1 || m > 12 || d < 1 || d > 31) return "";
  Date shifted = Date::FromDaysSinceEpoch(Date{y, m, d}.DaysSinceEpoch() + days);
  auto two = [](int x) { return std::string(x < 10 ? "0" : "") + std::to_string(x); };
  std::string year = std::to_string(shifted.year);
  if (ylen == 2) year = year.substr(2);
  if (iso) return year + seps[0] + two(shifted.month) + seps[1] + two(shifted.day);
  return two(shifted.day) + seps[0] + two(shifted.month) + seps[1] + year;
}

}  // namespace

SurrogateKey MakeSurrogateKey(const DeidOptions& options) {
  SurrogateKey key{};
  crypto_generichash(key.key, sizeof key.key,
                     reinterpret_cast<const unsigned char*>(options.secret.data()),
                     options.secret.size(), nullptr, 0);
  std::string patient = options.patient_key;
  if (patient.empty()) {
    std::vector<std::string> names;
    for (const KnownName& n : options.names) names.push_back(LowerAscii(n.text));
    std::sort(names.begin(), names.end());
    for (const std::string& n : names) patient += n + "\x1f";
  }
  // 1..365 days back or forward, never 0 (a zero shift would reveal the date).
  uint64_t h = Hash(key, "date-shift", patient);
  int64_t magnitude = static_cast<int64_t>(h % 365) + 1;
  key.date_shift_days = (h >> 32) % 2 == 0 ? magnitude : -magnitude;
  return key;
}

std::string Surrogate(const Lexicon& lex, const SurrogateKey& key, Lang lang, Label label,
                      std::string_view value) {
  std::string norm = LowerAscii(value);
  uint64_t h = Hash(key, LabelName(label), norm);
  bool caps = IsAllCaps(value);
  switch (label) {
    case Label::kNom: {
      std::string s = Pick(lex.last_pool, h, "Durand");
      return caps ? Upper(s) : s;
    }
    case Label::kPrenom: {
      std::string s = Pick(lex.first_pool, h, "Camille");
      return caps ? Upper(s) : s;
    }
    case Label::kVille:
      return caps ? Upper(Pick(lex.city_pool, h, "Lyon")) : Pick(lex.city_pool, h, "Lyon");
    case Label::kHopital:
      return (lang == Lang::kEn ? "Saint " : "Saint-") + Pick(lex.last_pool, h, "Martin");
    case Label::kAdresse:
      return std::to_string(h % 120 + 1) + (lang == Lang::kEn ? " " : " rue ") +
             Pick(lex.last_pool, h >> 8, "Martin") + (lang == Lang::kEn ? " Street" : "");
    case Label::kMail:
      return LowerAscii(Pick(lex.first_pool, h, "camille")) + "." +
             LowerAscii(Pick(lex.last_pool, h >> 8, "durand")) +
             (lang == Lang::kEn ? "@example.com" : "@exemple.fr");
    case Label::kUrl:
      return (lang == Lang::kEn ? "https://example.com/" : "https://exemple.fr/") +
             std::to_string(h % 100000);
    case Label::kDate:
    case Label::kDateNaissance: {
      std::string shifted = ShiftDate(value, key.date_shift_days);
      return shifted.empty() ? "[" + std::string(LabelName(label)) + "]" : shifted;
    }
    case Label::kAge:
      return "90";
    case Label::kTel:
      return Digits(Hash(key, "TEL", DigitsOnly(value)), value, 2);
    case Label::kIban:
      return Digits(Hash(key, "IBAN", DigitsOnly(value)), value, 0);
    case Label::kIp:
      return "10." + std::to_string(h % 256) + "." + std::to_string((h >> 8) % 256) + "." +
             std::to_string((h >> 16) % 254 + 1);
    default:
      return Digits(Hash(key, LabelName(label), DigitsOnly(value)), value,
                    label == Label::kSecu ? 1 : 0);
  }
}

}  // namespace vigie::privacy::internal
