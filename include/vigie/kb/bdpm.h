// BDPM file formats (Base de données publique des médicaments) and the pure
// functions that decode and split their lines. The table of files and columns is
// the one source of truth for the importer, the schema and the stats.
// Official spec: data/bdpm/doc/Contenu_et_format_..._v4.pdf (27/08/2025).
// Thread-safety: pure functions and immutable tables, safe from any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vigie::kb {

// One official BDPM file: its name (or name prefix), the SQL table it fills and
// its columns in file order. `cis_column` is the index of the CIS code column
// (validated as 8 digits) or -1.
struct BdpmFileSpec {
  std::string_view file;   // "CIS_bdpm.txt"; a prefix when `prefix` is true
  bool prefix;             // CIS_InfoImportantes_AAAAMMJJhhmiss_bdpm.txt
  std::string_view table;  // "bdpm_specialite"
  std::vector<std::string_view> columns;
  int cis_column;
  size_t min_columns;  // older files may lack the last columns
};

// All official files, in import order (CIS_bdpm first).
const std::vector<BdpmFileSpec>& BdpmFileSpecs();

// The spec for a file name, or nullptr for a file that is not a BDPM file.
const BdpmFileSpec* FindBdpmSpec(std::string_view file_name);

// How a file's bytes were turned into UTF-8.
enum class SourceEncoding { kUtf8, kUtf8RepairedC1, kWindows1252 };
std::string_view EncodingName(SourceEncoding e);

struct DecodedText {
  std::string utf8;
  SourceEncoding encoding = SourceEncoding::kUtf8;
  size_t repaired_c1 = 0;  // C1 code points re-decoded through Windows-1252
};

// Detects the encoding of a whole file and returns UTF-8. Valid UTF-8 is kept,
// except that C1 code points U+0080-U+009F (Windows-1252 bytes once decoded as
// Latin-1 by a third party) are re-decoded through Windows-1252 (U+0092 -> ’).
// Anything else is decoded as Windows-1252. Never fails.
DecodedText DecodeBdpmBytes(std::string_view bytes);

// Splits one line (without its '\n') into fields: drops a trailing '\r', and
// the empty fields that trailing TABs add past the spec's column count. On a
// malformed line returns nullopt and sets `*reason` (French, no data quoted).
std::optional<std::vector<std::string_view>> ParseBdpmLine(std::string_view line,
                                                           const BdpmFileSpec& spec,
                                                           std::string* reason);

}  // namespace vigie::kb
