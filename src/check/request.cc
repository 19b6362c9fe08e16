// The check request as JSON (DESIGN.md conventions, issue 4): patient, as_of,
// thesaurus_version, min_level and lines with dose {value, unit} and timing
// {frequency, period, period_unit} or the per_day shorthand. Every bad field is
// named in the error; nothing is dropped silently.
// Thread-safety: pure function.
#include <set>

#include "check/internal.h"

namespace vigie::check {
namespace {

using nlohmann::json;

constexpr size_t kMaxLines = 200;

Status Bad(const std::string& field) { return Status::Error(ErrorCode::kInvalidArgument, {field}); }

Result<double> Positive(const json& j, const std::string& field) {
  if (!j.is_number()) return Bad(field + " (nombre attendu / number expected)");
  double v = j.get<double>();
  if (!(v > 0) || v > 1e9) return Bad(field + " (> 0)");
  return v;
}

Result<std::string> OptString(const json& j, const std::string& field) {
  if (j.is_null()) return std::string();
  if (j.is_number_unsigned()) return std::to_string(j.get<uint64_t>());
  if (!j.is_string()) return Bad(field + " (texte attendu / string expected)");
  return j.get<std::string>();
}

Result<Dose> ParseDose(const json& j, const std::string& f) {
  if (!j.is_object()) return Bad(f + " ({value, unit})");
  Dose d;
  for (const auto& [k, v] : j.items()) {
    if (k == "value") {
      auto x = Positive(v, f + ".value");
      if (!x.ok()) return x.status();
      d.value = *x;
    } else if (k == "unit") {
      if (!v.is_string() || v.get<std::string>().empty()) return Bad(f + ".unit");
      d.unit = v.get<std::string>();
    } else {
      return Status::Error(ErrorCode::kUnknownField, {f + "." + k});
    }
  }
  if (!j.contains("value")) return Status::Error(ErrorCode::kMissingInput, {f + ".value"});
  return d;
}

Result<Timing> ParseTiming(const json& j, const std::string& f) {
  if (!j.is_object()) return Bad(f + " ({frequency, period, period_unit})");
  Timing t;
  for (const auto& [k, v] : j.items()) {
    if (k == "frequency" || k == "period") {
      auto x = Positive(v, f + "." + k);
      if (!x.ok()) return x.status();
      (k == "frequency" ? t.frequency : t.period) = *x;
    } else if (k == "period_unit") {
      if (!v.is_string()) return Bad(f + ".period_unit (h, d, wk)");
      t.period_unit = v.get<std::string>();
      if (t.period_unit != "h" && t.period_unit != "d" && t.period_unit != "wk") {
        return Bad(f + ".period_unit (h, d, wk)");
      }
    } else {
      return Status::Error(ErrorCode::kUnknownField, {f + "." + k});
    }
  }
  return t;
}

Result<Line> ParseLine(const json& j, const std::string& f) {
  if (!j.is_object()) return Bad(f + " (objet attendu / object expected)");
  Line line;
  for (const auto& [k, v] : j.items()) {
    std::string fk = f + "." + k;
    if (k == "drug" || k == "cis" || k == "cip13" || k == "route") {
      auto s = OptString(v, fk);
      if (!s.ok()) return s.status();
      (k == "drug"    ? line.drug
       : k == "cis"   ? line.cis
       : k == "cip13" ? line.cip13
                      : line.route) = *s;
    } else if (k == "dose") {
      auto d = ParseDose(v, fk);
      if (!d.ok()) return d.status();
      line.dose = *d;
    } else if (k == "timing") {
      auto t = ParseTiming(v, fk);
      if (!t.ok()) return t.status();
      line.timing = *t;
    } else if (k == "per_day") {
      auto x = Positive(v, fk);
      if (!x.ok()) return x.status();
      line.timing = Timing{*x, 1, "d"};
    } else if (k == "duration_days") {
      auto x = Positive(v, fk);
      if (!x.ok()) return x.status();
      line.duration_days = *x;
    } else {
      return Status::Error(ErrorCode::kUnknownField, {fk});
    }
  }
  if (j.contains("per_day") && j.contains("timing")) return Bad(f + " (timing ou/or per_day)");
  if (line.drug.empty() && line.cis.empty() && line.cip13.empty()) {
    return Status::Error(ErrorCode::kMissingInput, {f + ".drug | cis | cip13"});
  }
  return line;
}

}  // namespace

Result<Request> RequestFromJson(const json& body, Lang lang) {
  try {
    if (!body.is_object()) return Bad("corps / body (objet JSON attendu / JSON object expected)");
    Request req;
    req.lang = lang;
    static const std::set<std::string> kStrings = {"as_of", "thesaurus_version", "min_level"};
    for (const auto& [k, v] : body.items()) {
      if (k == "patient") {
        if (v.is_null()) continue;
        auto p = PatientFromJson(v);
        if (!p.ok()) return p.status();
        req.patient = std::move(p).value();
        req.has_allergies = v.contains("allergies");
      } else if (kStrings.contains(k)) {
        auto s = OptString(v, k);
        if (!s.ok()) return s.status();
        (k == "as_of"               ? req.as_of
         : k == "thesaurus_version" ? req.thesaurus_version
                                    : req.min_level) = *s;
      } else if (k == "lines") {
        if (!v.is_array()) return Bad("lines (tableau attendu / array expected)");
        if (v.size() > kMaxLines) return Bad("lines (<= 200)");
        for (size_t i = 0; i < v.size(); ++i) {
          auto line = ParseLine(v[i], "lines[" + std::to_string(i) + "]");
          if (!line.ok()) return line.status();
          req.lines.push_back(std::move(line).value());
        }
      } else {
        return Status::Error(ErrorCode::kUnknownField, {k});
      }
    }
    if (req.lines.empty()) return Status::Error(ErrorCode::kMissingInput, {"lines"});
    if (!req.min_level.empty() && req.min_level != "CI" && req.min_level != "ASDEC" &&
        req.min_level != "PE" && req.min_level != "APEC") {
      return Bad("min_level (CI, ASDEC, PE, APEC)");
    }
    return req;
  } catch (const std::exception& e) {
    return Status::Error(ErrorCode::kInvalidArgument, {e.what()});
  }
}

}  // namespace vigie::check
