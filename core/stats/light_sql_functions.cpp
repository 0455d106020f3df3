#include "core/stats/light_sql_functions.h"

#include <map>
#include <mutex>
#include <string>

namespace il::stats {
namespace {

// The thresholds the functions of one connection judge with. The functions are created once per
// connection: SQLite refuses to redefine a function while any statement of the connection is
// running (the GUI may have one open), so later registrations only replace the thresholds.
struct LightState {
    std::mutex mutex;
    WarnThresholds thresholds;
    WarnThresholds get() {
        std::lock_guard lock(mutex);
        return thresholds;
    }
};

std::mutex registry_mutex;
std::map<sqlite3*, LightState*>& registry() {
    static std::map<sqlite3*, LightState*> states;  // entries removed when the connection drops the functions
    return states;
}

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
    out = evaluate_light(in, *period, static_cast<LightState*>(sqlite3_user_data(ctx))->get());
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

// Called by SQLite when the connection closes (for il_light, which owns the state).
void free_state(void* p) {
    auto* state = static_cast<LightState*>(p);
    {
        std::lock_guard lock(registry_mutex);
        auto& states = registry();
        for (auto it = states.begin(); it != states.end(); ++it)
            if (it->second == state) {
                states.erase(it);
                break;
            }
    }
    delete state;
}

}  // namespace

void register_light_functions(db::Database& db, const WarnThresholds& thresholds) {
    sqlite3* handle = db.sql().getHandle();
    std::unique_lock lock(registry_mutex);
    auto& states = registry();
    if (auto it = states.find(handle); it != states.end()) {
        std::lock_guard state_lock(it->second->mutex);
        it->second->thresholds = thresholds;
        return;
    }
    auto* state = new LightState;
    state->thresholds = thresholds;
    // il_light_reason shares the state; il_light owns it (SQLite calls free_state when the
    // connection closes, or at once if creating il_light fails).
    int rc = sqlite3_create_function_v2(handle, "il_light_reason", 6, SQLITE_UTF8 | SQLITE_DETERMINISTIC, state, reason_fn,
                                        nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
        delete state;
        throw DatabaseError(std::string("无法注册 SQL 函数 il_light_reason：") + sqlite3_errstr(rc));
    }
    states[handle] = state;
    lock.unlock();  // free_state takes it
    rc = sqlite3_create_function_v2(handle, "il_light", 6, SQLITE_UTF8 | SQLITE_DETERMINISTIC, state, light_fn, nullptr,
                                    nullptr, free_state);
    if (rc != SQLITE_OK) {
        // the state is gone (free_state): il_light_reason must not keep pointing at it
        sqlite3_create_function_v2(handle, "il_light_reason", 6, SQLITE_UTF8, nullptr, nullptr, nullptr, nullptr, nullptr);
        throw DatabaseError(std::string("无法注册 SQL 函数 il_light：") + sqlite3_errstr(rc));
    }
}

}  // namespace il::stats
