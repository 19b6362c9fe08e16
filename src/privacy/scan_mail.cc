// Detectors of mail addresses, URLs, IBANs and record numbers holding
// letters (split from scan_ids.cc): a mail with a dotted host or spaced out,
// http(s):// and www. addresses, IBANs by their checksum or the French shape. Thread-safety: pure
// functions over a per-call Scan.
#include <algorithm>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

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
bool Hex(char c) { return Digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// "2001:db8::1", "fe80:0:0:0:202:b3ff:fe1e:8329": an IPv6 address (eight
// groups, or "::" with a group of three characters or a hex letter: not a
// time "10:30:00").
void ScanIpv6(Scan& scan) {
  std::string_view t = scan.text;
  for (size_t i = 0; i < t.size(); ++i) {
    if (!Hex(t[i]) || (i > 0 && (Alnum(t[i - 1]) || t[i - 1] == ':'))) continue;
    size_t e = i;
    while (e < t.size() && (Hex(t[e]) || t[e] == ':')) ++e;
    std::string_view a = t.substr(i, e - i);
    while (!a.empty() && a.back() == ':' && !a.ends_with("::")) a.remove_suffix(1);
    size_t colons = static_cast<size_t>(std::count(a.begin(), a.end(), ':'));
    bool ok = colons >= 2 && colons <= 7 && (e >= t.size() || !Alpha(t[e]));
    bool letter = false, long_group = false;
    size_t group = 0;
    for (char c : a) {
      group = c == ':' ? 0 : group + 1;
      ok = ok && group <= 4;
      letter |= Alpha(c);
      long_group |= group >= 3;
    }
    bool dbl = a.find("::") != std::string_view::npos;
    if (ok && ((colons == 7 && !dbl) || (dbl && (letter || long_group)))) {
      scan.Add(i, i + a.size(), Label::kIp, 85);
    }
    i = e;
  }
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
  ScanIpv6(scan);
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
    // Ends of the groups read so far (compact size, text end): the words
    // after a printed IBAN ("GB82 WEST ... 32 belongs to") are not part of
    // it, so the longest group prefix that validates is taken.
    std::vector<std::pair<size_t, size_t>> group_ends;
    while (e < t.size() && compact.size() < 34) {
      if (Alnum(t[e])) {
        compact += static_cast<char>(t[e] >= 'a' && t[e] <= 'z' ? t[e] - 32 : t[e]);
        last = ++e;
      } else if (t[e] == ' ' && e + 1 < t.size() && Alnum(t[e + 1])) {
        group_ends.emplace_back(compact.size(), last);
        ++e;
      } else {
        break;
      }
    }
    group_ends.emplace_back(compact.size(), last);
    bool found = false;
    for (size_t g = group_ends.size(); g-- > 0 && !found;) {
      auto [size, text_end] = group_ends[g];
      if (size < 15) break;
      std::string prefix = compact.substr(0, size);
      bool fr_shape = size == 27 && prefix.compare(0, 2, "FR") == 0;
      if (IbanValid(prefix) || fr_shape) {
        scan.Add(i, text_end, Label::kIban, 95);
        i = text_end;
        found = true;
      }
    }
  }
}
// Record numbers holding letters after their cue ("Identifiant de la
// visite : 42BG98765", "IPP : N11232344", "IPPN11232344"): five digits or
// more, one to four letters, at most 20 characters. Without a record cue a
// word with digits is no identifier ("C12", "B12", "FE01").
// "|28BG04493", "Réf. : 12AB345678": a code alone in a table cell or a field
// (after '|', a colon or a line start, up to a space, '|' or the line end):
// a digit first and last, one block of one to three capitals, six digits
// or more. Not "B12", "HER2", "2020AB" (no digit last), "500MG".
bool FieldCode(std::string_view t, size_t b, size_t e, int letters, int digits) {
  if (letters > 3 || digits < 6 || !Digit(t[b]) || !Digit(t[e - 1])) return false;
  size_t l = b;
  while (l < e && Digit(t[l])) ++l;
  size_t m = l;
  while (m < e && t[m] >= 'A' && t[m] <= 'Z') ++m;
  if (m - l != static_cast<size_t>(letters)) return false;  // one block of capitals
  size_t p = b;
  while (p > 0 && t[p - 1] == ' ') --p;
  bool opens = p == 0 || t[p - 1] == '|' || t[p - 1] == '\n' || t[p - 1] == ':' || t[p - 1] == '\t';
  bool closes = e == t.size() || t[e] == ' ' || t[e] == '|' || t[e] == '\n' || t[e] == '\r';
  return opens && closes;
}

void ScanAlnumIds(Scan& scan) {
  std::string_view t = scan.text;
  for (size_t i = 0; i < t.size(); ++i) {
    if (!Alnum(t[i]) || (i > 0 && (Alnum(t[i - 1]) || t[i - 1] == '@' || t[i - 1] == '.'))) {
      continue;
    }
    size_t e = i;
    int digits = 0, letters = 0;
    while (e < t.size() && Alnum(t[e])) {
      Digit(t[e]) ? ++digits : ++letters;
      ++e;
    }
    if (letters == 0 || digits < 5 || e - i > 20 || (e < t.size() && t[e] == '@')) {
      i = e;
      continue;
    }
    size_t b = i;
    Label label = Label::kIpp;
    std::string head = LowerAscii(t.substr(i, 3));
    bool glued = (head == "ipp" || head == "nda" || head == "nip") && e - i > 3 &&
                 letters - 3 <= 2 && Digit(t[e - 1]);
    std::string_view word;
    if (glued) {
      b = i + 3;
      label = head == "nda" ? Label::kNda : Label::kIpp;
    } else {
      bool cue = ContextLabel(scan, i, &label, &word);
      bool record = cue && label != Label::kTel && label != Label::kSecu && word != "patient";
      if (!record && FieldCode(t, i, e, letters, digits)) {
        label = Label::kIpp;
        record = true;
      }
      if (!record || letters > 4) {
        i = e;
        continue;
      }
    }
    scan.Add(b, e, label, 80);
    i = e;
  }
}

}  // namespace vigie::privacy::internal
