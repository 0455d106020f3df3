#pragma once
// State shared by the subcommands of investledger-cli: global options and the database.
#include <filesystem>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "core/db/database.h"

namespace il::cli {

struct CliContext {
    std::string db_path;      // --db; empty: the default database in the user's data folder
    std::string user;         // --user; empty: setting or OS user
    bool json = false;        // --json where a subcommand supports it

    // Opens (creating if asked) the database named by --db.
    std::unique_ptr<db::Database> open(bool create = false, bool read_only = false) const;
    std::filesystem::path resolved_db_path() const;
};

// Each file registers its subcommands. The callbacks throw il::Error on failure; main prints
// the message to stderr and exits non-zero.
void register_ledger_commands(CLI::App& app, CliContext& ctx);       // init list show add set progress check dict target
void register_demo_command(CLI::App& app, CliContext& ctx);          // demo
void register_report_commands(CLI::App& app, CliContext& ctx);       // templates report reports
void register_import_command(CLI::App& app, CliContext& ctx);        // import presets
void register_maintenance_commands(CLI::App& app, CliContext& ctx);  // backup backups restore lock unlock
void register_city_commands(CLI::App& app, CliContext& ctx);         // submit intake status return conflicts resolve offices
void register_server_commands(CLI::App& app, CliContext& ctx);       // migrate-to server

// Exit codes: 0 ok, 1 error (message on stderr), 2 usage, 3 check found problems.
inline constexpr int kExitError = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitFindings = 3;

// Thrown by a subcommand to end with a given exit status after printing its own output.
struct ExitWith {
    int code;
};

}  // namespace il::cli
