// The list of module command registrations: each module that has commands
// adds one line here. Thread-safety: start-up only.
#include "cli/commands.h"

namespace vigie::cli {

void RegisterModuleCommands(CommandRegistry& registry) {
  RegisterKbCommands(registry);  // kb import|stats|interactions, drug find
  RegisterCalcCommands(registry);
  RegisterDoseCommands(registry);
  RegisterTriageCommands(registry);
  RegisterEvidenceCommands(registry);  // evidence index, search, ask
  RegisterPrivacyCommands(registry);   // deid, audit, keys, tokens
  RegisterCheckCommands(registry);     // check FILE|- (check_commands.cc)
  RegisterWatchCommands(registry);     // kb diff, kb history (after RegisterKbCommands)
}

}  // namespace vigie::cli
