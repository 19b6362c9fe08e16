// ParseThesaurusText: a line-by-line reader of the thesaurus layout text.
// Headings at column 0 name protagonist A; "+ " lines open an entry with B;
// the entry's body has two columns (risk | level + conduct) split at the
// column where the level label is printed. Thread-safety: pure function.
#include <algorithm>
#include <cctype>
#include <map>

#include "kb/thesaurus_raw.h"
#include "kb/thesaurus_text.h"
#include "vigie/core/text.h"
#include "vigie/kb/thesaurus.h"

namespace vigie::kb {

using thesaurus::RawEntry;

namespace {

bool IsPageNumber(std::string_view t) {
  return t.size() <= 4 &&
         std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Splits "a, b (c, d), e" at top-level commas (or " - " for Voir aussi lists).
std::vector<std::string> SplitList(std::string_view s, std::string_view sep) {
  std::vector<std::string> out;
  std::string cur;
  int depth = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '(') ++depth;
    if (s[i] == ')') --depth;
    if (depth == 0 && s.substr(i, sep.size()) == sep) {
      out.emplace_back(text::Trim(cur));
      cur.clear();
      i += sep.size() - 1;
      continue;
    }
    cur += s[i];
  }
  if (!text::Trim(cur).empty()) out.emplace_back(text::Trim(cur));
  return out;
}

// The shape of a line: trimmed, digit runs as one '#', space runs as one
// space, so that a running footer with a page counter ("ANSM - Janvier 2016
// www.ansm.sante.fr 5/226") has the same shape on every page.
std::string LineShape(std::string_view line) {
  std::string out;
  for (char c : text::Trim(line)) {
    bool digit = std::isdigit(static_cast<unsigned char>(c)) != 0;
    bool space = c == ' ' || c == '\t';
    if (digit && !out.empty() && out.back() == '#') continue;
    if (space && !out.empty() && out.back() == ' ') continue;
    out += digit ? '#' : space ? ' ' : c;
  }
  return out;
}

// Shapes of the lines printed at the top or bottom of most pages (running
// headers, footers).
std::vector<std::string> Boilerplate(const std::vector<std::vector<std::string>>& pages) {
  std::map<std::string, int> seen;
  for (const auto& lines : pages) {
    std::vector<std::string> nonblank, uniq;
    for (const std::string& l : lines) {
      if (!text::Trim(l).empty()) nonblank.emplace_back(LineShape(l));
    }
    for (size_t i = 0; i < nonblank.size(); ++i) {
      if (i < 2 || i + 2 >= nonblank.size()) uniq.push_back(nonblank[i]);
    }
    std::sort(uniq.begin(), uniq.end());
    uniq.erase(std::unique(uniq.begin(), uniq.end()), uniq.end());
    for (const std::string& u : uniq) ++seen[u];
  }
  std::vector<std::string> out;
  for (const auto& [line, n] : seen) {
    if (!line.empty() && pages.size() >= 10 && n * 2 > static_cast<int>(pages.size()) &&
        line.find("+ ") != 0) {
      out.push_back(line);
    }
  }
  return out;
}

std::vector<std::string> SplitLines(std::string_view page) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= page.size()) {
    size_t nl = page.find('\n', start);
    std::string_view l = page.substr(start, nl == std::string_view::npos ? nl : nl - start);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    out.emplace_back(l);
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return out;
}

// The line reader: headings, "+ " lines, member lists and "Voir aussi" lines.
class Reader {
 public:
  explicit Reader(ParsedThesaurus* out) : out_(out) {}

  void Line(int page, const std::string& line) {
    std::string_view t = text::Trim(line);
    if (IsPageNumber(t) && !t.empty()) return;
    int indent = thesaurus::Indent(line);
    if (t.empty()) {
      if (active_) entries_.back().body.push_back({page, ""});
      FlushSeeAlso();
      list_ = List::kNone;
      return;
    }
    if (indent <= 2 && t.starts_with("+")) return Plus(page, t);
    if (indent == 0 && thesaurus::IsUpperHeading(t)) return Heading(std::string(t));
    if (active_ && !(indent <= 2 && t.starts_with("("))) {
      entries_.back().body.push_back({page, line});
      return;
    }
    active_ = false;  // a list printed after the heading's entries
    HeadingZone(page, t);
  }

  std::vector<RawEntry> Take() {
    FlushSeeAlso();
    return std::move(entries_);
  }

 private:
  enum class List { kNone, kMembers, kSeeAlso };

  void Plus(int page, std::string_view t) {
    FlushSeeAlso();
    ++out_->plus_lines;
    RawEntry e;
    e.a = heading_;
    e.b = std::string(text::Trim(t.substr(1)));
    e.plus_line = std::string(t);
    e.page = page;
    entries_.push_back(std::move(e));
    active_ = true;
    heading_used_ = true;
    list_ = List::kNone;
  }

  void Heading(std::string t) {
    FlushSeeAlso();
    if (active_ && entries_.back().body.empty()) {  // B printed on two lines
      entries_.back().b += " " + t;
      return;
    }
    active_ = false;
    list_ = List::kNone;
    if (!heading_used_ && last_was_heading_) {
      heading_ += " " + t;  // A printed on two lines
    } else {
      heading_ = std::move(t);
    }
    heading_used_ = false;
    last_was_heading_ = true;
  }

  void HeadingZone(int page, std::string_view t) {
    last_was_heading_ = false;
    if (t.starts_with("Voir aussi")) {
      FlushSeeAlso();
      size_t colon = t.find(':');
      list_ = List::kSeeAlso;
      see_also_page_ = page;
      if (colon != std::string_view::npos) see_also_ = text::Trim(t.substr(colon + 1));
      return;
    }
    if (t.starts_with("(voir aussi")) {  // (voir aussi "bradycardisants")
      FlushSeeAlso();
      std::string items(t.substr(11, t.size() > 12 ? t.size() - 12 : 0));
      std::erase(items, '"');
      SeeAlso(page, items);
      return;
    }
    if (list_ == List::kSeeAlso && !t.starts_with("(")) {
      // The list goes on over the next lines: "médicaments abaissant la" /
      // "pression artérielle"; a word cut at its hyphen joins without a space.
      bool cut = see_also_.size() >= 2 && see_also_.back() == '-' &&
                 see_also_[see_also_.size() - 2] != ' ';
      see_also_ += (see_also_.empty() || cut ? "" : " ") + std::string(t);
      return;
    }
    FlushSeeAlso();
    if (t.starts_with("(") || list_ == List::kMembers) {
      list_ = List::kMembers;
      members_ += members_.empty() ? std::string(t) : " " + std::string(t);
      if (t.ends_with(")")) Members(page);
      return;
    }
  }

  // Records the "Voir aussi" list read so far (it may span several lines).
  void FlushSeeAlso() {
    if (!see_also_.empty()) SeeAlso(see_also_page_, see_also_);
    see_also_.clear();
    if (list_ == List::kSeeAlso) list_ = List::kNone;
  }

  // Classes of a "Voir aussi" list are separated by " - " in every version; a
  // class name may itself hold a comma ("médicaments, bradykinine et
  // angio-œdème"), so a comma never splits the list.
  void SeeAlso(int page, std::string_view items) {
    for (const std::string& cls : SplitList(items, " - ")) {
      out_->memberships.push_back({cls, heading_, "voir_aussi", page});
    }
    heading_used_ = true;
  }

  void Members(int page) {
    std::string_view inner = text::Trim(members_);
    inner = inner.substr(1, inner.size() - 2);
    for (const std::string& m : SplitList(inner, ", ")) {
      out_->memberships.push_back({heading_, m, "texte", page});
    }
    members_.clear();
    list_ = List::kNone;
    heading_used_ = true;
  }

  ParsedThesaurus* out_;
  std::vector<RawEntry> entries_;
  std::string heading_, members_, see_also_;
  int see_also_page_ = 0;
  bool active_ = false, heading_used_ = false, last_was_heading_ = false;
  List list_ = List::kNone;
};

}  // namespace

ParsedThesaurus ParseThesaurusText(const std::vector<std::string>& pages) {
  std::vector<std::vector<std::string>> lines;
  for (const std::string& p : pages) lines.push_back(SplitLines(p));
  std::vector<std::string> boiler = Boilerplate(lines);
  ParsedThesaurus out;
  Reader reader(&out);
  for (size_t p = 0; p < lines.size(); ++p) {
    for (const std::string& l : lines[p]) {
      if (std::binary_search(boiler.begin(), boiler.end(), LineShape(l))) continue;
      reader.Line(static_cast<int>(p) + 1, l);
    }
  }
  std::vector<RawEntry> raw = reader.Take();
  thesaurus::AssembleEntries(raw, &out);
  for (const ThesaurusEntry& e : out.entries) out.headings.push_back(e.a);
  for (const ClassMembership& m : out.memberships) {
    out.headings.push_back(m.origin == "texte" ? m.class_name : m.substance);
  }
  std::sort(out.headings.begin(), out.headings.end());
  out.headings.erase(std::unique(out.headings.begin(), out.headings.end()), out.headings.end());
  return out;
}

}  // namespace vigie::kb
