// `vigie triage "texte" [--json]`: public-mode triage of a lay description
// (issue 10). Prints the level, the number to call and the message; never
// writes the text anywhere (no file, no log). Thread-safety: single-threaded.
#include <memory>
#include <sstream>
#include <string>

#include "cli/commands.h"
#include "vigie/triage/triage.h"

namespace vigie::cli {
namespace {

std::string LevelLabel(triage::Level level, const CliContext& ctx) {
  switch (level) {
    case triage::Level::kEmergency:
      return ctx.T("URGENCE", "EMERGENCY");
    case triage::Level::kUrgent:
      return ctx.T("consulter aujourd'hui", "see a doctor today");
    case triage::Level::kConsult:
      break;
  }
  return ctx.T("consulter votre médecin", "see your doctor");
}

Status RunTriage(CliContext& ctx, const std::string& text) {
  Result<triage::RedFlagSet> flags = triage::ParseRedFlags(triage::ShippedRedFlagsJson());
  if (!flags.ok()) return flags.status();
  Result<triage::TriageResult> result = triage::Triage(*flags, text, ctx.lang);
  if (!result.ok()) return result.status();
  std::ostringstream human;
  human << LevelLabel(result->level, ctx);
  if (result->call) human << " — " << ctx.T("appelez le ", "call ") << *result->call;
  human << "\n" << result->message << "\n";
  for (const triage::FlagHit& hit : result->red_flags) {
    human << "  - " << hit.id << " [" << hit.start << ", " << hit.end << ") " << hit.source << "\n";
  }
  human << result->disclaimer << "\n" << result->privacy;
  ctx.Emit(triage::ToJson(*result), human.str());
  return Status::Ok();
}

}  // namespace

void RegisterTriageCommands(CommandRegistry& registry) {
  auto text = std::make_shared<std::string>();
  CLI::App* cmd = registry.Add(
      nullptr, "triage",
      "Mode public : repère les signes d'urgence et dit qui appeler (jamais de diagnostic ; "
      "le texte n'est pas enregistré)",
      "Public mode: spots emergency signs and says whom to call (never a diagnosis; the text "
      "is not stored)",
      [text](CliContext& ctx) { return RunTriage(ctx, *text); });
  cmd->add_option("texte", *text,
                  registry.T("Description en mots simples, entre guillemets",
                             "Plain-words description, in quotes"))
      ->required();
  cmd->footer(registry.T(
      "Exemples :\n"
      "  vigie triage \"j'ai mal dans la poitrine\" --json\n"
      "  vigie --lang en triage \"my baby has a fever\"\n"
      "Niveaux : emergency (appelez le 15 ou le 112 ; 114 par SMS ; 3114 pour des idées "
      "suicidaires), urgent (votre médecin aujourd'hui, ou le 116 117), consult (consultez "
      "votre médecin).\n"
      "Aucune réponse n'est un diagnostic. Le texte n'est ni enregistré ni journalisé.",
      "Examples:\n"
      "  vigie triage \"j'ai mal dans la poitrine\" --json\n"
      "  vigie --lang en triage \"my baby has a fever\"\n"
      "Levels: emergency (call 15 or 112; 114 by text; 3114 for suicidal thoughts), urgent "
      "(your doctor today, or 116 117), consult (see your doctor).\n"
      "No answer is a diagnosis. The text is neither stored nor logged."));
}

}  // namespace vigie::cli
