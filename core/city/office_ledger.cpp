#include "core/city/office_ledger.h"

#include <system_error>
#include "core/util/utf8_path.h"

namespace il::city {
namespace fs = std::filesystem;

namespace {
std::string quoted(const std::string& s) {
    std::string out = "'";
    for (char c : s) {
        out += c;
        if (c == '\'') out += '\'';
    }
    return out + "'";
}
}  // namespace

std::map<std::string, std::int64_t> ledger_counts(SQLite::Database& db, const std::string& schema) {
    std::map<std::string, std::int64_t> out;
    for (const char* t : {"projects", "progress", "problems", "project_plans", "renovations", "renovation_progress",
                          "deals", "deal_funds", "targets"})
        out[t] = db.execAndGet("SELECT count(*) FROM " + schema + "." + t).getInt64();
    return out;
}

void write_office_ledger(db::Database& db, const OfficeLedgerOptions& options, const fs::path& out) {
    if (options.regions.empty()) throw ValidationError("没有指定县市区");
    std::string ids;
    for (const auto& name : options.regions) {
        db::Query q(db, "SELECT id FROM regions WHERE name = ?");
        q.bind(1, name);
        if (!q.executeStep()) throw ValidationError("县市区字典中没有「" + name + "」");
        if (!ids.empty()) ids += ",";
        ids += std::to_string(q.getColumn(0).getInt64());
    }
    std::error_code ec;
    fs::remove(out, ec);
    for (const char* suffix : {"-wal", "-shm", "-journal"}) fs::remove(il::u8path(il::path_utf8(out) + suffix), ec);
    {
        db::Query vac(db, "VACUUM INTO ?");
        vac.bind(1, il::path_utf8(out));
        vac.exec();
    }
    SQLite::Database copy(il::path_utf8(out), SQLite::OPEN_READWRITE);
    copy.exec("PRAGMA journal_mode = DELETE");
    copy.exec("PRAGMA foreign_keys = ON");
    copy.exec("PRAGMA secure_delete = ON");
    {
        SQLite::Transaction tx(copy);
        const std::string in = " IN (" + ids + ")";
        // Deals of the office linked to a project elsewhere keep their own figures; the link goes.
        copy.exec("DELETE FROM projects WHERE region_id NOT" + in);
        copy.exec("DELETE FROM renovations WHERE region_id NOT" + in);
        copy.exec("DELETE FROM deals WHERE region_id NOT" + in);
        copy.exec("DELETE FROM targets WHERE NOT (COALESCE(region_id" + in + ", 0) OR COALESCE(zone_id IN "
                  "(SELECT id FROM zones WHERE region_id" + in + "), 0))");
        if (options.up_to) {
            int ym = options.up_to->year * 100 + options.up_to->month;
            copy.exec("DELETE FROM progress WHERE year * 100 + month > " + std::to_string(ym));
            copy.exec("DELETE FROM renovation_progress WHERE year * 100 + month > " + std::to_string(ym));
            copy.exec("DELETE FROM deal_funds WHERE substr(date, 1, 7) > " + quoted(options.up_to->key()));
        }
        if (!options.bookkeeping) {
            for (const char* t : {"audit_log", "report_runs", "report_archive", "import_presets", "period_locks",
                                  "submissions", "city_conflicts", "office_regions", "offices"})
                copy.exec(std::string("DELETE FROM ") + t);
            copy.exec("DELETE FROM settings WHERE key NOT IN ('city_name')");
        }
        tx.commit();
    }
    copy.exec("VACUUM");
}

}  // namespace il::city
