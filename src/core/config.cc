// Settings table and loaders. Thread-safety: the table is immutable; loaders
// work on the Settings value they are given.
#include "vigie/core/config.h"

#include <charconv>

#include <toml++/toml.h>

namespace vigie {

const std::vector<SettingSpec>& AllSettings() {
  static const std::vector<SettingSpec> kSpecs = {
      {"server.host", "VIGIE_HOST", "--host", SettingType::kString, &Settings::server_host, 0, 0,
       "Adresse d'écoute (127.0.0.1 : cette machine seulement)",
       "Listen address (127.0.0.1: this machine only)"},
      {"server.port", "VIGIE_PORT", "--port", SettingType::kInt, &Settings::server_port, 0, 65535,
       "Port HTTP (0 : choisi par le système)", "HTTP port (0: chosen by the system)"},
      {"server.threads", "VIGIE_THREADS", "--threads", SettingType::kInt, &Settings::server_threads,
       1, 256, "Nombre de fils de traitement des requêtes", "Request worker threads"},
      {"server.max_body_bytes", "VIGIE_MAX_BODY_BYTES", "--max-body-bytes", SettingType::kInt,
       &Settings::server_max_body_bytes, 1024, 256LL << 20,
       "Taille maximale d'un corps de requête (octets)", "Maximum request body size (bytes)"},
      {"server.read_timeout_s", "VIGIE_READ_TIMEOUT_S", "--read-timeout", SettingType::kInt,
       &Settings::server_read_timeout_s, 1, 3600, "Délai de lecture (secondes)",
       "Read timeout (seconds)"},
      {"server.write_timeout_s", "VIGIE_WRITE_TIMEOUT_S", "--write-timeout", SettingType::kInt,
       &Settings::server_write_timeout_s, 1, 3600, "Délai d'écriture (secondes)",
       "Write timeout (seconds)"},
      {"server.tls_cert", "VIGIE_TLS_CERT", "--tls-cert", SettingType::kString,
       &Settings::tls_cert_file, 0, 0,
       "Certificat TLS (PEM) ; avec server.tls_key : HTTPS (obligatoire hors 127.0.0.1)",
       "TLS certificate (PEM); with server.tls_key: HTTPS (required off 127.0.0.1)"},
      {"server.tls_key", "VIGIE_TLS_KEY", "--tls-key", SettingType::kString,
       &Settings::tls_key_file, 0, 0, "Clé privée TLS (PEM, droits 0600)",
       "TLS private key (PEM, mode 0600)"},
      {"server.dev_role", "VIGIE_DEV_ROLE", "--dev-role", SettingType::kString,
       &Settings::server_role, 0, 0,
       "Rôle accordé à toute requête par l'authentification de développement local "
       "(public, clinician, admin) ; vide (défaut) : jetons d'API obligatoires",
       "Role granted to every request by the local-development authenticator "
       "(public, clinician, admin); empty (default): API tokens required"},
      {"log.access", "VIGIE_ACCESS_LOG", "--access-log", SettingType::kString,
       &Settings::access_log, 0, 0, "Journal d'accès JSON : - (stderr), off, ou un fichier",
       "JSON access log: - (stderr), off, or a file"},
      {"log.audit", "VIGIE_AUDIT_LOG", "--audit-log", SettingType::kString, &Settings::audit_log, 0,
       0, "Fichier du journal d'audit (ajout seul)", "Audit log file (append-only)"},
      {"db.path", "VIGIE_DB", "--db", SettingType::kString, &Settings::db_path, 0, 0,
       "Base de connaissances (fichier SQLite)", "Knowledge base (SQLite file)"},
      {"data.dir", "VIGIE_DATA", "--data", SettingType::kString, &Settings::data_dir, 0, 0,
       "Dossier des données officielles (défaut : ../shared/data)",
       "Official data folder (default: ../shared/data)"},
      {"content.dir", "VIGIE_CONTENT", "", SettingType::kString, &Settings::content_dir, 0, 0,
       "Dossier du contenu clinique de Vigie (data/ : règles d'examens, posologies ; défaut : "
       "data/ "
       "des sources)",
       "Vigie's clinical content folder (data/: exam rules, posology; default: the source tree's "
       "data/)"},
      {"web.dir", "VIGIE_WEB_DIR", "--web-dir", SettingType::kString, &Settings::web_dir, 0, 0,
       "Dossier de l'interface web construite (défaut : web/dist du dépôt ; off : aucune)",
       "Built web UI folder (default: the repository's web/dist; off: none)"},
      {"evidence.index_dir", "VIGIE_EVIDENCE_INDEX", "--evidence-index", SettingType::kString,
       &Settings::evidence_index_dir, 0, 0, "Dossier de l'index de la littérature (Xapian)",
       "Literature index folder (Xapian)"},
      {"evidence.lexicon_dir", "VIGIE_EVIDENCE_LEXICON", "--evidence-lexicon", SettingType::kString,
       &Settings::evidence_lexicon_dir, 0, 0, "Dossier du lexique français-anglais",
       "French-English lexicon folder"},
      {"evidence.wordnet_dir", "VIGIE_EVIDENCE_WORDNET", "--evidence-wordnet", SettingType::kString,
       &Settings::evidence_wordnet_dir, 0, 0,
       "Dossier WordNet (synonymes anglais, paquet wordnet-base ; off : aucun)",
       "WordNet folder (English synonyms, package wordnet-base; off: none)"},
      {"lang", "VIGIE_LANG", "--lang", SettingType::kString, &Settings::lang, 0, 0,
       "Langue des messages : fr ou en (défaut : d'après LANG, sinon fr)",
       "Message language: fr or en (default: from LANG, else fr)"},
      {"privacy.dict_dir", "VIGIE_DEID_DICT", "--deid-dict", SettingType::kString,
       &Settings::deid_dict_dir, 0, 0,
       "Dictionnaires de la désidentification (défaut : data/deid du dépôt)",
       "De-identification dictionaries (default: the repository's data/deid)"},
      {"keys.master_key_file", "VIGIE_MASTER_KEY_FILE", "--master-key-file", SettingType::kString,
       &Settings::master_key_file, 0, 0,
       "Fichier de la clé maîtresse (0600, créé au premier démarrage ; VIGIE_MASTER_KEY prime)",
       "Master key file (0600, created on first start; VIGIE_MASTER_KEY wins)"},
      {"keys.dir", "VIGIE_KEYS_DIR", "--keys-dir", SettingType::kString, &Settings::keys_dir, 0, 0,
       "Dossier des clés de données chiffrées par la clé maîtresse",
       "Folder of the data keys wrapped by the master key"},
      {"auth.tokens_file", "VIGIE_TOKENS_FILE", "--tokens-file", SettingType::kString,
       &Settings::tokens_file, 0, 0, "Fichier des jetons d'API (empreintes seulement)",
       "API tokens file (hashes only)"},
      {"auth.rate_limit_per_minute", "VIGIE_RATE_LIMIT", "--rate-limit", SettingType::kInt,
       &Settings::rate_limit_per_minute, 1, 1000000, "Requêtes par minute et par jeton",
       "Requests per minute per token"},
      {"cds.jwks_file", "VIGIE_CDS_JWKS", "--cds-jwks", SettingType::kString,
       &Settings::cds_jwks_file, 0, 0,
       "Fichier JWKS local des clés publiques du client CDS Hooks (DPI) ; vide : jetons d'API",
       "Local JWKS file of the CDS Hooks client's (EHR) public keys; empty: API tokens"},
      {"cds.issuer", "VIGIE_CDS_ISSUER", "--cds-issuer", SettingType::kString,
       &Settings::cds_issuer, 0, 0, "Émetteur (iss) attendu dans les JWT du client CDS Hooks",
       "Issuer (iss) expected in the CDS Hooks client's JWTs"},
      {"cds.audience", "VIGIE_CDS_AUDIENCE", "--cds-audience", SettingType::kString,
       &Settings::cds_audience, 0, 0,
       "URL de base de Vigie vue du DPI (aud = cette URL + chemin du service)",
       "Vigie's base URL as the EHR calls it (aud = this URL + the service path)"},
  };
  return kSpecs;
}

Status SetSetting(Settings& s, const SettingSpec& spec, std::string_view value) {
  if (spec.type == SettingType::kString) {
    s.*std::get<std::string Settings::*>(spec.member) = std::string(value);
  } else {
    int64_t v = 0;
    auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
    if (ec != std::errc() || ptr != value.data() + value.size()) {
      return Status::Error(ErrorCode::kConfigError,
                           {std::string(spec.key) + " = « " + std::string(value) + " »"});
    }
    if (v < spec.min || v > spec.max) {
      return Status::Error(ErrorCode::kOutOfRange, {std::string(spec.key), std::to_string(spec.min),
                                                    std::to_string(spec.max)});
    }
    s.*std::get<int64_t Settings::*>(spec.member) = v;
  }
  if (spec.key == "lang" && !value.empty() && value != "fr" && value != "en") {
    return Status::Error(ErrorCode::kConfigError, {"lang (fr|en)"});
  }
  if (spec.key == "server.dev_role" && !value.empty() && value != "public" &&
      value != "clinician" && value != "admin") {
    return Status::Error(ErrorCode::kConfigError, {"server.dev_role (public|clinician|admin)"});
  }
  return Status::Ok();
}

namespace {

// Flattens a TOML table into dotted keys with textual values.
Status Flatten(const toml::table& table, const std::string& prefix,
               std::map<std::string, std::string>& out, std::string_view file_name) {
  for (const auto& [key, node] : table) {
    std::string full =
        prefix.empty() ? std::string(key.str()) : prefix + "." + std::string(key.str());
    if (const auto* sub = node.as_table()) {
      VIGIE_RETURN_IF_ERROR(Flatten(*sub, full, out, file_name));
    } else if (const auto* str = node.as_string()) {
      out[full] = str->get();
    } else if (const auto* integer = node.as_integer()) {
      out[full] = std::to_string(integer->get());
    } else {
      return Status::Error(ErrorCode::kConfigError, {std::string(file_name) + " : " + full});
    }
  }
  return Status::Ok();
}

}  // namespace

Status ApplyToml(Settings& s, std::string_view toml_text, std::string_view file_name) {
  // The Debian toml++ library is built with exceptions; they stop here.
  toml::table table;
  try {
    table = toml::parse(toml_text, file_name);
  } catch (const toml::parse_error& err) {
    return Status::Error(ErrorCode::kConfigError,
                         {std::string(file_name) + ":" + std::to_string(err.source().begin.line) +
                          " : " + std::string(err.description())});
  }
  std::map<std::string, std::string> values;
  VIGIE_RETURN_IF_ERROR(Flatten(table, "", values, file_name));
  for (const auto& [key, value] : values) {
    const SettingSpec* found = nullptr;
    for (const SettingSpec& spec : AllSettings()) {
      if (spec.key == key) found = &spec;
    }
    if (found == nullptr) {
      return Status::Error(ErrorCode::kUnknownField, {std::string(file_name) + " : " + key});
    }
    VIGIE_RETURN_IF_ERROR(SetSetting(s, *found, value));
  }
  return Status::Ok();
}

Status ApplyEnvironment(Settings& s, Env& env) {
  for (const SettingSpec& spec : AllSettings()) {
    std::string value;
    if (env.GetVar(std::string(spec.env), &value) && !value.empty()) {
      VIGIE_RETURN_IF_ERROR(SetSetting(s, spec, value));
    }
  }
  return Status::Ok();
}

Result<Settings> LoadSettings(Env& env, const std::string& toml_path) {
  Settings s;
  if (!toml_path.empty()) {
    Result<std::string> text = env.ReadFile(toml_path);
    if (!text.ok()) return text.status();
    VIGIE_RETURN_IF_ERROR(ApplyToml(s, *text, toml_path));
  }
  VIGIE_RETURN_IF_ERROR(ApplyEnvironment(s, env));
  return s;
}

std::string SettingValue(const Settings& s, const SettingSpec& spec) {
  if (spec.type == SettingType::kString) return s.*std::get<std::string Settings::*>(spec.member);
  return std::to_string(s.*std::get<int64_t Settings::*>(spec.member));
}

}  // namespace vigie
