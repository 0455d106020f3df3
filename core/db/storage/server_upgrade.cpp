#include "core/db/storage/server_upgrade.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <string>
#include <utility>
#include <vector>

#include "core/db/database.h"
#include "core/db/storage/ledger_copy.h"
#include "core/db/storage/placeholders.h"
#include "core/db/storage/server_roles.h"
#include "core/db/storage/server_schema.h"
#include "core/db/storage/sqlite_connection.h"
#include "core/util/error.h"
#include "core/util/uid.h"
#include "core/util/utf8_path.h"

namespace il::db::storage {
namespace fs = std::filesystem;

namespace {
struct RemovedAfterwards {
    fs::path file;
    ~RemovedAfterwards() {
        std::error_code ec;
        for (const char* suffix : {"", "-journal", "-wal", "-shm"}) fs::remove(fs::path(file) += suffix, ec);
    }
};

// Progress of one of the two copies, as a part of the whole.
struct Part final : ProgressSink {
    ProgressSink& whole;
    double from, span;
    Part(ProgressSink& w, double f, double s) : whole(w), from(f), span(s) {}
    void step(std::string_view what, double fraction) override { whole.step(what, from + span * fraction); }
    bool cancelled() override { return whole.cancelled(); }
};

bool has_table(Connection& server, const std::string& name) {
    auto q = server.prepare("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?");
    q->bind(1, name);
    q->step();
    return q->i64(0) > 0;
}
}  // namespace

int upgrade_server_schema(Connection& server, const fs::path& work_dir, ProgressSink& progress) {
    const int from = server_schema_version(server);
    const int latest = current_schema_version();
    if (from == 0) throw DatabaseError("服务器数据库中还没有台账，无需升级（用 server init 或 migrate-to 建立）");
    if (from > latest)
        throw DatabaseError("服务器上的台账是数据库版本 " + std::to_string(from) + "，比本程序（版本 " + std::to_string(latest) +
                            "）新：请用新版程序");
    if (from == latest) return from;

    RemovedAfterwards temp{work_dir / ("il-server-upgrade-" + new_uid() + ".db")};
    SQLite::Database lite(il::path_utf8(temp.file), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    lite.exec("PRAGMA journal_mode = OFF");  // a scratch copy: nothing to recover
    migrate_to(lite, from);
    SqliteConnection scratch(lite);
    Part down(progress, 0.0, 0.45);
    copy_ledger(server, scratch, down);
    progress.step("按升级步骤转换数据（版本 " + std::to_string(from) + " → " + std::to_string(latest) + "）", 0.5);
    migrate_to(lite, latest);

    // the offices' regions, by login and region id (the ids stay what they are)
    std::vector<std::pair<std::string, std::int64_t>> grants;
    if (has_table(server, "il_office_users")) {
        auto q = server.prepare("SELECT login, region_id FROM il_office_users ORDER BY login, region_id");
        while (q->step()) grants.emplace_back(q->text(0), q->i64(1));
    }
    Part up(progress, 0.55, 0.45);
    copy_ledger(scratch, server, up, [&] {
        const std::vector<std::string> old_tables = server.tables();
        server.exec("DROP TABLE IF EXISTS il_office_users CASCADE");  // with the policies that read it
        for (auto it = old_tables.rbegin(); it != old_tables.rend(); ++it)
            server.exec("DROP TABLE " + quote_identifier(*it) + " CASCADE");
        server.exec("DROP TABLE il_tables; DROP TABLE il_schema");
        server.exec(server_schema_sql());
        server.exec(server_roles_sql());
    }, [&] {  // the regions are there now
        auto add = server.prepare("INSERT INTO il_office_users(login, region_id) VALUES (?, ?)");
        for (const auto& [login, region] : grants) {
            add->bind(1, login);
            add->bind(2, region);
            add->step();
            add->reset();
        }
    });
    return from;
}

}  // namespace il::db::storage
