// Detectors of mail addresses, URLs and IBANs (split from scan_ids.cc):
// a mail with a dotted host or spaced out, http(s):// and www. addresses,
// IBANs by their checksum or the French shape. Thread-safety: pure
// functions over a per-call Scan.
#include <cstring>
#include <string>

#include "privacy/scanner.h"
#include "vigie/privacy/validators.h"

namespace vigie::privacy::internal {
namespace {

bool Digit(char c) { return c >= '0' && c <= '9'; }
bool Alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool Alnum(char c) { return Digit(c) || Alpha(c); }
// Letters with accents (any non-ASCII byte) too: "secrétariat.onco@...".
bool MailLocal(char c) {
  return Alnum(c) || std::strchr("._%+-", c) != nullptr || static_cast<unsigned char>(c) >= 0x80;
}
bool HostChar(char c) { return Alnum(c) || c == '.' || c == '-'; }

// "tlabelle @ medimail . com": a mail address spaced out around '@' and the
// dots of its host. Adds it and returns true, else false.
bool SpacedMail(Scan& scan, size_t at) {
  std::string_view t = scan.text;
  if (at < 2 || t[at - 1] != ' ' || at + 2 >= t.size() || t[at + 1] != ' ') return false;
  size_t b = at - 1;
  while (b > 0 && MailLocal(t[b - 1])) --b;
  if (b == at - 1) return false;
  size_t e = at + 2, last = 0;
  bool dot = false;
  for (int parts = 0; parts < 6; ++parts) {
    size_t k = e;
    while (k < t.size() && (Alnum(t[k]) || t[k] == '-')) ++k;
    if (k == e) break;
    last = k;
    size_t d = k;
    if (d < t.size() && t[d] == ' ') ++d;
    if (d >= t.size() || t[d] != '.') break;
    ++d;
    if (d < t.size() && t[d] == ' ') ++d;
    if (d >= t.size() || !Alnum(t[d])) break;
    dot = true;
    e = d;
  }
  if (!dot) return false;
  scan.Add(b, last, Label::kMail, 90);
  return true;
}
}  // namespace

void ScanMailUrl(Scan& scan) {
  std::string_view t = scan.text;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '@' && SpacedMail(scan, i)) continue;
    if (t[i] == '@') {
      size_t b = i;
      while (b > 0 && MailLocal(t[b - 1])) --b;
      size_t e = i + 1;
      while (e < t.size() && HostChar(t[e])) ++e;
      while (e > i + 1 && (t[e - 1] == '.' || t[e - 1] == '-')) --e;
      std::string_view host = t.substr(i + 1, e - i - 1);
      // "abarasse.jl@fr": a host without a dot when the local part has one
      // (not "Cont@ct").
      std::string_view local = t.substr(b, i - b);
      bool dotted_local = local.find_first_of("._") != std::string_view::npos && host.size() >= 2;
      if (b < i && (host.find('.') != std::string_view::npos || dotted_local)) {
        scan.Add(b, e, Label::kMail, 90);
      }
      i = e > i ? e - 1 : i;
      continue;
    }
    bool http = t.compare(i, 7, "http://") == 0 || t.compare(i, 8, "https://") == 0;
    bool www = t.compare(i, 4, "www.") == 0 && (i == 0 || !Alnum(t[i - 1]));
    if (!http && !www) continue;
    size_t e = i;
    while (e < t.size() && static_cast<unsigned char>(t[e]) > ' ' &&
           std::strchr("\"<>", t[e]) == nullptr)
      ++e;
    while (e > i && std::strchr(".,;:)]!?'", t[e - 1]) != nullptr) --e;
    scan.Add(i, e, Label::kUrl, 85);
    i = e;
  }
}

void ScanIban(Scan& scan) {
  std::string_view t = scan.text;
  for (size_t i = 0; i + 4 < t.size(); ++i) {
    if (!(t[i] >= 'A' && t[i] <= 'Z' && t[i + 1] >= 'A' && t[i + 1] <= 'Z' && Digit(t[i + 2]) &&
          Digit(t[i + 3])) ||
        (i > 0 && Alnum(t[i - 1]))) {
      continue;
    }
    std::string compact;
    size_t e = i, last = i;
    while (e < t.size() && compact.size() < 34) {
      if (Alnum(t[e])) {
        compact += static_cast<char>(t[e] >= 'a' && t[e] <= 'z' ? t[e] - 32 : t[e]);
        last = ++e;
      } else if (t[e] == ' ' && e + 1 < t.size() && Alnum(t[e + 1])) {
        ++e;
      } else {
        break;
      }
    }
    bool valid = IbanValid(compact);
    bool fr_shape = compact.size() == 27 && compact.compare(0, 2, "FR") == 0;
    if (valid || fr_shape) {
      scan.Add(i, last, Label::kIban, 95);
      i = last;
    }
  }
}
}  // namespace vigie::privacy::internal
