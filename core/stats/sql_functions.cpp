#include "core/stats/sql_functions.h"

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>
#include <algorithm>

#include "core/stats/stage_at.h"

namespace il::stats {
namespace {

// The latest row in months 1..month of a year: its month and year-to-date, or nothing.
struct Latest {
    bool found = false;
    int month = 0;
    std::int64_t ytd = 0;
};

// A value per project id, T{} for a project without one. Ids are a table's row ids, dense from
// 1: a vector indexed by id (a report's 1.5 million progress rows go through it, where hashing
// was a third of the cost); ids beyond kDenseIds (or negative) in a hash map.
template <class T>
class ById {
public:
    T& operator[](std::int64_t id) {
        if (id < 0 || id >= kDenseIds) return sparse_[id];
        const auto i = static_cast<std::size_t>(id);
        if (i >= dense_.size()) dense_.resize(std::max(i + 1, dense_.size() * 2));
        return dense_[i];
    }
    T get(std::int64_t id) const {
        if (id >= 0 && id < static_cast<std::int64_t>(dense_.size())) return dense_[static_cast<std::size_t>(id)];
        if (id >= 0 && id < kDenseIds) return T{};
        const auto it = sparse_.find(id);
        return it == sparse_.end() ? T{} : it->second;
    }
    template <class F>
    void for_each(F&& f) const {
        for (std::size_t i = 0; i < dense_.size(); ++i) f(static_cast<std::int64_t>(i), dense_[i]);
        for (const auto& [id, v] : sparse_) f(id, v);
    }

private:
    static constexpr std::int64_t kDenseIds = 1 << 20;  // at most ~24 MB per table for ids below
    std::vector<T> dense_;
    std::unordered_map<std::int64_t, T> sparse_;
};
using LatestByProject = ById<Latest>;
using EarlierByProject = ById<std::int64_t>;  // earlier years' ytd, summed

// Every project's facts for a (year, month), once loaded, shared by the connection's later
// statements while the ledger is unchanged: the templates of a report set (one read transaction)
// ask for the same year and month in sheet after sheet. "Unchanged" is PRAGMA data_version (other
// connections' commits) and sqlite3_total_changes64 (this connection's writes); inside a write
// transaction nothing is taken from or put into the cache (a ROLLBACK would not change either).
constexpr std::size_t kCachedPeriods = 4;  // a report set asks for this year and last, this month and the one before

struct FactsCache {
    std::int64_t data_version = -1, total_changes = -1;
    std::map<std::pair<int, int>, std::shared_ptr<const LatestByProject>> latest;
    std::map<int, std::shared_ptr<const EarlierByProject>> earlier;
};

// What the functions of one connection need: the database (for the progress lookups, through
// its statement cache) and the thresholds lights are judged with. The functions are created once
// per connection: SQLite refuses to redefine a function while any statement of the connection is
// running (the GUI may have one open), so later registrations only replace the thresholds.
struct FunctionState {
    db::Database* db = nullptr;
    std::mutex mutex;
    WarnThresholds thresholds;
    FactsCache facts;  // used by the functions only, which SQLite runs one at a time per connection
    WarnThresholds get() {
        std::lock_guard lock(mutex);
        return thresholds;
    }
};

std::mutex registry_mutex;
std::map<sqlite3*, FunctionState*>& registry() {
    static std::map<sqlite3*, FunctionState*> states;  // entries removed when the connection drops the functions
    return states;
}

FunctionState& state_of(sqlite3_context* ctx) { return *static_cast<FunctionState*>(sqlite3_user_data(ctx)); }

std::optional<std::string> text_arg(sqlite3_value* v) {
    if (sqlite3_value_type(v) == SQLITE_NULL) return std::nullopt;
    const auto* p = sqlite3_value_text(v);
    return std::string(p ? reinterpret_cast<const char*>(p) : "");
}

void result_text(sqlite3_context* ctx, const std::string& s) {
    sqlite3_result_text(ctx, s.c_str(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
}

// --- stage and year scope ---------------------------------------------------------------

void stage_at_fn(sqlite3_context* ctx, int, sqlite3_value** argv) {
    const auto period = month_of(text_arg(argv[3]));
    if (!period) return sqlite3_result_error(ctx, "il_stage_at: the period must be 'YYYY-MM'", -1);
    result_text(ctx, stage_at(text_arg(argv[0]).value_or(""), text_arg(argv[1]), text_arg(argv[2]), *period));
}

void counts_in_year_fn(sqlite3_context* ctx, int, sqlite3_value** argv) {
    sqlite3_result_int(ctx, counts_in_year(text_arg(argv[0]).value_or(""), text_arg(argv[1]), sqlite3_value_int(argv[2])) ? 1 : 0);
}

// --- progress lookups ---------------------------------------------------------------------

constexpr const char* kProjectLatest =
    "SELECT month, completed_ytd FROM progress WHERE project_id = ?1 AND year = ?2 AND month <= ?3 ORDER BY month DESC LIMIT 1";
constexpr const char* kRenovationLatest =
    "SELECT month, completed_ytd FROM renovation_progress WHERE renovation_id = ?1 AND year = ?2 AND month <= ?3 "
    "ORDER BY month DESC LIMIT 1";
// every earlier year's last reported year-to-date (SQLite gives the bare column of the MAX row)
constexpr const char* kProjectEarlierYears =
    "SELECT SUM(ytd) FROM (SELECT year, MAX(month), completed_ytd AS ytd FROM progress WHERE project_id = ?1 AND year < ?2 "
    "GROUP BY year)";
// The same facts for every project at once, from the covering index progress_period (year,
// month, project_id, completed_ytd …) in index order: no table row is read.
constexpr const char* kAllLatest = "SELECT project_id, month, completed_ytd FROM progress WHERE year = ?1 AND month <= ?2 ORDER BY month";
constexpr const char* kAllEarlierYears =
    "SELECT project_id, year, completed_ytd FROM progress WHERE year < ?1 ORDER BY year, month";

// A statement that asks for thousands of projects (a report, the 首页) is answered from one
// pass over the index instead of a lookup per project: after kLookupsBeforeLoad calls with the
// same year and month (bound parameters, so SQLite keeps this as the argument's auxiliary data
// for the statement's lifetime, inside its read transaction) every project's answer is loaded.
// A statement about a few projects (one zone) never pays for the pass.
constexpr long kLookupsBeforeLoad = 1000;

struct YearFacts {  // the auxiliary data of one call site in one statement
    int year = 0, month = 0;
    long calls = 0;
    bool looked_in_cache = false;
    std::shared_ptr<const LatestByProject> latest;   // kAllLatest
    std::shared_ptr<const EarlierByProject> earlier;  // kAllEarlierYears
};

void free_facts(void* p) { delete static_cast<YearFacts*>(p); }

// The connection's cache, emptied first if the ledger changed since it was filled; null inside
// a write transaction.
FactsCache* usable_cache(FunctionState& state) {
    sqlite3* handle = state.db->sql().getHandle();
    if (sqlite3_txn_state(handle, nullptr) == SQLITE_TXN_WRITE) return nullptr;
    std::int64_t version = 0;
    {
        auto q = state.db->prepared("PRAGMA data_version");
        if (q->executeStep()) version = q->getColumn(0).getInt64();
    }
    const std::int64_t changes = sqlite3_total_changes64(handle);
    FactsCache& c = state.facts;
    if (c.data_version != version || c.total_changes != changes) {
        c.latest.clear();
        c.earlier.clear();
        c.data_version = version;
        c.total_changes = changes;
    }
    return &c;
}

std::shared_ptr<const LatestByProject> load_latest(db::Database& db, int year, int month) {
    auto out = std::make_shared<LatestByProject>();
    auto q = db.prepared(kAllLatest);
    q->bind(1, year);
    q->bind(2, month);
    while (q->executeStep())  // months ascending: the last one seen is the latest
        (*out)[q->getColumn(0).getInt64()] = Latest{true, q->getColumn(1).getInt(), q->getColumn(2).getInt64()};
    return out;
}

std::shared_ptr<const EarlierByProject> load_earlier(db::Database& db, int year) {
    // per project: the year of its rows seen last, that year's latest year-to-date so far, and
    // the sum of the years before it (rows come in year, month order)
    struct Running {
        int year = 0;
        std::int64_t last = 0, before = 0;
    };
    ById<Running> running;
    auto q = db.prepared(kAllEarlierYears);
    q->bind(1, year);
    while (q->executeStep()) {
        Running& r = running[q->getColumn(0).getInt64()];
        const int y = q->getColumn(1).getInt();
        if (y != r.year) {
            r.before += r.last;
            r.year = y;
        }
        r.last = q->getColumn(2).getInt64();
    }
    auto out = std::make_shared<EarlierByProject>();
    running.for_each([&](std::int64_t id, const Running& r) {
        if (r.year != 0) (*out)[id] = r.before + r.last;
    });
    return out;
}

// Attaches the facts the call site needs from the connection's cache, or (once the site has made
// kLookupsBeforeLoad lookups) loads them and leaves them in the cache. True when attached.
bool attach_facts(FunctionState& state, YearFacts& f, bool earlier_years, bool load) {
    FactsCache* cache = usable_cache(state);
    if (!f.latest) {
        if (cache)
            if (auto it = cache->latest.find({f.year, f.month}); it != cache->latest.end()) f.latest = it->second;
        if (!f.latest && load) {
            f.latest = load_latest(*state.db, f.year, f.month);
            if (cache) {
                if (cache->latest.size() >= kCachedPeriods) cache->latest.clear();
                cache->latest[{f.year, f.month}] = f.latest;
            }
        }
    }
    if (earlier_years && !f.earlier) {
        if (cache)
            if (auto it = cache->earlier.find(f.year); it != cache->earlier.end()) f.earlier = it->second;
        if (!f.earlier && load) {
            f.earlier = load_earlier(*state.db, f.year);
            if (cache) {
                if (cache->earlier.size() >= kCachedPeriods) cache->earlier.clear();
                cache->earlier[f.year] = f.earlier;
            }
        }
    }
    return f.latest && (!earlier_years || f.earlier);
}

// The facts cached on argument 1 (the year) of this call, or null when the arguments are not
// constant for the statement (then each call looks up on its own) or not loaded yet.
const YearFacts* facts_of(sqlite3_context* ctx, sqlite3_value** argv, bool earlier_years) {
    const int year = sqlite3_value_int(argv[1]), month = sqlite3_value_int(argv[2]);
    auto* f = static_cast<YearFacts*>(sqlite3_get_auxdata(ctx, 1));
    if (f && (f->year != year || f->month != month)) f = nullptr;
    if (!f) {
        auto* fresh = new YearFacts;
        fresh->year = year;
        fresh->month = month;
        sqlite3_set_auxdata(ctx, 1, fresh, free_facts);  // may free it at once (argument not constant)
        f = static_cast<YearFacts*>(sqlite3_get_auxdata(ctx, 1));
        if (f != fresh) return nullptr;
    }
    const bool ready = f->latest && (!earlier_years || f->earlier);
    if (ready) return f;
    auto& state = state_of(ctx);
    if (!f->looked_in_cache) {  // once per site: an earlier statement may have loaded them
        f->looked_in_cache = true;
        if (attach_facts(state, *f, earlier_years, false)) return f;
    }
    if (++f->calls > kLookupsBeforeLoad && attach_facts(state, *f, earlier_years, true)) return f;
    return nullptr;
}

Latest lookup_latest(sqlite3_context* ctx, sqlite3_value** argv, const char* sql) {
    Latest out;
    auto q = state_of(ctx).db->prepared(sql);
    q->bind(1, static_cast<std::int64_t>(sqlite3_value_int64(argv[0])));
    q->bind(2, sqlite3_value_int(argv[1]));
    q->bind(3, sqlite3_value_int(argv[2]));
    if (q->executeStep()) {
        out.found = true;
        out.month = q->getColumn(0).getInt();
        out.ytd = q->getColumn(1).getInt64();
    }
    return out;
}

// A project's latest progress row in 1..month of the year (arguments project_id, year, month).
Latest project_latest(sqlite3_context* ctx, sqlite3_value** argv, bool earlier_years = false) {
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) return {};
    if (const YearFacts* f = facts_of(ctx, argv, earlier_years)) {
        return f->latest->get(sqlite3_value_int64(argv[0]));
    }
    return lookup_latest(ctx, argv, kProjectLatest);
}

Latest renovation_latest(sqlite3_context* ctx, sqlite3_value** argv) {
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) return {};
    return lookup_latest(ctx, argv, kRenovationLatest);  // a few hundred items: lookups are enough
}

// SQLite turns a C++ exception escaping a callback into a crash: report it as the SQL error.
template <class F>
void guarded(sqlite3_context* ctx, F&& f) {
    try {
        f();
    } catch (const std::exception& e) {
        sqlite3_result_error(ctx, e.what(), -1);
    }
}

Latest project_row(sqlite3_context* ctx, sqlite3_value** argv) { return project_latest(ctx, argv); }

// il_latest_month and il_ytd (and the 技改 ones) on a lookup of the latest row.
template <Latest (*Find)(sqlite3_context*, sqlite3_value**)>
void latest_month_fn(sqlite3_context* ctx, int, sqlite3_value** argv) {
    guarded(ctx, [&] {
        const Latest l = Find(ctx, argv);
        if (l.found) sqlite3_result_int(ctx, l.month);
        else sqlite3_result_null(ctx);
    });
}

template <Latest (*Find)(sqlite3_context*, sqlite3_value**)>
void ytd_fn(sqlite3_context* ctx, int, sqlite3_value** argv) {
    guarded(ctx, [&] { sqlite3_result_int64(ctx, Find(ctx, argv).ytd); });
}

void since_start_fn(sqlite3_context* ctx, int, sqlite3_value** argv) {
    guarded(ctx, [&] {
        if (sqlite3_value_type(argv[0]) == SQLITE_NULL) return sqlite3_result_int64(ctx, 0);
        std::int64_t total = project_latest(ctx, argv, true).ytd;
        if (const YearFacts* f = facts_of(ctx, argv, true)) {
            total += f->earlier->get(sqlite3_value_int64(argv[0]));
        } else {
            auto q = state_of(ctx).db->prepared(kProjectEarlierYears);
            q->bind(1, static_cast<std::int64_t>(sqlite3_value_int64(argv[0])));
            q->bind(2, sqlite3_value_int(argv[1]));
            if (q->executeStep()) total += q->getColumn(0).getInt64();
        }
        sqlite3_result_int64(ctx, total);
    });
}

// --- lights ---------------------------------------------------------------------------------

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
    out = evaluate_light(in, *period, state_of(ctx).get());
    return true;
}

void light_fn(sqlite3_context* ctx, int, sqlite3_value** argv) {
    LightResult r;
    if (evaluate(ctx, argv, r)) sqlite3_result_text(ctx, light_name(r.light), -1, SQLITE_TRANSIENT);
}

void reason_fn(sqlite3_context* ctx, int, sqlite3_value** argv) {
    LightResult r;
    if (evaluate(ctx, argv, r)) result_text(ctx, r.reason);
}

// Called by SQLite when the connection closes (for il_light, which owns the state).
void free_state(void* p) {
    auto* state = static_cast<FunctionState*>(p);
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

struct Function {
    const char* name;
    int args;
    bool deterministic;  // false for the lookups: they read tables
    void (*fn)(sqlite3_context*, int, sqlite3_value**);
};

// Every function but il_light, which is created last and owns the state.
constexpr Function kShared[] = {
    {"il_stage_at", 4, true, stage_at_fn},
    {"il_counts_in_year", 3, true, counts_in_year_fn},
    {"il_latest_month", 3, false, latest_month_fn<project_row>},
    {"il_ytd", 3, false, ytd_fn<project_row>},
    {"il_since_start", 3, false, since_start_fn},
    {"il_renovation_latest_month", 3, false, latest_month_fn<renovation_latest>},
    {"il_renovation_ytd", 3, false, ytd_fn<renovation_latest>},
    {"il_light_reason", 6, true, reason_fn},
};

void drop_shared(sqlite3* handle) {
    for (const auto& f : kShared) sqlite3_create_function_v2(handle, f.name, f.args, SQLITE_UTF8, nullptr, nullptr, nullptr, nullptr, nullptr);
}

}  // namespace

void register_sql_functions(db::Database& db, const WarnThresholds& thresholds) {
    sqlite3* handle = db.sql().getHandle();
    std::unique_lock lock(registry_mutex);
    auto& states = registry();
    if (auto it = states.find(handle); it != states.end()) {
        std::lock_guard state_lock(it->second->mutex);
        it->second->thresholds = thresholds;
        return;
    }
    auto* state = new FunctionState;
    state->db = &db;
    state->thresholds = thresholds;
    // The others share the state; il_light owns it (SQLite calls free_state when the connection
    // closes, or at once if creating il_light fails).
    for (const auto& f : kShared) {
        const int flags = SQLITE_UTF8 | (f.deterministic ? SQLITE_DETERMINISTIC : 0);
        const int rc = sqlite3_create_function_v2(handle, f.name, f.args, flags, state, f.fn, nullptr, nullptr, nullptr);
        if (rc != SQLITE_OK) {
            drop_shared(handle);
            delete state;
            throw DatabaseError(std::string("无法注册 SQL 函数 ") + f.name + "：" + sqlite3_errstr(rc));
        }
    }
    states[handle] = state;
    lock.unlock();  // free_state takes it
    const int rc = sqlite3_create_function_v2(handle, "il_light", 6, SQLITE_UTF8 | SQLITE_DETERMINISTIC, state, light_fn, nullptr,
                                              nullptr, free_state);
    if (rc != SQLITE_OK) {
        // the state is gone (free_state): the others must not keep pointing at it
        drop_shared(handle);
        throw DatabaseError(std::string("无法注册 SQL 函数 il_light：") + sqlite3_errstr(rc));
    }
}

}  // namespace il::stats
