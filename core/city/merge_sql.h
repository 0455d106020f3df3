#pragma once
// The SQL under the city intake: a package's ledger is ATTACHed to the city connection as `pkg`,
// and records are read, compared and copied with set-based statements. Dictionary references
// are matched by name (县市区, 园区, 产业分类) or code (国民经济行业), records by uid; the column
// lists come from the schema, so a column added by a later migration travels without changes here.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/db/database.h"
#include "core/model/period.h"

namespace il::city {

// The record tables that carry an origin, and the child tables of each (key column to the parent).
struct RecordTable {
    const char* table;
    const char* label;  // 项目 / 技改项目 / 招商项目 / 年度目标
    std::vector<std::pair<const char*, const char*>> children;  // (table, parent key column)
};
const std::vector<RecordTable>& record_tables();

// ATTACHes a ledger file as `pkg` (read-only) for the lifetime of the object. Must be created
// outside any transaction on `db`.
class AttachedPackage {
public:
    AttachedPackage(db::Database& db, const std::filesystem::path& ledger);
    ~AttachedPackage();
    AttachedPackage(const AttachedPackage&) = delete;
    AttachedPackage& operator=(const AttachedPackage&) = delete;

private:
    db::Database& db_;
};

// One record as the diff compares it: its editable fields as text (dictionary references by name,
// money as 万元) plus the period's figures (年度计划, 本期累计完成, 月度数据…).
struct RecordSnapshot {
    std::string uid, label;
    std::vector<std::pair<std::string, std::string>> fields;  // (Chinese field label, value)
};

// The records of `table` in `schema` ('main' or 'pkg') for which `where` holds (SQL on alias t,
// may use :office), keyed by uid.
std::map<std::string, RecordSnapshot> snapshot_records(db::Database& db, const std::string& schema,
                                                       const std::string& table, const std::string& where,
                                                       const std::string& office, const Period& period);

struct Origin {
    std::string office, package, period;
};

// Copies the pkg records whose uids are in temp.il_take (table, uid) with their children into
// main, setting their origin. Call inside the caller's transaction.
void copy_taken_records(db::Database& db, const Origin& origin);
// Empties (creating if needed) temp.il_take.
void reset_take(db::Database& db);
void take(db::Database& db, const std::string& table, const std::string& uid);

}  // namespace il::city
