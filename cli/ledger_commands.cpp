#include "cli/cli_context.h"

namespace il::cli {

void register_ledger_commands(CLI::App& /*app*/, CliContext& /*ctx*/) {
    // Owned by the ledger work; subcommands are added here.
}

}  // namespace il::cli
