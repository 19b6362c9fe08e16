// `vigie kb diff` and `vigie kb history`: the regulation watch (issue 9) as
// subcommands of the `kb` group (registered after RegisterKbCommands).
// Thread-safety: single-threaded CLI.
#include "cli/commands.h"
#include "vigie/kb/kb.h"
#include "vigie/watch/watch.h"

namespace vigie::cli {
namespace {

struct WatchArgs {
  watch::DiffRequest request;
  std::string format;  // "" (text or --json) or "md"
  std::string substance, source;
};

Result<std::unique_ptr<kb::KnowledgeBase>> OpenKb(CliContext& ctx) {
  Result<Settings> s = ctx.LoadSettings();
  if (!s.ok()) return s.status();
  return kb::KnowledgeBase::Open(s->db_path);
}

Status RunDiff(CliContext& ctx, const WatchArgs& a) {
  if (!a.format.empty() && a.format != "md") {
    return Status::Error(ErrorCode::kUsage, {"--format md"});
  }
  auto kb = OpenKb(ctx);
  if (!kb.ok()) return kb.status();
  Result<watch::DiffResult> diff = watch::Diff(**kb, a.request);
  if (!diff.ok()) return diff.status();
  if (a.format == "md" && !ctx.json) {
    *ctx.out << diff->Markdown(ctx.lang);
    return Status::Ok();
  }
  std::string human = diff->SummaryLine(ctx.lang);
  size_t shown = 0;
  for (const watch::Change& c : diff->changes) {
    if (++shown > 50) {
      human += ctx.T("\n… (--json ou --format md pour tout voir)",
                     "\n… (--json or --format md to see everything)");
      break;
    }
    human += "\n  " + c.kind + "  " + c.a + (c.b.empty() ? "" : " + " + c.b);
    if (!c.cis.empty()) human += "  CIS " + c.cis + (c.cip13.empty() ? "" : " CIP13 " + c.cip13);
    if (c.kind == "renamed") human += "  (" + c.before + " → " + c.after + ")";
    if (c.source == "bdpm" && !c.field.empty()) {
      human += "  " + c.field + ": " + c.before + (c.after.empty() ? "" : " → " + c.after);
    }
  }
  ctx.Emit(diff->ToJson(ctx.lang), human);
  return Status::Ok();
}

Status RunHistory(CliContext& ctx, const WatchArgs& a) {
  auto kb = OpenKb(ctx);
  if (!kb.ok()) return kb.status();
  Result<nlohmann::json> h = watch::History(**kb, a.substance, a.source);
  if (!h.ok()) return h.status();
  std::string human;
  for (const auto& step : (*h)["timeline"]) {
    human += step["source"].get<std::string>() + " " + step["from"].get<std::string>() + " → " +
             step["to"].get<std::string>() + " : " + step["summary"].get<std::string>() + "\n";
  }
  if (human.empty()) {
    human = ctx.T("Aucun changement pour cette substance.", "No change for this substance.");
  }
  ctx.Emit(*h, human);
  return Status::Ok();
}

}  // namespace

void RegisterWatchCommands(CommandRegistry& registry) {
  CLI::App* kb = nullptr;
  for (CLI::App* sub :
       registry.root().get_subcommands([](CLI::App* s) { return s->get_name() == "kb"; })) {
    kb = sub;
  }
  if (kb == nullptr) {
    kb = registry.Add(nullptr, "kb", "Base de connaissances (BDPM, thésaurus ANSM)",
                      "Knowledge base (BDPM, ANSM thesaurus)", nullptr);
  }
  auto args = std::make_shared<WatchArgs>();
  CLI::App* diff = registry.Add(
      kb, "diff",
      "Ce qui a changé entre deux versions (thésaurus ANSM ou instantanés BDPM). "
      "Exemple : vigie kb diff --from 2020-10 --to 2023-09 --substance méthotrexate --format md",
      "What changed between two versions (ANSM thesaurus or BDPM snapshots). "
      "Example: vigie kb diff --from 2020-10 --to 2023-09 --substance methotrexate --format md",
      [args](CliContext& ctx) { return RunDiff(ctx, *args); });
  diff->add_option("--from", args->request.from,
                   registry.T("Version de départ (2020-10, 2025-07)", "From version"))
      ->required();
  diff->add_option("--to", args->request.to,
                   registry.T("Version d'arrivée (2023-09, 2026-01)", "To version"))
      ->required();
  diff->add_option("--source", args->request.source,
                   registry.T("thesaurus ou bdpm (défaut : les sources qui ont les deux versions)",
                              "thesaurus or bdpm (default: the sources holding both versions)"));
  diff->add_option("--substance", args->request.substance,
                   registry.T("Seulement ce qui concerne cette substance (accents et casse "
                              "indifférents ; classes qui la contiennent incluses)",
                              "Only what concerns this substance (accents and case ignored; "
                              "classes that contain it included)"));
  diff->add_option("--format", args->format,
                   registry.T("md : rendu Markdown pour une lettre d'information",
                              "md: Markdown rendering for a newsletter"));
  CLI::App* history =
      registry.Add(kb, "history",
                   "Chronologie de tout ce qui a changé pour une substance, version après version",
                   "Timeline of everything that changed for one substance, version after version",
                   [args](CliContext& ctx) { return RunHistory(ctx, *args); });
  history->add_option("--substance", args->substance, registry.T("Substance", "Substance"))
      ->required();
  history->add_option(
      "--source", args->source,
      registry.T("thesaurus ou bdpm (défaut : les deux)", "thesaurus or bdpm (default: both)"));
}

}  // namespace vigie::cli
