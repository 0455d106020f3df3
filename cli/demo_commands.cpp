#include "cli/cli_context.h"

namespace il::cli {

void register_demo_command(CLI::App& /*app*/, CliContext& /*ctx*/) {
    // Owned by the demo work; subcommands are added here.
}

}  // namespace il::cli
