// `vigie check FILE|- [--json]`: the prescription check of a request file (or
// stdin), in Vigie's format or as a FHIR R4 Bundle. Human output lists the
// findings by severity with their source; --json prints the response of
// POST /v1/check. Exit code 3 on a bad request. Thread-safety: single-threaded CLI.
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>

#include "cli/commands.h"
#include "vigie/app/content.h"
#include "vigie/check/fhir.h"
#include "vigie/check/service.h"

namespace vigie::cli {
namespace {

using nlohmann::json;

std::string Human(const json& out, const CliContext& ctx) {
  std::ostringstream s;
  for (const json& f : out["findings"]) {
    const json& src = f["source"];
    s << "[" << f.value("level", "") << "] " << f.value("kind", "") << " " << f["lines"].dump()
      << " " << f.value("message", "") << "\n";
    if (!f.value("conduct", "").empty()) s << "    " << f.value("conduct", "") << "\n";
    s << "    Source : " << src.value("document", "") << " " << src.value("version", "");
    if (src.contains("page")) s << ", p. " << src["page"].get<int>();
    if (src.contains("section")) s << ", " << src["section"].get<std::string>();
    s << "\n";
  }
  for (const json& u : out["unresolved"]) {
    s << ctx.T("Non reconnue (non vérifiée) : ligne ", "Unresolved (not checked): line ")
      << u["index"].get<size_t>() << " " << u.value("input", "") << "\n";
  }
  for (const json& n : out["not_evaluated"]) s << n.value("message", "") << "\n";
  if (out["findings"].empty())
    s << ctx.T("Aucune alerte trouvée dans les sources.", "No finding in the sources.") << "\n";
  s << "KB : BDPM " << out["kb"].value("bdpm", "") << ", thésaurus "
    << out["kb"].value("thesaurus", "") << ", " << out["kb"].value("hash", "");
  return s.str();
}

Status RunCheck(CliContext& ctx, const std::string& file) {
  Result<Settings> settings = ctx.LoadSettings();
  if (!settings.ok()) return settings.status();
  std::string text;
  if (file == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    Result<std::string> read = ctx.env->ReadFile(file);
    if (!read.ok()) return read.status();
    text = std::move(read).value();
  }
  json body = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded()) return Status::Error(ErrorCode::kMalformedJson, {file});
  Result<check::CheckContent> content = app::LoadCheckContent(*ctx.env, app::ContentDir(*settings));
  if (!content.ok()) return content.status();
  check::CheckService service(settings->db_path, std::move(content).value());
  if (body.is_object() && body.value("resourceType", "") == "Bundle") {
    int64_t days = ctx.env->NowMicros() / 86'400'000'000;
    Result<json> req = check::FhirBundleToRequest(body, Date::FromDaysSinceEpoch(days));
    if (!req.ok()) return req.status();
    req->erase("fhir_ids");
    body = *req;
  }
  Result<json> out = service.Run(body, ctx.lang);
  if (!out.ok()) return out.status();
  ctx.Emit(*out, Human(*out, ctx));
  return Status::Ok();
}

}  // namespace

void RegisterCheckCommands(CommandRegistry& registry) {
  auto file = std::make_shared<std::string>();
  CLI::App* sub =
      registry.Add(nullptr, "check", "Vérifie une ordonnance (JSON Vigie ou Bundle FHIR R4)",
                   "Check a prescription (Vigie JSON or FHIR R4 Bundle)",
                   [file](CliContext& ctx) { return RunCheck(ctx, *file); });
  sub->add_option("file", *file,
                  registry.T("Fichier de la requête, ou - pour l'entrée standard",
                             "Request file, or - for standard input"))
      ->required();
}

}  // namespace vigie::cli
