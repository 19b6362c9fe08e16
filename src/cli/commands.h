// Private to the CLI: the registration functions of the built-in commands and
// of every module. Thread-safety: start-up only.
#pragma once

#include "vigie/cli/command.h"

namespace vigie::cli {

void RegisterSystemCommands(CommandRegistry& registry);   // version, config, openapi
void RegisterServeCommand(CommandRegistry& registry);     // serve
void RegisterModuleCommands(CommandRegistry& registry);   // one line per module (modules.cc)
void RegisterPrivacyCommands(CommandRegistry& registry);  // deid, audit, keys, tokens

}  // namespace vigie::cli
