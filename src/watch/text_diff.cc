// Name normalisation and the word-level difference used by the watch.
// Thread-safety: pure functions.
#include <algorithm>
#include <cctype>
#include <cstdint>

#include "vigie/core/text.h"
#include "vigie/watch/watch.h"
#include "watch/watch_internal.h"

namespace vigie::watch {
namespace {

// Typographic variants that are not a change of wording.
std::string UnifyTypography(std::string_view s) {
  static const std::pair<std::string_view, std::string_view> kSame[] = {
      {"\u2019", "'"},  {"\u2018", "'"},  {"\u201c", "\""}, {"\u201d", "\""},
      {"\u00ab", "\""}, {"\u00bb", "\""}, {"\u00a0", " "},  {"\u202f", " "},
      {"\u2013", "-"},  {"\u2014", "-"},  {"\u2026", "..."}};
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    bool replaced = false;
    if (static_cast<unsigned char>(s[i]) < 0x80) {  // every variant starts with a non-ASCII byte
      out += s[i++];
      continue;
    }
    for (const auto& [from, to] : kSame) {
      if (s.substr(i).starts_with(from)) {
        out += to;
        i += from.size();
        replaced = true;
        break;
      }
    }
    if (!replaced) out += s[i++];
  }
  return out;
}

}  // namespace

std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  std::string text = UnifyTypography(s);
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i])) != 0) ++i;
    size_t j = i;
    while (j < text.size() && std::isspace(static_cast<unsigned char>(text[j])) == 0) ++j;
    if (j > i) out.push_back(text.substr(i, j - i));
    i = j;
  }
  return out;
}

namespace {

void Append(std::vector<DiffPiece>& out, char op, const std::string& word) {
  if (!out.empty() && out.back().op == op) {
    out.back().text += ' ';
    out.back().text += word;
  } else {
    out.push_back({op, word});
  }
}

// Past this many cells the LCS table is not built: the texts are reported as
// one deletion and one insertion (thesaurus paragraphs are far below it).
constexpr size_t kMaxCells = 4'000'000;

}  // namespace

std::string NormaliseName(std::string_view name) {
  std::string folded = text::Fold(name);
  std::string out;
  for (char c : folded) {
    bool alnum = std::isalnum(static_cast<unsigned char>(c)) != 0;
    if (alnum) {
      out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    } else if (!out.empty() && out.back() != ' ') {
      out += ' ';
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::vector<DiffPiece> WordDiff(std::string_view before, std::string_view after) {
  std::vector<std::string> a = Words(before), b = Words(after);
  // Common prefix and suffix first: most rewrites touch a few words.
  size_t pre = 0;
  while (pre < a.size() && pre < b.size() && a[pre] == b[pre]) ++pre;
  size_t suf = 0;
  while (suf < a.size() - pre && suf < b.size() - pre &&
         a[a.size() - 1 - suf] == b[b.size() - 1 - suf]) {
    ++suf;
  }
  std::vector<DiffPiece> out;
  for (size_t i = 0; i < pre; ++i) Append(out, '=', a[i]);
  const size_t n = a.size() - pre - suf, m = b.size() - pre - suf;
  if (n * m > kMaxCells) {
    for (size_t i = 0; i < n; ++i) Append(out, '-', a[pre + i]);
    for (size_t j = 0; j < m; ++j) Append(out, '+', b[pre + j]);
  } else {
    // lcs[i][j]: LCS length of a[pre+i..] and b[pre+j..].
    std::vector<uint32_t> lcs((n + 1) * (m + 1), 0);
    auto at = [&](size_t i, size_t j) -> uint32_t& { return lcs[i * (m + 1) + j]; };
    for (size_t i = n; i-- > 0;) {
      for (size_t j = m; j-- > 0;) {
        at(i, j) =
            a[pre + i] == b[pre + j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
      }
    }
    size_t i = 0, j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[pre + i] == b[pre + j]) {
        Append(out, '=', a[pre + i]);
        ++i;
        ++j;
      } else if (i < n && (j == m || at(i + 1, j) >= at(i, j + 1))) {
        Append(out, '-', a[pre + i++]);
      } else {
        Append(out, '+', b[pre + j++]);
      }
    }
  }
  for (size_t k = a.size() - suf; k < a.size(); ++k) Append(out, '=', a[k]);
  return out;
}

}  // namespace vigie::watch
