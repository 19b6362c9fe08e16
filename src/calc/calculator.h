// Private building blocks of the calculator registry: validated inputs, the
// compute function type, and helpers that declare common inputs once.
// Thread-safety: values and pure functions only.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "vigie/calc/registry.h"

namespace vigie::calc {

// Inputs after validation: canonical values, plus the name and value as given.
class Inputs {
 public:
  struct Value {
    double number = 0;     // canonical unit (numbers, integers; 1/0 for booleans)
    std::string text;      // sex ("M"/"F"), choice, date
    std::string given_as;  // the name used in the request
    double given_number = 0;
  };

  bool Has(const std::string& name) const { return values_.count(name) != 0; }
  // Callers check Has() first for optional inputs; required ones are present.
  double Number(const std::string& name) const { return values_.at(name).number; }
  bool Bool(const std::string& name) const { return values_.at(name).number != 0; }
  const std::string& Text(const std::string& name) const { return values_.at(name).text; }
  bool Female() const { return Text("sex") == "F"; }
  const std::string& GivenAs(const std::string& name) const { return values_.at(name).given_as; }
  double GivenNumber(const std::string& name) const { return values_.at(name).given_number; }
  void Set(const std::string& name, Value v) { values_[name] = std::move(v); }
  const std::map<std::string, Value>& all() const { return values_; }

 private:
  std::map<std::string, Value> values_;
};

struct Output {
  double value = 0;
  std::string interpretation_fr;
  std::string interpretation_en;
  std::string formula;  // empty: the calculator's declared formula
  std::string unit;     // empty: the calculator's declared unit
};

using ComputeFn = Result<Output> (*)(const Inputs&);

struct Calculator {
  CalculatorInfo info;
  ComputeFn compute;
};

// Reads and validates `j` against the declared inputs of `info`.
Result<Inputs> ReadInputs(const CalculatorInfo& info, const nlohmann::json& j);

// Declaration helpers (labels fr/en are shown by the UI and the CLI).
InputSpec Num(std::string name, std::string unit, double min, double max, std::string fr,
              std::string en);
InputSpec Int(std::string name, double min, double max, std::string fr, std::string en);
InputSpec Flag(std::string name, std::string fr, std::string en);
InputSpec Optional(InputSpec spec);
InputSpec AgeInput(double min_years);
InputSpec SexInput();
InputSpec WeightInput();
InputSpec HeightInput();
InputSpec CreatinineInput();
InputSpec CreatinineDateInput();

// Sums `points` for each boolean item that is true.
double SumItems(const Inputs& in, const std::vector<std::pair<std::string, double>>& items);

// "x" with `decimals` digits, for formula and interpretation text.
std::string Fixed(double value, int decimals);

// Per family of calculators (one file each).
std::vector<Calculator> RenalCalculators();
std::vector<Calculator> BodyCalculators();
std::vector<Calculator> ThromboCalculators();
std::vector<Calculator> AcuteCalculators();
std::vector<Calculator> DecisionRuleCalculators();

}  // namespace vigie::calc
