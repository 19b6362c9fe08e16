// `vigie dose --substance NAME [--indication TEXT] key=value ... [--json]`:
// the posology of a substance for the patient described by the key=value
// Patient fields (age, sex, weight_kg, creatinine_umol_l, egfr, pregnant...).
// Thread-safety: single-threaded CLI.
#include <memory>
#include <sstream>

#include "cli/commands.h"
#include "vigie/app/content.h"
#include "vigie/core/patient.h"
#include "vigie/dose/posology.h"

namespace vigie::cli {
namespace {

using nlohmann::json;

struct DoseArgs {
  std::string substance;
  std::string indication;
  std::vector<std::string> patient;
};

Result<json> PatientJson(const std::vector<std::string>& args) {
  json out = json::object();
  for (const std::string& arg : args) {
    size_t eq = arg.find('=');
    if (eq == std::string::npos || eq == 0)
      return Status::Error(ErrorCode::kUsage, {arg + " (clé=valeur / key=value)"});
    std::string key = arg.substr(0, eq);
    std::string text = arg.substr(eq + 1);
    json number = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (text == "true" || text == "oui" || text == "false" || text == "non") {
      out[key] = text == "true" || text == "oui";
    } else if (number.is_number()) {
      out[key] = number;
    } else if (key == "allergies" || key == "conditions") {
      out[key].push_back(text);  // repeatable: conditions=F10.2 conditions=E86
    } else {
      out[key] = text;
    }
  }
  return out;
}

std::string Human(const json& d, const CliContext& ctx) {
  std::ostringstream s;
  s << d.value("substance", "") << " : " << d.value("status", "") << "\n";
  const char* lang = ctx.lang == Lang::kEn ? "en" : "fr";
  if (d.contains("message")) s << "  " << d["message"].value(lang, "") << "\n";
  if (d.contains("rule")) {
    s << "  " << d["rule"]["text"].value(lang, "") << "\n  " << d["limits"].dump() << "\n";
    s << "  Source : " << d["rule"]["source"].value("document", "") << ", "
      << d["rule"]["source"].value("section", "") << "\n";
  }
  for (const json& r : d.value("renal", json::array())) s << "  " << r.dump() << "\n";
  for (const json& b : d.value("bands", json::array()))
    s << "  [" << b["action"].get<std::string>() << "] " << b["text"].value(lang, "") << "\n";
  for (const json& u : d.value("not_evaluated", json::array()))
    s << "  " << ctx.T("non évalué : ", "not evaluated: ") << u.get<std::string>() << "\n";
  return s.str();
}

Status RunDose(CliContext& ctx, const DoseArgs& args) {
  Result<Settings> settings = ctx.LoadSettings();
  if (!settings.ok()) return settings.status();
  Result<dose::PosologyBook> book = app::LoadPosology(*ctx.env, app::ContentDir(*settings));
  if (!book.ok()) return book.status();
  Result<json> pj = PatientJson(args.patient);
  if (!pj.ok()) return pj.status();
  Result<Patient> patient = PatientFromJson(*pj);
  if (!patient.ok()) return patient.status();
  Result<json> d = dose::DoseForPatient(*book, args.substance, *patient, args.indication);
  if (!d.ok()) return d.status();
  ctx.Emit(*d, Human(*d, ctx));
  return Status::Ok();
}

}  // namespace

void RegisterDoseCommands(CommandRegistry& registry) {
  auto args = std::make_shared<DoseArgs>();
  CLI::App* sub =
      registry.Add(nullptr, "dose", "Posologie d'une substance pour ce patient (règles sourcées)",
                   "Posology of a substance for this patient (sourced rules)",
                   [args](CliContext& ctx) { return RunDose(ctx, *args); });
  sub->add_option("--substance", args->substance, registry.T("Substance (DCI)", "Substance (INN)"))
      ->required();
  sub->add_option(
      "--indication", args->indication,
      registry.T("Indication (si la règle en dépend)", "Indication (when the rule depends on it)"));
  sub->add_option("patient", args->patient,
                  registry.T("Champs du patient clé=valeur", "Patient fields as key=value"));
}

}  // namespace vigie::cli
