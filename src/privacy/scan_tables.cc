// Table columns named by their header: in a table whose header line names
// two identity columns or more ("Nom | Prénom | Date de naissance | IPP"),
// the cells below the name, first-name and town headers are those
// identifiers, whatever their words ("Le Floch", "Anne-Sixtine"). Cells are
// split by '|' or tabs; the table ends at a line without them. A header
// naming one such column only ("Nom | Dose | Voie": a drug table) labels
// nothing. Thread-safety: pure function over a per-call Scan.
#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include "privacy/scanner.h"

namespace vigie::privacy::internal {
namespace {

// The cell separator of a line: '|' (two or more) or a tab, else 0.
char CellSeparator(std::string_view line) {
  if (std::count(line.begin(), line.end(), '|') >= 2) return '|';
  return line.find('\t') != std::string_view::npos ? '\t' : 0;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// The label a header cell names, or false. `identity` is set for headers of
// identity columns that label nothing themselves (birth date, IPP, NIR).
bool HeaderLabel(std::string_view cell, Label* label, bool* identity) {
  std::string h = LowerAscii(Trim(cell));
  *identity = false;
  static constexpr std::array<std::pair<std::string_view, Label>, 11> kHeaders = {{
      {"nom", Label::kNom},
      {"nom de naissance", Label::kNom},
      {"nom d'usage", Label::kNom},
      {"nom de famille", Label::kNom},
      {"nom marital", Label::kNom},
      {"prenom", Label::kPrenom},
      {"prenoms", Label::kPrenom},
      {"ville", Label::kVille},
      {"commune", Label::kVille},
      {"lieu de naissance", Label::kVille},
      {"ville de naissance", Label::kVille},
  }};
  for (const auto& [name, l] : kHeaders) {
    if (h == name) {
      *label = l;
      return true;
    }
  }
  for (std::string_view cue : {"naiss", "ddn", "ipp", "nir", "securite sociale", "sexe"}) {
    if (h.find(cue) != std::string::npos) *identity = true;
  }
  return false;
}

// A cell that can be a name or a town: one to four words of letters,
// hyphens and apostrophes, the first capitalised.
bool NameCell(std::string_view cell) {
  if (cell.empty() || cell.size() > 60) return false;
  unsigned char c0 = static_cast<unsigned char>(cell[0]);
  if (!(c0 >= 0x80 || (c0 >= 'A' && c0 <= 'Z'))) return false;
  int words = 1;
  for (char ch : cell) {
    auto c = static_cast<unsigned char>(ch);
    if (c == ' ') {
      ++words;
    } else if (!(c >= 0x80 || std::isalpha(c) || c == '-' || c == '\'')) {
      return false;
    }
  }
  return words <= 4;
}

}  // namespace

void ScanTableColumns(Scan& scan) {
  std::string_view t = scan.text;
  char sep = 0;
  std::vector<std::pair<size_t, Label>> columns;  // cell index -> label
  for (size_t lb = 0; lb < t.size();) {
    size_t le = t.find('\n', lb);
    if (le == std::string_view::npos) le = t.size();
    std::string_view line = t.substr(lb, le - lb);
    char here = CellSeparator(line);
    if (here == 0 || (sep != 0 && here != sep)) columns.clear();
    if (here != 0 && line.find_first_of("0123456789") == std::string_view::npos) {
      // A header: two identity columns or more, one of them labelling cells.
      columns.clear();
      int identity_columns = 0;
      size_t index = 0;
      for (size_t cb = 0; cb <= line.size(); ++index) {
        size_t ce = line.find(here, cb);
        if (ce == std::string_view::npos) ce = line.size();
        Label label = Label::kNom;
        bool identity = false;
        if (HeaderLabel(line.substr(cb, ce - cb), &label, &identity)) {
          columns.emplace_back(index, label);
          ++identity_columns;
        } else if (identity) {
          ++identity_columns;
        }
        cb = ce + 1;
      }
      if (identity_columns < 2) columns.clear();
      sep = here;
    } else if (!columns.empty()) {
      size_t index = 0;
      for (size_t cb = 0; cb <= line.size(); ++index) {
        size_t ce = line.find(sep, cb);
        if (ce == std::string_view::npos) ce = line.size();
        for (const auto& [column, label] : columns) {
          if (column != index) continue;
          std::string_view cell = Trim(line.substr(cb, ce - cb));
          if (!NameCell(cell)) continue;
          size_t b = lb + static_cast<size_t>(cell.data() - line.data());
          scan.Add(b, b + cell.size(), label, 61);
        }
        cb = ce + 1;
      }
    }
    lb = le + 1;
  }
}

}  // namespace vigie::privacy::internal
