#include "cli/cli_context.h"

namespace il::cli {

void register_import_command(CLI::App& /*app*/, CliContext& /*ctx*/) {
    // Owned by the import work; subcommands are added here.
}

}  // namespace il::cli
