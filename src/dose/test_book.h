// Test-only helpers for the posology tests: the real data/posology files
// loaded once, a Patient from JSON, the dose JSON and the finding codes of one
// prescription line. Thread-safety: the book is built once (function-local
// static); the helpers are otherwise pure.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "calc/shared_csv_test_util.h"
#include "vigie/dose/posology.h"

namespace vigie::dose::testing_util {

using nlohmann::json;

inline PosologyBook LoadRealBook() {
  PosologyBook book;
  std::filesystem::path dir =
      std::filesystem::path(vigie::testing::SourceDir()) / "data" / "posology";
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    Result<PosologyBook> one = ParsePosology(vigie::testing::ReadFileOrEmpty(e.path().string()));
    EXPECT_TRUE(one.ok()) << e.path() << ": " << one.status().Message(Lang::kEn);
    if (one.ok()) {
      EXPECT_TRUE(MergeBooks(book, std::move(one).value()).ok());
    }
  }
  return book;
}

inline const PosologyBook& Book() {
  static const PosologyBook kBook = LoadRealBook();
  return kBook;
}

inline Patient P(const json& j) {
  Result<Patient> p = PatientFromJson(j);
  EXPECT_TRUE(p.ok()) << p.status().Message(Lang::kEn);
  return p.ok() ? *p : Patient{};
}

inline json Dose(const std::string& substance, const json& patient,
                 const std::string& indication = "") {
  Result<json> r = DoseForPatient(Book(), substance, P(patient), indication);
  EXPECT_TRUE(r.ok()) << substance << ": " << r.status().Message(Lang::kEn);
  return r.ok() ? *r : json();
}

// Finding codes for `dose` `unit`, `freq` intakes per 1 `period_unit`.
inline std::vector<std::string> Codes(const std::string& substance, const json& patient,
                                      double dose, double freq,
                                      const std::string& period_unit = "d",
                                      const std::string& unit = "mg",
                                      std::optional<double> days = std::nullopt,
                                      double period = 1) {
  PrescriptionLine line;
  line.substance = substance;
  line.dose_value = dose;
  line.dose_unit = unit;
  line.frequency = freq;
  line.period = period;
  line.period_unit = period_unit;
  line.duration_days = days;
  Result<std::vector<Finding>> r = CheckLine(Book(), P(patient), line);
  EXPECT_TRUE(r.ok()) << r.status().Message(Lang::kEn);
  std::vector<std::string> out;
  if (r.ok()) {
    for (const Finding& f : *r) out.push_back(f.code);
  }
  return out;
}

inline bool Has(const std::vector<std::string>& codes, const std::string& code) {
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

// True when the dose JSON lists a band of this kind and action.
inline bool HasBand(const json& dose, const std::string& kind, const std::string& action) {
  for (const json& b : dose.value("bands", json::array())) {
    if (b["kind"] == kind && b["action"] == action) return true;
  }
  return false;
}

}  // namespace vigie::dose::testing_util
