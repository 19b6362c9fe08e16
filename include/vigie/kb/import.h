// Importers of official sources into the KB: BDPM snapshot folders and ANSM
// interaction thesaurus versions. Each import is one SQLite transaction that
// records a snapshot (source, version, sha256 of every input file, import
// time); importing the same files again is a no-op; a killed import leaves
// the last committed state. Thread-safety: one import per KB file at a time
// (SQLite's write lock serialises concurrent importers).
#pragma once

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "vigie/core/env.h"
#include "vigie/core/status.h"

namespace vigie::kb {

// A line or entry that was not imported, with where it is and why (French).
struct ImportIssue {
  std::string file;
  int64_t line = 0;  // 1-based line for BDPM files, page for thesaurus PDFs
  std::string reason;
};

struct ImportedFile {
  std::string name;
  std::string kind;  // BDPM table or "thesaurus" / "index_substances" / "index_classes"
  std::string sha256;
  int64_t bytes = 0;
  std::string encoding;
  int64_t repaired_c1 = 0;
  int64_t rows = 0;
  int64_t skipped = 0;
};

struct ImportReport {
  std::string source;   // "bdpm" or "thesaurus"
  std::string version;  // folder date (BDPM) or YYYY-MM (thesaurus)
  int64_t snapshot_id = 0;
  bool already_imported = false;  // same files were imported before: nothing done
  std::vector<ImportedFile> files;
  std::vector<std::string> missing_files;  // official files absent from the folder
  std::vector<std::string> ignored_files;  // files of the folder that are not official
  std::vector<ImportIssue> issues;
  int64_t entry_lines = 0;  // thesaurus: "+ " lines seen (entries + unparsed)
  int64_t entries = 0;      // thesaurus: entries parsed
  double seconds = 0;
  nlohmann::json ToJson() const;
};

struct ImportOptions {
  // Version label; empty means the folder's name ("2026-01", "2020-10").
  std::string version;
  // Called after each file is staged, inside the transaction (tests use it to
  // kill the process mid-import). May be empty.
  std::function<void(std::string_view file, int64_t rows)> on_file_staged;
};

// Imports every official BDPM file of `dir` into the KB at `kb_path` (created if
// absent). Missing files are listed, malformed lines reported and skipped.
// Failure: kFileNotFound (dir), kIoError (read or SQLite), kDataError (no BDPM
// file at all in dir).
Result<ImportReport> ImportBdpm(Env& env, const std::string& kb_path, const std::string& dir,
                                const ImportOptions& options = {});

// Imports one thesaurus version folder (the thesaurus PDF and its indexes).
// Unparsed entries are listed in the report with their page.
// Failure: kFileNotFound, kIoError, kDataError (no thesaurus PDF or unreadable PDF).
Result<ImportReport> ImportThesaurus(Env& env, const std::string& kb_path, const std::string& dir,
                                     const ImportOptions& options = {});

}  // namespace vigie::kb
