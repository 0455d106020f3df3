#include "cli/cli_context.h"

namespace il::cli {

void register_report_commands(CLI::App& /*app*/, CliContext& /*ctx*/) {
    // Owned by the report work; subcommands are added here.
}

}  // namespace il::cli
