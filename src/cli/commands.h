// Private to the CLI: the registration functions of the built-in commands and
// of every module. Thread-safety: start-up only.
#pragma once

#include "vigie/cli/command.h"

namespace vigie::cli {

void RegisterSystemCommands(CommandRegistry& registry);    // version, config, openapi
void RegisterServeCommand(CommandRegistry& registry);      // serve
void RegisterModuleCommands(CommandRegistry& registry);    // one line per module (modules.cc)
void RegisterKbCommands(CommandRegistry& registry);        // kb ..., drug find (kb_commands.cc)
void RegisterCalcCommands(CommandRegistry& registry);      // calc, exam (calc_commands.cc)
void RegisterDoseCommands(CommandRegistry& registry);      // dose (dose_commands.cc)
void RegisterTriageCommands(CommandRegistry& registry);    // triage (public mode)
void RegisterEvidenceCommands(CommandRegistry& registry);  // evidence index, search, ask
void RegisterPrivacyCommands(CommandRegistry& registry);   // deid, audit, keys, tokens
void RegisterCheckCommands(CommandRegistry& registry);     // check FILE|- (check_commands.cc)
void RegisterWatchCommands(CommandRegistry& registry);  // kb diff, kb history (watch_commands.cc)

}  // namespace vigie::cli
