// investledger-cli: every core capability from the command line, for batch work and tests.
#include <cstdlib>
#include <iostream>

#include "cli/cli_context.h"
#include "cli/server_login.h"
#include "core/db/ledger_open.h"
#include "core/db/storage/pg_connection.h"
#include "core/db/sqlite_error_text.h"
#include "core/platform/command_line.h"
#include "core/platform/paths.h"
#include "core/util/utf8_path.h"

namespace il::cli {

std::filesystem::path CliContext::resolved_db_path() const {
    if (!db_path.empty()) return il::u8path(db_path);
    return platform::user_data_dir() / "ledger.db";
}

std::unique_ptr<db::Database> CliContext::open(bool create, bool read_only) const {
    db::OpenOptions options;
    options.create = create;
    options.read_only = read_only;
    options.user = user;
    if (db::storage::is_postgresql_url(db_path)) return db::open_ledger(db_path, options, prompt_password);
    auto path = resolved_db_path();
    if (create && !path.parent_path().empty()) std::filesystem::create_directories(path.parent_path());
    auto db = db::Database::open(path, options);
    for (const auto& w : db->warnings()) std::cerr << w << "\n";
    return db;
}

}  // namespace il::cli

int main(int argc, char** argv) {
    using namespace il::cli;
    CLI::App app{"投资项目台账 InvestLedger — command-line tool", "investledger-cli"};
    app.require_subcommand(1);
    app.set_version_flag("--version", std::string("investledger-cli ") + IL_VERSION);
    CliContext ctx;
    app.add_option("--db", ctx.db_path, "ledger database file (default: in the user's data folder)");
    app.add_option("--user", ctx.user, "name recorded in the audit log (default: OS user)");

    register_ledger_commands(app, ctx);
    register_demo_command(app, ctx);
    register_report_commands(app, ctx);
    register_import_command(app, ctx);
    register_maintenance_commands(app, ctx);
    register_city_commands(app, ctx);
    register_server_commands(app, ctx);

    try {
        il::platform::use_utf8_console();
        // UTF-8 arguments on every platform (on Windows from the UTF-16 command line)
        std::vector<std::string> args = il::platform::utf8_arguments(argc, argv);
        std::vector<const char*> arg_pointers;
        for (const auto& a : args) arg_pointers.push_back(a.c_str());
        app.parse(static_cast<int>(arg_pointers.size()), arg_pointers.data());
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : kExitUsage;
    } catch (const ExitWith& e) {
        return e.code;
    } catch (const il::Error& e) {
        std::cerr << "错误：" << e.what() << "\n";
        return kExitError;
    } catch (const SQLite::Exception& e) {
        std::cerr << "错误：" << il::db::sqlite_error_text(e.getErrorCode(), e.what(), ctx.resolved_db_path()) << "\n";
        return kExitError;
    } catch (const std::exception& e) {
        std::cerr << "错误：" << e.what() << "\n";
        return kExitError;
    }
    return 0;
}
