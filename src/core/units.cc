// Unit parsing and conversion. Thread-safe: read-only table.
#include "vigie/core/units.h"

#include <array>

#include "vigie/core/text.h"

namespace vigie::units {
namespace {

struct Alias {
  std::string_view folded;  // text::Fold form
  Unit unit;
};

constexpr Unit kMg{"mg", Dimension::kMass, 1.0};
constexpr Unit kG{"g", Dimension::kMass, 1000.0};
constexpr Unit kKg{"kg", Dimension::kMass, 1e6};
constexpr Unit kUg{"µg", Dimension::kMass, 1e-3};
constexpr Unit kMl{"mL", Dimension::kVolume, 1.0};
constexpr Unit kL{"L", Dimension::kVolume, 1000.0};
constexpr Unit kUi{"UI", Dimension::kInternationalUnit, 1.0};

constexpr std::array<Alias, 21> kAliases = {{
    {"mg", kMg},
    {"milligramme", kMg},
    {"milligrammes", kMg},
    {"g", kG},
    {"gramme", kG},
    {"grammes", kG},
    {"kg", kKg},
    {"µg", kUg},
    {"μg", kUg},
    {"mcg", kUg},
    {"ug", kUg},
    {"microgramme", kUg},
    {"microgrammes", kUg},
    {"ml", kMl},
    {"millilitre", kMl},
    {"millilitres", kMl},
    {"l", kL},
    {"ui", kUi},
    {"iu", kUi},
    {"u", kUi},
    {"unites", kUi},
}};

}  // namespace

Result<Unit> ParseUnit(std::string_view input) {
  std::string folded = text::Fold(text::Trim(input));
  for (const Alias& alias : kAliases) {
    if (alias.folded == folded) return alias.unit;
  }
  return Status::Error(ErrorCode::kInvalidArgument, {"unité « " + std::string(input) + " »"});
}

Result<double> Convert(double value, std::string_view from, std::string_view to) {
  Result<Unit> a = ParseUnit(from);
  if (!a.ok()) return a.status();
  Result<Unit> b = ParseUnit(to);
  if (!b.ok()) return b.status();
  if (a->dimension != b->dimension) {
    return Status::Error(ErrorCode::kInvalidArgument,
                         {std::string(from) + " -> " + std::string(to)});
  }
  return value * a->factor / b->factor;
}

}  // namespace vigie::units
