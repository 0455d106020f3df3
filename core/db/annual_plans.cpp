#include "core/db/annual_plans.h"

#include <string>

#include "core/db/sql_util.h"
#include "core/util/uid.h"

namespace il::db {

void save_annual_plans(Database& db, const PlanTable& where, std::int64_t owner_id, const std::map<int, Money>& plans,
                       bool is_new) {
    const std::string table = where.table, owner = where.owner_column;
    if (!is_new) {
        std::string years = "[";
        for (const auto& [y, m] : plans) years += (years.size() > 1 ? "," : "") + std::to_string(y);
        years += "]";
        auto del = db.prepared("DELETE FROM " + table + " WHERE " + owner + " = ? AND year NOT IN " + json_array_values(db, true));
        bind_i64(*del, 1, owner_id);
        del->bind(2, years);
        del->exec();
    }
    auto up = db.prepared("INSERT INTO " + table + "(" + owner + ", year, planned_investment, uid) VALUES(?,?,?,?) ON CONFLICT(" +
                          owner + ", year) DO UPDATE SET planned_investment = excluded.planned_investment");
    for (const auto& [y, m] : plans) {
        up->reset();
        bind_i64(*up, 1, owner_id);
        up->bind(2, y);
        bind_money(*up, 3, m);
        up->bind(4, new_uid());
        up->exec();
    }
}

}  // namespace il::db
