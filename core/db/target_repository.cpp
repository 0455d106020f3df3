#include "core/db/target_repository.h"

#include "core/db/references.h"
#include "core/db/sql_util.h"
#include "core/db/write_transaction.h"
#include "core/util/uid.h"
#include "core/validate/target_rules.h"
#include "core/db/row_reader.h"

namespace il::db {
namespace {

constexpr const char* kColumns =
    "id, uid, year, coalesce(region_id, 0), coalesce(zone_id, 0), projects_count, investment, renovation_count, "
    "signed_amount, funds_in_place, foreign_capital_usd";

AnnualTarget read_target(Query& q) {
    AnnualTarget t;
    db::read_row(q, t.id, t.uid, t.year, t.region_id, t.zone_id, t.projects_count, t.investment_fen,
                    t.renovation_count, t.signed_amount_fen, t.funds_in_place_fen, t.foreign_capital_usd_cents);
    return t;
}

std::optional<AnnualTarget> one(Database& db, const std::string& where, int year, std::int64_t id) {
    Query q(db, std::string("SELECT ") + kColumns + " FROM targets WHERE year = ? AND " + where);
    q.bind(1, year);
    bind_i64(q, 2, id);
    if (!q.executeStep()) return std::nullopt;
    return read_target(q);
}

}  // namespace

FieldValues TargetRepository::fields(const AnnualTarget& t) {
    return {{"year", std::to_string(t.year)},
            {"region_id", t.region_id ? std::to_string(t.region_id) : ""},
            {"zone_id", t.zone_id ? std::to_string(t.zone_id) : ""},
            {"projects_count", std::to_string(t.projects_count)},
            {"investment", exact_wan_text(Money{t.investment_fen})},
            {"renovation_count", std::to_string(t.renovation_count)},
            {"signed_amount", exact_wan_text(Money{t.signed_amount_fen})},
            {"funds_in_place", exact_wan_text(Money{t.funds_in_place_fen})},
            {"foreign_capital_usd", exact_wan_text(Money{t.foreign_capital_usd_cents})}};
}

std::int64_t TargetRepository::set(AnnualTarget& target) {
    AnnualTarget t = target;
    WriteTransaction tx(db_);
    auto refs = load_references(db_);
    auto issues = validate::validate_target(t, &refs);
    std::string record = std::to_string(t.year) + "年度目标";
    if (t.region_id > 0 && refs.region_names.count(t.region_id))
        record = refs.region_names.at(t.region_id) + " " + record;
    if (t.zone_id > 0 && refs.zone_names.count(t.zone_id)) record = refs.zone_names.at(t.zone_id) + " " + record;
    if (!issues.empty()) throw RecordInvalid(record, std::move(issues));
    auto before = t.region_id > 0 ? for_region(t.year, t.region_id) : for_zone(t.year, t.zone_id);
    if (before) {
        t.id = before->id;
        t.uid = before->uid;
        auto changes = diff_fields(fields(*before), fields(t));
        if (!changes.empty()) {
            Query q(db_, "UPDATE targets SET projects_count=?, investment=?, renovation_count=?, "
                                           "signed_amount=?, funds_in_place=?, foreign_capital_usd=? WHERE id=?");
            q.bind(1, t.projects_count);
            bind_i64(q, 2, t.investment_fen);
            q.bind(3, t.renovation_count);
            bind_i64(q, 4, t.signed_amount_fen);
            bind_i64(q, 5, t.funds_in_place_fen);
            bind_i64(q, 6, t.foreign_capital_usd_cents);
            bind_i64(q, 7, t.id);
            q.exec();
            audit_update(db_, "targets", t.id, t.uid, changes);
        }
    } else {
        if (t.uid.empty()) t.uid = new_uid();
        Query q(db_, "INSERT INTO targets(uid, year, region_id, zone_id, projects_count, investment, "
                                       "renovation_count, signed_amount, funds_in_place, foreign_capital_usd) "
                                       "VALUES(?,?,?,?,?,?,?,?,?,?)");
        q.bind(1, t.uid);
        q.bind(2, t.year);
        if (t.region_id > 0) bind_i64(q, 3, t.region_id); else q.bind(3);
        if (t.zone_id > 0) bind_i64(q, 4, t.zone_id); else q.bind(4);
        q.bind(5, t.projects_count);
        bind_i64(q, 6, t.investment_fen);
        q.bind(7, t.renovation_count);
        bind_i64(q, 8, t.signed_amount_fen);
        bind_i64(q, 9, t.funds_in_place_fen);
        bind_i64(q, 10, t.foreign_capital_usd_cents);
        q.exec();
        t.id = db_.last_insert_id();
        audit_insert(db_, "targets", t.id, t.uid, fields(t));
    }
    tx.commit();
    target = t;
    return t.id;
}

void TargetRepository::remove(std::int64_t id) {
    WriteTransaction tx(db_);
    Query q(db_, std::string("SELECT ") + kColumns + " FROM targets WHERE id = ?");
    bind_i64(q, 1, id);
    if (!q.executeStep()) throw NotFoundError("年度目标（编号 " + std::to_string(id) + "）不存在");
    AnnualTarget t = read_target(q);
    audit_delete(db_, "targets", id, t.uid, fields(t));
    Query del(db_, "DELETE FROM targets WHERE id = ?");
    bind_i64(del, 1, id);
    del.exec();
    tx.commit();
}

std::optional<AnnualTarget> TargetRepository::for_region(int year, std::int64_t region_id) {
    return one(db_, "region_id = ?", year, region_id);
}
std::optional<AnnualTarget> TargetRepository::for_zone(int year, std::int64_t zone_id) {
    return one(db_, "zone_id = ?", year, zone_id);
}

std::vector<AnnualTarget> TargetRepository::list(int year) {
    Query q(db_, std::string("SELECT ") + kColumns +
                                       " FROM targets WHERE year = ? ORDER BY region_id IS NULL, region_id, zone_id");
    q.bind(1, year);
    std::vector<AnnualTarget> out;
    while (q.executeStep()) out.push_back(read_target(q));
    return out;
}

}  // namespace il::db
