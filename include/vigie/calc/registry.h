// The calculator registry: every clinical formula and score Vigie computes,
// each declared once (id, names, typed inputs with units and ranges, output
// unit, formula text, published source). The CLI, the HTTP API and the UI read
// this registry; nothing else lists calculators.
// Thread-safety: the registry is built once (function-local static) and then
// read-only; Evaluate and ListJson are pure and safe to call concurrently.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "vigie/core/status.h"

namespace vigie::calc {

enum class InputType {
  kNumber,   // any real number in [min, max]
  kInteger,  // a whole number in [min, max]
  kBoolean,  // true/false (score items)
  kSex,      // "M"/"F" (also "H")
  kChoice,   // one of `choices`
  kDate,     // "YYYY-MM-DD" (e.g. creatinine_date, shown with the result)
};

// Another name under which an input may be given, in another unit:
// canonical = given * factor + offset (e.g. creatinine_mg_dl * 88.4).
struct AlternativeInput {
  std::string name;
  std::string unit;
  double factor = 1;
  double offset = 0;
};

struct InputSpec {
  std::string name;  // canonical name, e.g. "creatinine_umol_l"
  InputType type = InputType::kNumber;
  std::string unit;  // of the canonical name; empty for booleans
  double min = 0;    // allowed range (inclusive), canonical unit
  double max = 0;
  bool required = true;
  std::string label_fr;
  std::string label_en;
  std::vector<AlternativeInput> alternatives;  // e.g. creatinine_mg_dl, age_months
  std::vector<std::string> choices;            // kChoice only; first is the default
};

struct CalculatorInfo {
  std::string id;  // e.g. "cockcroft-gault"
  std::string name_fr;
  std::string name_en;
  std::vector<InputSpec> inputs;
  std::string output_unit;  // "mL/min", "points", "decision"...
  int decimals = 0;         // display precision of value
  std::string formula;      // formula or rule text
  std::string source;       // published source (authors, journal, year;volume:page)
};

struct CalcResult {
  std::string id;
  double value = 0;  // unrounded; round to `decimals` for display
  int decimals = 0;
  std::string unit;
  std::string interpretation_fr;
  std::string interpretation_en;
  std::string formula;  // the formula and conventions actually applied
  std::string source;
  nlohmann::json inputs_used;  // {name: {"value", "unit", "given_as"}}
};

// All calculators, in a stable order.
const std::vector<CalculatorInfo>& AllCalculators();

// The calculator `id`, or nullptr.
const CalculatorInfo* FindCalculator(std::string_view id);

// Evaluates calculator `id` on a JSON object of inputs. A Patient object is
// accepted as is (Patient fields a calculator does not use are ignored).
// Errors: kNotFound (unknown id), kMissingInput (names the input),
// kOutOfRange (names the input and the allowed range in the unit given),
// kInvalidArgument (wrong type, inconsistent inputs), kUnknownField (a field
// neither an input of this calculator nor a Patient field). Never throws.
Result<CalcResult> Evaluate(std::string_view id, const nlohmann::json& inputs);

// Converts CLI "key=value" arguments into the JSON object Evaluate takes,
// using the declared input types ("true"/"false"/"oui"/"non"/"1"/"0" for
// booleans). Errors: kNotFound, kUsage (no '='), kInvalidArgument.
Result<nlohmann::json> InputsFromKeyValues(std::string_view id,
                                           const std::vector<std::string>& args);

// The registry as JSON: [{"id", "name": {"fr","en"}, "inputs": [...],
// "output_unit", "decimals", "formula", "source"}].
nlohmann::json ListJson();

// {"id", "value", "unit", "interpretation": {"fr","en"}, "formula", "source",
//  "inputs_used"}; value rounded to the calculator's display precision.
nlohmann::json ToJson(const CalcResult& result);

}  // namespace vigie::calc
