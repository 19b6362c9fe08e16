// Fuzzes the two content parsers (data/posology and data/exam-rules files):
// the same bytes go to ParsePosology and ParseExamRules; whatever parses is
// then evaluated on a fixed patient / empty inputs. Properties: never crashes,
// never throws.
#include <cstddef>
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "vigie/dose/posology.h"
#include "vigie/exam/rules.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  vigie::Result<vigie::dose::PosologyBook> book = vigie::dose::ParsePosology(input);
  if (book.ok()) {
    vigie::Patient p;
    p.age_years = 70;
    p.sex = vigie::Sex::kFemale;
    p.weight_kg = 60;
    p.creatinine_umol_l = 120;
    for (const vigie::dose::Substance& s : book->substances) {
      (void)vigie::dose::DoseForPatient(*book, s.name, p);
      vigie::dose::PrescriptionLine line{s.name, "", 500, "mg", 3, 1, "d", 5.0};
      (void)vigie::dose::CheckLine(*book, p, line);
    }
  }
  vigie::Result<vigie::exam::RuleSet> rules = vigie::exam::ParseExamRules(input);
  if (rules.ok()) {
    nlohmann::json inputs = {{"age", 70}, {"sex", "F"}};
    for (const vigie::exam::ExamRule& r : rules->rules) (void)vigie::exam::EvaluateExam(r, inputs);
  }
  return 0;
}
