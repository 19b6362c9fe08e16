// FHIR R4 Bundle -> Vigie check request (see vigie/check/fhir.h). Only what
// the check uses is read; a resource of another type is ignored, a malformed
// one is an error naming it. Observations: the newest of each kind wins.
// Thread-safety: pure functions.
#include "vigie/check/fhir.h"

#include <map>

#include "vigie/core/text.h"

namespace vigie::check {
namespace {

using nlohmann::json;

Status Bad(const std::string& where) { return Status::Error(ErrorCode::kInvalidArgument, {where}); }

std::string Str(const json& j, const char* k) {
  auto it = j.find(k);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

const json* Coding(const json& cc, std::string_view system) {
  if (!cc.is_object() || !cc.contains("coding") || !cc["coding"].is_array()) return nullptr;
  for (const json& c : cc["coding"]) {
    if (c.is_object() && Str(c, "system") == system) return &c;
  }
  return nullptr;
}

std::string ConceptText(const json& cc) {
  if (!cc.is_object()) return "";
  std::string t = Str(cc, "text");
  if (!t.empty()) return t;
  if (cc.contains("coding") && cc["coding"].is_array()) {
    for (const json& c : cc["coding"]) {
      if (c.is_object() && !Str(c, "display").empty()) return Str(c, "display");
    }
  }
  return "";
}

Result<json> Medication(const json& mr, const std::string& where) {
  json line = json::object();
  const json& med =
      mr.contains("medicationCodeableConcept") ? mr["medicationCodeableConcept"] : json();
  const json* cip = Coding(med, kFhirCipUcdSystem);
  if (const json* c = Coding(med, kFhirCisSystem))
    line["cis"] = Str(*c, "code");
  else if (cip != nullptr && Str(*cip, "code").size() == 13 &&
           Str(*cip, "code").starts_with("34009"))
    line["cip13"] = Str(*cip, "code");
  if (!line.contains("cis") && !line.contains("cip13")) {
    std::string t = ConceptText(med);
    if (t.empty()) return Bad(where + ".medicationCodeableConcept (CIS, CIP13 ou texte / or text)");
    line["drug"] = t;  // UCD and ATC codings resolve through their text
  }
  if (!mr.contains("dosageInstruction")) return line;
  const json& di = mr["dosageInstruction"];
  if (!di.is_array()) return Bad(where + ".dosageInstruction");
  if (di.empty()) return line;
  const json& d = di[0];
  if (!d.is_object()) return Bad(where + ".dosageInstruction[0]");
  if (d.contains("route")) line["route"] = ConceptText(d["route"]);
  // R4: doseAndRate[0].doseQuantity. Also read, as the CDS Hooks
  // specification's own R4 examples send them: doseAndRate as one object
  // (order-select) and doseQuantity on the Dosage itself (order-sign, the STU3
  // layout).
  const json* q = nullptr;
  std::string qwhere = where + ".dosageInstruction[0].doseQuantity";
  if (d.contains("doseAndRate")) {
    const json& dr = d["doseAndRate"];
    const json* first = dr.is_array() ? (dr.empty() ? nullptr : &dr[0]) : &dr;
    if (first != nullptr && first->is_object() && first->contains("doseQuantity")) {
      q = &(*first)["doseQuantity"];
      qwhere = where + ".dosageInstruction[0].doseAndRate[0].doseQuantity";
    }
  } else if (d.contains("doseQuantity")) {
    q = &d["doseQuantity"];
  }
  if (q != nullptr) {
    if (!q->is_object() || !q->contains("value") || !(*q)["value"].is_number())
      return Bad(qwhere + ".value");
    std::string unit = Str(*q, "code").empty() ? Str(*q, "unit") : Str(*q, "code");
    line["dose"] = {{"value", (*q)["value"]}, {"unit", unit == "ug" ? "µg" : unit}};
  }
  if (d.contains("timing") && d["timing"].is_object() && d["timing"].contains("repeat")) {
    const json& r = d["timing"]["repeat"];
    if (!r.is_object()) return Bad(where + ".dosageInstruction[0].timing.repeat");
    json t = json::object();
    t["frequency"] = r.value("frequency", json(1));
    t["period"] = r.value("period", json(1));
    std::string pu = Str(r, "periodUnit");
    t["period_unit"] = pu.empty() ? "d" : pu;
    line["timing"] = t;
  }
  return line;
}

struct Obs {
  std::string date;
  json value;
  std::string unit;
};

Status ReadObservation(const json& o, std::map<std::string, Obs>& newest,
                       const std::string& where) {
  const json* c = o.contains("code") ? Coding(o["code"], kFhirLoincSystem) : nullptr;
  if (c == nullptr) return Status::Ok();
  std::string code = Str(*c, "code");
  // One kind per quantity: the newest creatinine (mass or molar) and eGFR win.
  if (code == "2160-0" || code == "14682-9") code = "creatinine";
  if (code == "62238-1" || code == "33914-3" || code == "48642-3" || code == "48643-1" ||
      code == "50044-7" || code == "98979-8") {
    code = "egfr";
  }
  Obs obs{Str(o, "effectiveDateTime").substr(0, 10), json(), ""};
  if (o.contains("valueQuantity")) {
    const json& q = o["valueQuantity"];
    if (!q.is_object() || !q.contains("value") || !q["value"].is_number())
      return Bad(where + ".valueQuantity.value");
    obs.value = q["value"];
    obs.unit = Str(q, "code").empty() ? Str(q, "unit") : Str(q, "code");
  } else if (o.contains("valueCodeableConcept")) {
    const json* s = Coding(o["valueCodeableConcept"], "http://snomed.info/sct");
    obs.value = s ? Str(*s, "code") : "";
  } else {
    return Status::Ok();
  }
  auto it = newest.find(code);
  if (it == newest.end() || it->second.date < obs.date) newest[code] = obs;
  return Status::Ok();
}

Status ApplyObservations(const std::map<std::string, Obs>& obs, json& p) {
  auto num = [](const Obs& o, double f) { return o.value.get<double>() * f; };
  for (const auto& [code, o] : obs) {
    std::string u = text::Fold(o.unit);
    if (code == "29463-7" && o.value.is_number()) {
      p["weight_kg"] = num(o, u == "g" ? 0.001 : u == "[lb_av]" ? 0.45359237 : 1);
    } else if (code == "8302-2" && o.value.is_number()) {
      p["height_cm"] = num(o, u == "m" ? 100 : u == "[in_i]" ? 2.54 : 1);
    } else if (code == "creatinine" && o.value.is_number()) {
      if (u == "mg/dl")
        p["creatinine_mg_dl"] = o.value;
      else if (u == "umol/l" || u == "µmol/l" || u == "\xCE\xBCmol/l")
        p["creatinine_umol_l"] = o.value;
      else
        return Bad("Observation creatinine .valueQuantity.code (mg/dL, umol/L)");
      if (!o.date.empty()) p["creatinine_date"] = o.date;
    } else if (code == "egfr" && o.value.is_number()) {
      p["gestational_age_weeks"] = o.value;
    }
  }
  return Status::Ok();
}

Status ReadPatient(const json& r, const Date& today, json& p) {
  std::string g = Str(r, "gender");
  if (g == "male") p["sex"] = "M";
  if (g == "female") p["sex"] = "F";
  std::string birth = Str(r, "birthDate");
  if (birth.size() == 10) {
    Result<Date> b = ParseIsoDate(birth, "Patient.birthDate");
    if (!b.ok()) return b.status();
    int years =
        today.year - b->year -
        ((today.month < b->month || (today.month == b->month && today.day < b->day)) ? 1 : 0);
    if (years < 0) return Bad("Patient.birthDate (future)");
    if (years < 2) {
      p["age_months"] = DaysBetween(*b, today) / 30;
    } else {
      p["age_years"] = years;
    }
  }
  return Status::Ok();
}

}  // namespace

Result<json> FhirBundleToRequest(const json& bundle, const Date& today) {
  try {
    if (!bundle.is_object() || Str(bundle, "resourceType") != "Bundle")
      return Bad("resourceType (Bundle)");
    if (!bundle.contains("entry") || !bundle["entry"].is_array()) return Bad("Bundle.entry");
    json patient = json::object();
    json lines = json::array();
    json ids = json::array();
    std::map<std::string, Obs> obs;
    for (size_t i = 0; i < bundle["entry"].size(); ++i) {
      const json& e = bundle["entry"][i];
      std::string where = "Bundle.entry[" + std::to_string(i) + "]";
      if (!e.is_object() || !e.contains("resource") || !e["resource"].is_object())
        return Bad(where + ".resource");
      const json& r = e["resource"];
      std::string type = Str(r, "resourceType");
      where += "." + type;
      if (type == "Patient") {
        VIGIE_RETURN_IF_ERROR(ReadPatient(r, today, patient));
      } else if (type == "MedicationRequest") {
        auto line = Medication(r, where);
        if (!line.ok()) return line.status();
        lines.push_back(*line);
        ids.push_back(Str(r, "id"));
      } else if (type == "Observation") {
        VIGIE_RETURN_IF_ERROR(ReadObservation(r, obs, where));
      } else if (type == "AllergyIntolerance") {
        const json& code = r.value("code", json());
        const json* atc = Coding(code, kFhirAtcSystem);
        if (atc == nullptr) atc = Coding(code, kFhirAtcAnsSystem);
        std::string a = atc ? Str(*atc, "code") : ConceptText(code);
        if (a.empty()) return Bad(where + ".code");
        patient["allergies"].push_back(a);
      } else if (type == "Condition") {
        const json& code = r.value("code", json());
        const json* icd = Coding(code, kFhirIcd10System);
        std::string c = icd ? Str(*icd, "code") : ConceptText(code);
        if (!c.empty()) patient["conditions"].push_back(c);
      }
    }
    VIGIE_RETURN_IF_ERROR(ApplyObservations(obs, patient));
    if (lines.empty()) return Status::Error(ErrorCode::kMissingInput, {"MedicationRequest"});
    return json{{"patient", patient}, {"lines", lines}, {"fhir_ids", ids}};
  } catch (const std::exception& e) {
    return Bad(std::string("Bundle (") + e.what() + ")");
  }
}

json OperationOutcome(const Status& status, Lang lang) {
  int http = ErrorInfoFor(status.code()).http_status;
  std::string code = http == 404 ? "not-found" : http >= 500 ? "exception" : "invalid";
  if (status.code() == ErrorCode::kMissingInput) code = "required";
  return {{"resourceType", "OperationOutcome"},
          {"issue",
           {{{"severity", "error"},
             {"code", code},
             {"diagnostics", status.Message(lang)},
             {"details", {{"text", std::string(status.wire_code())}}}}}}};
}

}  // namespace vigie::check
