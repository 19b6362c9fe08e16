// Privacy commands: `vigie deid`, `vigie audit verify`, `vigie keys init|rotate`,
// `vigie tokens create|list|revoke`. Messages never include clinical text or
// key material. Thread-safety: single-threaded CLI.
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>

#include "cli/commands.h"
#include "vigie/app/app.h"
#include "vigie/privacy/audit_log.h"
#include "vigie/privacy/deid.h"
#include "vigie/privacy/keys.h"
#include "vigie/privacy/resources.h"
#include "vigie/privacy/tokens.h"

namespace vigie::cli {
namespace {

struct DeidFlags {
  std::string mode = "mask";
  std::string file;
  std::vector<std::string> names;
  std::string patient_key;
};

Status RunDeid(CliContext& ctx, const DeidFlags& flags) {
  Result<Settings> settings = ctx.LoadSettings();
  if (!settings.ok()) return settings.status();
  std::string text;
  if (flags.file == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    Result<std::string> read = ctx.env->ReadFile(flags.file);
    if (!read.ok()) return read.status();
    text = std::move(read).value();
  }
  Result<privacy::DeidResources> resources =
      privacy::LoadDeidResources(*ctx.env, app::DeidDictionaryDir(*settings));
  if (!resources.ok()) return resources.status();
  Result<std::unique_ptr<privacy::Deidentifier>> deid = privacy::Deidentifier::Create(*resources);
  if (!deid.ok()) return deid.status();
  privacy::DeidOptions options;
  options.lang = ctx.lang;
  options.mode = flags.mode == "pseudo" ? privacy::DeidMode::kPseudo : privacy::DeidMode::kMask;
  for (const std::string& n : flags.names) options.names.push_back({n, privacy::Label::kNom});
  options.patient_key = flags.patient_key;
  if (options.mode == privacy::DeidMode::kPseudo) {
    Result<privacy::Key> master = privacy::LoadMasterKey(*ctx.env, settings->master_key_file);
    if (!master.ok()) return master.status();
    Result<std::string> secret = privacy::PseudonymSecret(*ctx.env, *master, settings->keys_dir);
    if (!secret.ok()) return secret.status();
    options.secret = *secret;
  }
  Result<privacy::DeidResult> out = (*deid)->Run(text, options);
  if (!out.ok()) return out.status();
  nlohmann::json entities = nlohmann::json::array();
  for (const privacy::DeidEntity& e : out->entities) {
    entities.push_back({{"start", e.start},
                        {"end", e.end},
                        {"label", privacy::LabelName(e.label)},
                        {"replacement", e.replacement}});
  }
  std::string human = out->text;
  if (!human.empty() && human.back() == '\n') human.pop_back();
  ctx.Emit({{"text", out->text}, {"entities", entities}}, human);
  return Status::Ok();
}

Status RunAuditVerify(CliContext& ctx, const std::string& file) {
  Result<Settings> settings = ctx.LoadSettings();
  if (!settings.ok()) return settings.status();
  std::string path = file.empty() ? settings->audit_log : file;
  // With the master key and the audit store's key at hand, the head's seal
  // is checked too (a truncated log with a rewritten head is then caught).
  std::optional<privacy::Cipher> key;
  std::string store_key = JoinPath(settings->keys_dir, "audit.key");
  Result<privacy::Key> master = privacy::LoadMasterKey(*ctx.env, settings->master_key_file);
  if (master.ok() && ctx.env->FileExists(store_key)) {
    Result<privacy::Cipher> c = privacy::OpenStore(*ctx.env, *master, settings->keys_dir, "audit");
    if (c.ok()) key = *c;
  }
  Result<privacy::AuditVerification> v =
      privacy::VerifyAuditFile(*ctx.env, path, key ? &*key : nullptr);
  if (!v.ok()) return v.status();
  nlohmann::json problems = nlohmann::json::array();
  std::ostringstream human;
  for (const privacy::AuditProblem& p : v->problems) {
    problems.push_back({{"line", p.line}, {"seq", p.seq}, {"kind", p.kind}});
    human << ctx.T("enregistrement ", "record ") << p.seq << ctx.T(" (ligne ", " (line ") << p.line
          << ") : " << p.kind << "\n";
  }
  human << v->records << ctx.T(" enregistrements, ", " records, ")
        << (v->ok() ? ctx.T("chaîne intacte", "chain intact")
                    : ctx.T("CHAÎNE ROMPUE", "CHAIN BROKEN"));
  if (!key) {
    human << ctx.T("\n(clé d'audit indisponible : sceau de la tête non vérifié)",
                   "\n(audit key unavailable: head seal not checked)");
  }
  ctx.Emit({{"file", path},
            {"records", v->records},
            {"ok", v->ok()},
            {"head_authenticated", v->head_authenticated},
            {"problems", problems}},
           human.str());
  if (!v->ok()) return Status::Error(ErrorCode::kDataError, {path, "hash chain"});
  return Status::Ok();
}

Status RunKeys(CliContext& ctx, bool rotate) {
  Result<Settings> settings = ctx.LoadSettings();
  if (!settings.ok()) return settings.status();
  if (!rotate) {
    Result<bool> created = privacy::InitMasterKey(*ctx.env, settings->master_key_file);
    if (!created.ok()) return created.status();
    ctx.Emit({{"file", settings->master_key_file}, {"created", *created}},
             *created ? ctx.T("Clé maîtresse créée : ", "Master key created: ") +
                            settings->master_key_file
                      : ctx.T("Clé maîtresse déjà présente : ", "Master key already present: ") +
                            settings->master_key_file);
    return Status::Ok();
  }
  Result<size_t> n =
      privacy::RotateMasterKey(*ctx.env, settings->master_key_file, settings->keys_dir);
  if (!n.ok()) return n.status();
  ctx.Emit({{"file", settings->master_key_file}, {"stores_rewrapped", *n}},
           ctx.T("Clé maîtresse renouvelée ; clés de données rechiffrées : ",
                 "Master key rotated; data keys re-wrapped: ") +
               std::to_string(*n));
  return Status::Ok();
}

struct TokenFlags {
  std::string role;
  std::string label;
  std::string id;
};

Status RunTokens(CliContext& ctx, const std::string& action, const TokenFlags& flags) {
  Result<Settings> settings = ctx.LoadSettings();
  if (!settings.ok()) return settings.status();
  const std::string& file = settings->tokens_file;
  if (action == "create") {
    std::optional<api::Role> role = api::ParseRole(flags.role);
    if (!role) return Status::Error(ErrorCode::kUsage, {"--role admin|clinician|public"});
    Result<std::string> token = privacy::CreateToken(*ctx.env, file, *role, flags.label);
    if (!token.ok()) return token.status();
    ctx.Emit({{"token", *token}, {"role", flags.role}},
             *token + ctx.T("\n(affiché une seule fois : conservez-le)",
                            "\n(shown once: keep it safe)"));
    return Status::Ok();
  }
  if (action == "revoke") return privacy::RevokeToken(*ctx.env, file, flags.id);
  Result<std::vector<privacy::TokenRecord>> list = privacy::ListTokens(*ctx.env, file);
  if (!list.ok()) return list.status();
  nlohmann::json out = nlohmann::json::array();
  std::ostringstream human;
  for (const privacy::TokenRecord& r : *list) {
    out.push_back({{"id", r.id},
                   {"role", api::RoleName(r.role)},
                   {"label", r.label},
                   {"revoked", r.revoked}});
    human << r.id << "  " << api::RoleName(r.role) << (r.revoked ? "  revoked" : "") << "  "
          << r.label << "\n";
  }
  ctx.Emit({{"tokens", out}}, human.str());
  return Status::Ok();
}

}  // namespace

void RegisterPrivacyCommands(CommandRegistry& registry) {
  auto deid = std::make_shared<DeidFlags>();
  CLI::App* d = registry.Add(nullptr, "deid",
                             "Désidentifie un texte clinique (fichier ou - pour l'entrée standard)",
                             "De-identify clinical text (file, or - for standard input)",
                             [deid](CliContext& ctx) { return RunDeid(ctx, *deid); });
  d->add_option("--mode", deid->mode, registry.T("mask ou pseudo", "mask or pseudo"))
      ->check(CLI::IsMember({"mask", "pseudo"}));
  d->add_option(
      "--name", deid->names,
      registry.T("Nom à toujours masquer (répétable)", "Name always masked (repeatable)"));
  d->add_option("--patient-key", deid->patient_key,
                registry.T("Identifiant du patient pour le décalage des dates",
                           "Patient identifier for the date shift"));
  d->add_option("file", deid->file, registry.T("Fichier texte, ou -", "Text file, or -"))
      ->required();

  CLI::App* audit = registry.Add(nullptr, "audit", "Journal d'audit", "Audit log", nullptr);
  auto audit_file = std::make_shared<std::string>();
  CLI::App* verify = registry.Add(
      audit, "verify", "Vérifie la chaîne du journal (modifié, supprimé, réordonné, tronqué)",
      "Verify the log's hash chain (edited, deleted, reordered, truncated)",
      [audit_file](CliContext& ctx) { return RunAuditVerify(ctx, *audit_file); });
  verify->add_option("file", *audit_file,
                     registry.T("Journal (défaut : log.audit)", "Log file (default: log.audit)"));

  CLI::App* keys = registry.Add(nullptr, "keys", "Clés de chiffrement", "Encryption keys", nullptr);
  registry.Add(keys, "init", "Crée la clé maîtresse (0600) si absente",
               "Create the master key (0600) if missing",
               [](CliContext& ctx) { return RunKeys(ctx, false); });
  registry.Add(keys, "rotate", "Renouvelle la clé maîtresse et rechiffre les clés de données",
               "Rotate the master key and re-wrap the data keys",
               [](CliContext& ctx) { return RunKeys(ctx, true); });

  auto tf = std::make_shared<TokenFlags>();
  CLI::App* tokens = registry.Add(nullptr, "tokens", "Jetons d'API", "API tokens", nullptr);
  CLI::App* create = registry.Add(tokens, "create", "Crée un jeton (affiché une fois)",
                                  "Create a token (shown once)",
                                  [tf](CliContext& ctx) { return RunTokens(ctx, "create", *tf); });
  create->add_option("--role", tf->role, "admin|clinician|public")
      ->required()
      ->check(CLI::IsMember({"admin", "clinician", "public"}));
  create->add_option("--label", tf->label, registry.T("Libellé", "Label"));
  registry.Add(tokens, "list", "Liste les jetons (sans secret)", "List tokens (no secret)",
               [tf](CliContext& ctx) { return RunTokens(ctx, "list", *tf); });
  CLI::App* revoke = registry.Add(tokens, "revoke", "Révoque un jeton", "Revoke a token",
                                  [tf](CliContext& ctx) { return RunTokens(ctx, "revoke", *tf); });
  revoke->add_option("id", tf->id, "tok_…")->required();
}

}  // namespace vigie::cli
