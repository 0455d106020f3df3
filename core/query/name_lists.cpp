#include "core/query/name_lists.h"

namespace il::query {
namespace {
NameList read(db::Database& db, const std::string& sql) {
    db::Query q(db, sql);
    NameList out;
    while (q.executeStep()) out.emplace_back(q.getColumn(0).getInt64(), q.getColumn(1).getString());
    return out;
}
std::string where(bool active_only) { return active_only ? " WHERE active = 1" : ""; }
}  // namespace

NameList region_names(db::Database& db, bool a) {
    return read(db, "SELECT id, name FROM regions" + where(a) + " ORDER BY sort_order, id");
}
NameList zone_names(db::Database& db, bool a) {
    return read(db, "SELECT id, name FROM zones" + where(a) + " ORDER BY sort_order, id");
}
NameList industry_names(db::Database& db, bool a) {
    return read(db, "SELECT id, code || ' ' || name FROM industries" + where(a) + " ORDER BY sort_order, code");
}
NameList category_names(db::Database& db, bool a) {
    return read(db, "SELECT id, name FROM categories" + where(a) + " ORDER BY sort_order, id");
}

}  // namespace il::query

namespace il::query {
std::vector<std::pair<std::int64_t, std::int64_t>> zone_regions(db::Database& db) {
    db::Query q(db, "SELECT id, region_id FROM zones");
    std::vector<std::pair<std::int64_t, std::int64_t>> out;
    while (q.executeStep()) out.emplace_back(q.getColumn(0).getInt64(), q.getColumn(1).getInt64());
    return out;
}
}  // namespace il::query

namespace il::query {
std::optional<std::int64_t> project_mentioned(db::Database& db, const std::string& text) {
    db::Query q(db, "SELECT id, name, COALESCE(code,'') FROM projects");
    std::optional<std::int64_t> best;
    std::size_t best_len = 0;
    while (q.executeStep()) {
        std::string code = q.getColumn(2).getString();
        if (!code.empty() && text.find(code) != std::string::npos) return q.getColumn(0).getInt64();
        std::string name = q.getColumn(1).getString();
        if (name.size() > best_len && text.find(name) != std::string::npos) {
            best = q.getColumn(0).getInt64();
            best_len = name.size();
        }
    }
    return best;
}
}  // namespace il::query
