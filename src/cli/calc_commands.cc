// `vigie calc` and `vigie exam` (issue 5): calculators of the registry and
// exam decision rules from the CLI, as `key=value` arguments.
//   vigie calc --list [--json]          vigie calc ID key=value ... [--json]
//   vigie exam --list [--json]          vigie exam RULE key=value ... [--json]
// Thread-safety: single-threaded CLI.
#include <memory>
#include <sstream>

#include "cli/commands.h"
#include "vigie/app/content.h"
#include "vigie/calc/registry.h"
#include "vigie/exam/rules.h"

namespace vigie::cli {
namespace {

using nlohmann::json;

struct Args {
  bool list = false;
  std::string id;
  std::vector<std::string> inputs;
};

std::string Rounded(double value, int decimals) {
  std::ostringstream s;
  s.setf(std::ios::fixed);
  s.precision(decimals);
  s << value;
  return s.str();
}

Status RunCalc(CliContext& ctx, const Args& args) {
  if (args.list || args.id.empty()) {
    std::ostringstream human;
    for (const calc::CalculatorInfo& c : calc::AllCalculators()) {
      human << c.id << "  " << ctx.T(c.name_fr, c.name_en) << " (" << c.output_unit << ")\n";
    }
    ctx.Emit({{"calculators", calc::ListJson()}}, human.str());
    return Status::Ok();
  }
  Result<json> inputs = calc::InputsFromKeyValues(args.id, args.inputs);
  if (!inputs.ok()) return inputs.status();
  Result<calc::CalcResult> r = calc::Evaluate(args.id, *inputs);
  if (!r.ok()) return r.status();
  std::string human = r->id + " = " + Rounded(r->value, r->decimals) + " " + r->unit + "\n  " +
                      ctx.T(r->interpretation_fr, r->interpretation_en) + "\n  " + r->formula +
                      "\n  " + ctx.T("Source : ", "Source: ") + r->source;
  ctx.Emit(calc::ToJson(*r), human);
  return Status::Ok();
}

// Exam inputs: booleans and numbers by their text (true/false/oui/non), "M"/"F" as text.
Result<json> ExamInputs(const std::vector<std::string>& args) {
  json out = json::object();
  for (const std::string& arg : args) {
    size_t eq = arg.find('=');
    if (eq == std::string::npos || eq == 0)
      return Status::Error(ErrorCode::kUsage, {arg + " (clé=valeur / key=value)"});
    std::string key = arg.substr(0, eq);
    std::string text = arg.substr(eq + 1);
    json number = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (text == "true" || text == "oui" || text == "yes") {
      out[key] = true;
    } else if (text == "false" || text == "non" || text == "no") {
      out[key] = false;
    } else if (number.is_number()) {
      out[key] = number;
    } else {
      out[key] = text;
    }
  }
  return out;
}

Status RunExam(CliContext& ctx, const Args& args) {
  Result<Settings> settings = ctx.LoadSettings();
  if (!settings.ok()) return settings.status();
  Result<exam::RuleSet> rules = app::LoadExamRules(*ctx.env, app::ContentDir(*settings));
  if (!rules.ok()) return rules.status();
  if (args.list || args.id.empty()) {
    std::ostringstream human;
    for (const exam::ExamRule& r : rules->rules)
      human << r.id << "  " << ctx.T(r.name.fr, r.name.en) << "\n";
    ctx.Emit({{"rules", exam::ListJson(*rules)}}, human.str());
    return Status::Ok();
  }
  Result<json> inputs = ExamInputs(args.inputs);
  if (!inputs.ok()) return inputs.status();
  Result<exam::ExamResult> r = exam::EvaluateExam(*rules, args.id, *inputs);
  if (!r.ok()) return r.status();
  json j = exam::ToJson(*r);
  std::string verdict = j["indicated"].is_string()
                            ? ctx.T("règle non applicable", "rule not applicable")
                        : j["indicated"].get<bool>() ? ctx.T("indiqué", "indicated")
                                                     : ctx.T("non indiqué", "not indicated");
  std::string human = ctx.T(r->exam.fr, r->exam.en) + " : " + verdict + "\n  " +
                      ctx.T(r->reason.fr, r->reason.en) + "\n  " + ctx.T("Source : ", "Source: ") +
                      r->source.value("document", "");
  ctx.Emit(j, human);
  return Status::Ok();
}

void AddArgs(CLI::App* sub, Args& args, CommandRegistry& registry, const char* id_fr,
             const char* id_en) {
  sub->add_flag(
      "--list", args.list,
      registry.T("Liste (avec entrées, unités, sources)", "List (with inputs, units, sources)"));
  sub->add_option("id", args.id, registry.T(id_fr, id_en));
  sub->add_option("inputs", args.inputs, registry.T("Entrées clé=valeur", "Inputs as key=value"));
}

}  // namespace

void RegisterCalcCommands(CommandRegistry& registry) {
  auto calc_args = std::make_shared<Args>();
  CLI::App* calc =
      registry.Add(nullptr, "calc", "Calculateurs cliniques (formules et scores sourcés)",
                   "Clinical calculators (sourced formulas and scores)",
                   [calc_args](CliContext& ctx) { return RunCalc(ctx, *calc_args); });
  AddArgs(calc, *calc_args, registry, "Identifiant du calculateur (voir --list)",
          "Calculator id (see --list)");
  auto exam_args = std::make_shared<Args>();
  CLI::App* exam = registry.Add(nullptr, "exam", "Le bon examen : règles de décision publiées",
                                "The right exam: published decision rules",
                                [exam_args](CliContext& ctx) { return RunExam(ctx, *exam_args); });
  AddArgs(exam, *exam_args, registry, "Identifiant de la règle (voir --list)",
          "Rule id (see --list)");
}

}  // namespace vigie::cli
