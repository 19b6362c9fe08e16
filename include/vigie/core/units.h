// Units as French prescriptions and labs write them: mg, g, µg, mL, UI, and
// creatinine in µmol/L or mg/dL. Thread-safe: pure functions.
#pragma once

#include <string>
#include <string_view>

#include "vigie/core/status.h"

namespace vigie::units {

enum class Dimension { kMass, kVolume, kInternationalUnit };

struct Unit {
  std::string_view symbol;  // canonical: "mg", "g", "µg", "kg", "mL", "L", "UI"
  Dimension dimension;
  double factor;  // to the dimension's base unit (mg, mL, UI)
};

// Parses "mg", "milligrammes", "µg"/"μg"/"mcg"/"ug"/"microgrammes", "g", "kg",
// "ml"/"mL", "L", "UI"/"IU"/"U". Unknown units give kInvalidArgument.
Result<Unit> ParseUnit(std::string_view text);

// Converts between units of one dimension; mixing dimensions gives kInvalidArgument.
Result<double> Convert(double value, std::string_view from, std::string_view to);

// Creatinine: 1 mg/dL = 88.4 µmol/L.
inline constexpr double kCreatinineUmolPerMgDl = 88.4;
inline double CreatinineMgDlToUmolL(double mg_dl) { return mg_dl * kCreatinineUmolPerMgDl; }
inline double CreatinineUmolLToMgDl(double umol_l) { return umol_l / kCreatinineUmolPerMgDl; }

}  // namespace vigie::units
