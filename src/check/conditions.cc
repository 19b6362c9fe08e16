// Reading the condition text of a thesaurus level into predicates Vigie can
// decide from a prescription line (aspirin dose ranges, weekly methotrexate
// dose), name keys for matching, and per-intake/day/week amounts.
// Thread-safety: pure functions.
#include <cctype>
#include <regex>

#include "check/internal.h"
#include "vigie/core/text.h"

namespace vigie::check {
namespace {

void ReplaceAll(std::string& s, std::string_view from, std::string_view to) {
  for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) {
    s.replace(p, from.size(), to);
  }
}

std::string Collapse(std::string_view s) {
  std::string out;
  for (char c : s) {
    bool space = std::isspace(static_cast<unsigned char>(c)) != 0;
    if (space && (out.empty() || out.back() == ' ')) continue;
    out.push_back(space ? ' ' : c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string FoldCondition(std::string_view text) {
  std::string s(text);
  ReplaceAll(s, "\xE2\x80\x99", "'");
  ReplaceAll(s, "\n", " ");
  return Collapse(text::Fold(s));
}

bool Has(const std::string& s, std::string_view w) { return s.find(w) != std::string::npos; }

// Reads the predicates of one alternative; `last_threshold` carries the last
// weekly methotrexate threshold seen ("pour des doses inférieures").
Alternative ReadAlternative(const std::string& s, std::optional<double>& last_threshold) {
  Alternative a;
  if (Has(s, "anti-inflammatoire")) a.aspirin_doses |= kAntiInflammatory;
  if (Has(s, "antalgique") || Has(s, "antipyretique")) a.aspirin_doses |= kAnalgesic;
  if (Has(s, "antiagregant")) a.aspirin_doses |= kAntiplatelet;
  static const std::regex kWeekly(
      R"((superieures? ou egales? a|inferieures? ou egales? a|superieures? a|inferieures? a|>=|=<|<=|>|<)\s*(\d+(?:[.,]\d+)?)\s*mg\s*(?:/|par)\s*semaine)");
  std::smatch m;
  if (std::regex_search(s, m, kWeekly)) {
    std::string op = m[1].str();
    std::string num = m[2].str();
    ReplaceAll(num, ",", ".");
    double n = std::strtod(num.c_str(), nullptr);
    last_threshold = n;
    if (op == ">" || op.starts_with("superieures a") || op.starts_with("superieure a"))
      a.mtx_gt = n;
    else if (op == ">=" || op.starts_with("superieure"))
      a.mtx_gt = n - 1e-9;
    else if (op == "<")
      a.mtx_le = n - 1e-9;
    else if (op.starts_with("inferieures a") || op.starts_with("inferieure a"))
      a.mtx_le = n - 1e-9;
    else
      a.mtx_le = n;
  } else if (Has(s, "doses inferieures") && last_threshold) {
    a.mtx_le = *last_threshold;
  }
  if (Has(s, "ulcere") || Has(s, "indications validees") || Has(s, "syndromes coronariens")) {
    a.undecidable = true;  // history or indication: not in the request
  }
  return a;
}

}  // namespace

std::string NameKey(std::string_view printed) {
  std::string s(printed);
  ReplaceAll(s, "\xE2\x80\x99", "'");
  std::string no_paren;
  int depth = 0;
  for (char c : s) {
    if (c == '(')
      ++depth;
    else if (c == ')')
      depth = depth > 0 ? depth - 1 : 0;
    else if (depth == 0)
      no_paren.push_back(c);
  }
  return Collapse(text::Fold(no_paren));
}

std::vector<Alternative> ParseCondition(std::string_view condition) {
  std::vector<Alternative> out;
  std::string s = FoldCondition(condition);
  if (s.empty()) return out;
  // Bullets are "- " at the start or " - " inside; a piece ending with ':'
  // after its last sentence is a header for the bullets that follow.
  std::vector<std::string> pieces;
  size_t start = 0;
  const bool leading_bullet = s.starts_with("- ");
  if (leading_bullet) start = 2;
  for (size_t p = s.find(" - ", start);; p = s.find(" - ", start)) {
    pieces.push_back(s.substr(start, p == std::string::npos ? std::string::npos : p - start));
    if (p == std::string::npos) break;
    start = p + 3;
  }
  std::optional<double> last;
  if (pieces.size() == 1) {
    out.push_back(ReadAlternative(pieces[0], last));
    return out;
  }
  std::string header;
  for (size_t i = 0; i < pieces.size(); ++i) {
    std::string piece = pieces[i];
    std::string next_header;
    size_t colon = piece.rfind(':');
    if (colon != std::string::npos && Collapse(piece.substr(colon + 1)).empty()) {
      size_t dot = piece.rfind(". ", colon);
      size_t h = dot == std::string::npos ? 0 : dot + 2;
      next_header = piece.substr(h);
      piece = piece.substr(0, h);
    }
    if ((i > 0 || leading_bullet) && !Collapse(piece).empty())
      out.push_back(ReadAlternative(header + " " + piece, last));
    if (!next_header.empty()) header = next_header;
  }
  if (out.empty()) out.push_back(ReadAlternative(s, last));
  return out;
}

Amounts AmountsOf(const Line& line) {
  Amounts a;
  if (line.timing && line.timing->period > 0) {
    double hours = line.timing->period_unit == "h"    ? 1
                   : line.timing->period_unit == "wk" ? 168
                                                      : 24;
    a.intakes_per_week = line.timing->frequency * 168.0 / (line.timing->period * hours);
  }
  if (!line.dose) return a;
  std::string u = line.dose->unit;
  for (char& c : u) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  double factor = u == "mg"                                                    ? 1
                  : u == "g"                                                   ? 1000
                  : (u == "µg" || u == "\xCE\xBCg" || u == "ug" || u == "mcg") ? 0.001
                                                                               : 0;
  if (factor == 0) return a;
  a.per_intake_mg = line.dose->value * factor;
  if (a.intakes_per_week) {
    a.per_week_mg = *a.per_intake_mg * *a.intakes_per_week;
    a.per_day_mg = *a.per_week_mg / 7.0;
  }
  return a;
}

}  // namespace vigie::check
