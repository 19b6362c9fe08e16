// Test-only helpers: reads the verified reference files of
// ../shared/clinical/ (never copied into the repository) and splits CSV rows.
// The shared directory is $VIGIE_SOURCE_DIR/../shared (VIGIE_SOURCE_DIR is set
// by vigie_test()). Thread-safety: pure functions (file reads only).
#pragma once

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace vigie::testing {

inline std::string SourceDir() {
  const char* dir = std::getenv("VIGIE_SOURCE_DIR");
  return dir == nullptr ? std::string(".") : std::string(dir);
}

inline std::string ReadFileOrEmpty(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::string ReadSharedClinical(const std::string& name) {
  return ReadFileOrEmpty(SourceDir() + "/../shared/clinical/" + name);
}

// RFC 4180 CSV: quoted fields, doubled quotes, newlines inside quotes.
inline std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(field);
      field.clear();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      row.push_back(field);
      field.clear();
      if (!(row.size() == 1 && row[0].empty())) rows.push_back(row);
      row.clear();
    } else {
      field += c;
    }
  }
  if (!field.empty() || !row.empty()) {
    row.push_back(field);
    rows.push_back(row);
  }
  return rows;
}

// Rows as maps keyed by the header line.
inline std::vector<std::map<std::string, std::string>> CsvRecords(const std::string& text) {
  std::vector<std::vector<std::string>> rows = ParseCsv(text);
  std::vector<std::map<std::string, std::string>> out;
  for (size_t r = 1; r < rows.size(); ++r) {
    std::map<std::string, std::string> rec;
    for (size_t c = 0; c < rows[0].size() && c < rows[r].size(); ++c) rec[rows[0][c]] = rows[r][c];
    out.push_back(rec);
  }
  return out;
}

// Digits after the decimal point of a printed number ("38.256" -> 3).
inline int PrintedDecimals(const std::string& printed) {
  size_t dot = printed.find('.');
  return dot == std::string::npos ? 0 : static_cast<int>(printed.size() - dot - 1);
}

// True when `value` rounds to `printed` at the printed precision.
inline bool MatchesAtPrintedPrecision(double value, const std::string& printed) {
  double scale = std::pow(10.0, PrintedDecimals(printed));
  return std::fabs(std::round(value * scale) / scale - std::stod(printed)) < 0.5 / scale;
}

}  // namespace vigie::testing
