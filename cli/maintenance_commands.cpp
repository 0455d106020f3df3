#include "cli/cli_context.h"

namespace il::cli {

void register_maintenance_commands(CLI::App& /*app*/, CliContext& /*ctx*/) {
    // Owned by the maintenance work; subcommands are added here.
}

}  // namespace il::cli
