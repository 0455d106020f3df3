#include "core/stats/light_sql_functions.h"

#include <memory>
#include <string>

namespace il::stats {
namespace {

std::optional<std::string> text_arg(sqlite3_value* v) {
    if (sqlite3_value_type(v) == SQLITE_NULL) return std::nullopt;
    const auto* p = sqlite3_value_text(v);
    return std::string(p ? reinterpret_cast<const char*>(p) : "");
}

// Evaluates the six arguments; false (with an SQL error set) when they make no sense.
bool evaluate(sqlite3_context* ctx, sqlite3_value** argv, LightResult& out) {
    LightInput in;
    in.stage = text_arg(argv[0]).value_or("");
    in.planned_start = text_arg(argv[1]);
    in.actual_start = text_arg(argv[2]);
    in.annual_plan = Money{sqlite3_value_int64(argv[3])};
    in.completed = Money{sqlite3_value_int64(argv[4])};
    const auto period = month_of(text_arg(argv[5]));
    if (!period) {
        sqlite3_result_error(ctx, "il_light: the period must be 'YYYY-MM'", -1);
        return false;
    }
    out = evaluate_light(in, *period, *static_cast<const WarnThresholds*>(sqlite3_user_data(ctx)));
    return true;
}

void light_fn(sqlite3_context* ctx, int, sqlite3_value** argv) {
    LightResult r;
    if (evaluate(ctx, argv, r)) sqlite3_result_text(ctx, light_name(r.light), -1, SQLITE_TRANSIENT);
}

void reason_fn(sqlite3_context* ctx, int, sqlite3_value** argv) {
    LightResult r;
    if (evaluate(ctx, argv, r)) sqlite3_result_text(ctx, r.reason.c_str(), static_cast<int>(r.reason.size()), SQLITE_TRANSIENT);
}

void free_thresholds(void* p) { delete static_cast<WarnThresholds*>(p); }

void register_one(sqlite3* db, const char* name, void (*fn)(sqlite3_context*, int, sqlite3_value**),
                  const WarnThresholds& t) {
    auto* copy = new WarnThresholds(t);  // owned by SQLite from here: freed by free_thresholds
    int rc = sqlite3_create_function_v2(db, name, 6, SQLITE_UTF8 | SQLITE_DETERMINISTIC, copy, fn, nullptr, nullptr,
                                        free_thresholds);
    if (rc != SQLITE_OK) throw DatabaseError(std::string("无法注册 SQL 函数 ") + name + "：" + sqlite3_errstr(rc));
}

}  // namespace

void register_light_functions(db::Database& db, const WarnThresholds& thresholds) {
    register_one(db.sql().getHandle(), "il_light", light_fn, thresholds);
    register_one(db.sql().getHandle(), "il_light_reason", reason_fn, thresholds);
}

}  // namespace il::stats
