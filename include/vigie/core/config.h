// Settings: every configurable value of Vigie declared once in a table
// (key in the TOML file, VIGIE_* environment variable, command-line flag,
// type, default, bounds, help in French and English). Loading order, later
// wins: defaults < TOML file < environment < flags. Thread-safety: a loaded
// Settings is an immutable value.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "vigie/core/env.h"
#include "vigie/core/status.h"

namespace vigie {

struct Settings {
  std::string server_host = "127.0.0.1";
  int64_t server_port = 8080;
  int64_t server_threads = 8;
  int64_t server_max_body_bytes = 1 << 20;
  int64_t server_read_timeout_s = 10;
  int64_t server_write_timeout_s = 10;
  // Role of the local-development authenticator; empty (default) = API tokens.
  std::string server_role;
  std::string access_log = "-";  // "-" = stderr, "off" = none, else a file path
  std::string audit_log = "vigie-audit.jsonl";
  std::string db_path = "vigie.db";
  std::string data_dir;     // official data sets; empty = ../shared/data
  std::string content_dir;  // the team's clinical content (data/: exam-rules, posology); empty =
                            // built-in path
  std::string lang;         // fr|en; empty = from LANG
  std::string web_dir;      // built web UI; empty = the build's web/dist
  std::string evidence_index_dir = "vigie-evidence";  // Xapian index of the literature
  std::string evidence_lexicon_dir = "data/lexicon";  // French-English lexicon files
  std::string deid_dict_dir;                          // empty = the repository's data/deid
  std::string master_key_file = "vigie-master.key";   // 0600; VIGIE_MASTER_KEY wins
  std::string keys_dir = "vigie-keys";                // wrapped data keys, one per store
  std::string tokens_file = "vigie-tokens.json";      // API tokens (hashed)
  int64_t rate_limit_per_minute = 600;                // per token
  std::string tls_cert_file;  // PEM certificate (chain); with tls_key_file: HTTPS
  std::string tls_key_file;   // PEM private key (keep it 0600)
  // CDS Hooks clients (the EHR) authenticate with a JWT signed by a key of
  // this local JWKS file; empty = CDS calls use the API tokens.
  std::string cds_jwks_file;
  std::string cds_issuer;    // the `iss` the EHR puts in its JWTs
  std::string cds_audience;  // Vigie's base URL as the EHR calls it: aud = base + path
  // English synonyms (WordNet database folder); "off": none
  std::string evidence_wordnet_dir = "/usr/share/wordnet";
};

enum class SettingType { kString, kInt };

struct SettingSpec {
  std::string_view key;   // TOML key, "server.port"
  std::string_view env;   // "VIGIE_PORT"
  std::string_view flag;  // "--port" (empty: no flag)
  SettingType type;
  std::variant<std::string Settings::*, int64_t Settings::*> member;
  int64_t min = 0;  // ints only
  int64_t max = 0;
  std::string_view help_fr;
  std::string_view help_en;
};

// The table (one source of truth for TOML, environment, flags and docs).
const std::vector<SettingSpec>& AllSettings();

// Sets one setting from its textual value, checking type and bounds.
Status SetSetting(Settings& s, const SettingSpec& spec, std::string_view value);

// Overlays a TOML document; unknown keys and wrong types are errors.
Status ApplyToml(Settings& s, std::string_view toml_text, std::string_view file_name);

// Overlays VIGIE_* variables read through `env`.
Status ApplyEnvironment(Settings& s, Env& env);

// Default + optional TOML file (empty path = none) + environment.
Result<Settings> LoadSettings(Env& env, const std::string& toml_path);

// Current value of a setting as text (for `vigie config` and docs).
std::string SettingValue(const Settings& s, const SettingSpec& spec);

}  // namespace vigie
