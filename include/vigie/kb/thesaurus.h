// The ANSM "Thésaurus des interactions médicamenteuses" as data: entries
// (protagonist A + protagonist B, levels with their conditions, risk, conduct,
// page) and class memberships, parsed from the text layer of the official PDFs.
// ParseThesaurusText is pure (text in, structure out); ReadPdfPages does the
// PDF I/O with poppler-cpp. Thread-safety: pure functions, safe from any thread.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "vigie/core/status.h"

namespace vigie::kb {

// The four ANSM levels, most severe first.
enum class Level { kCI, kASDEC, kPE, kAPEC };
std::string_view LevelCode(Level level);  // "CI", "ASDEC", "PE", "APEC"

struct LevelCondition {
  Level level;
  std::string condition;  // when this level applies; "" when the entry has one level
};

struct ThesaurusEntry {
  std::string a;            // protagonist A as printed (substance or class heading)
  std::string b;            // protagonist B as printed after "+ "
  std::string level_label;  // as printed: "CI - ASDEC", "Précaution d'emploi"
  std::vector<LevelCondition> levels;
  std::string risk;     // risk / mechanism column
  std::string conduct;  // conduct column, level label removed, paragraphs by '\n'
  int page = 0;         // 1-based PDF page of the "+ " line
};

struct ClassMembership {
  std::string class_name;  // heading as printed
  std::string substance;   // member as printed
  std::string origin;      // "texte" (list under the heading), "voir_aussi", "index"
  int page = 0;
};

struct UnparsedEntry {
  int page = 0;
  std::string text;    // the "+ " line
  std::string reason;  // French
};

struct ParsedThesaurus {
  std::vector<ThesaurusEntry> entries;
  std::vector<ClassMembership> memberships;
  std::vector<UnparsedEntry> unparsed;
  std::vector<std::string> headings;  // every A heading that has entries or members
  int plus_lines = 0;                 // "+ " lines seen (entries + unparsed)
};

// Parses the layout text of the thesaurus, one string per PDF page (as poppler's
// physical layout gives it). Never fails: what cannot be parsed is listed.
ParsedThesaurus ParseThesaurusText(const std::vector<std::string>& pages);

// Parses the "index des classes" PDF text: class heading, then "(members)".
std::vector<ClassMembership> ParseClassIndexText(const std::vector<std::string>& pages);

// Parses the "index des substances" PDF text (also 2010-12's single index):
// each substance, and the classes it is in ("Voir : a - b", "Interactions en
// propre mais voir aussi : a - b"). Every substance name goes to *names.
std::vector<ClassMembership> ParseSubstanceIndexText(const std::vector<std::string>& pages,
                                                     std::vector<std::string>* names);

// The version printed on a thesaurus booklet, "YYYY-MM", from the first
// "<mois> <année>" of its first two pages ("Octobre 2020" -> "2020-10"); ""
// when none is printed there.
std::string PrintedVersion(const std::vector<std::string>& pages);

// Text of every page of a PDF in physical layout, UTF-8. Failure: kFileNotFound
// or kDataError (not a PDF, encrypted, unreadable).
Result<std::vector<std::string>> ReadPdfPages(const std::string& path);
// The same from the PDF's bytes (read through an Env); `name` is for messages.
Result<std::vector<std::string>> ReadPdfPagesFromBytes(std::string_view bytes,
                                                       const std::string& name);

}  // namespace vigie::kb
