// The list of module command registrations: each module that has commands
// adds one line here. Thread-safety: start-up only.
#include "cli/commands.h"

namespace vigie::cli {

void RegisterModuleCommands(CommandRegistry& registry) { RegisterPrivacyCommands(registry); }

}  // namespace vigie::cli
