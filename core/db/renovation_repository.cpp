#include "core/db/renovation_repository.h"

#include <map>

#include "core/db/monthly_figures.h"
#include "core/db/annual_plans.h"
#include "core/db/period_lock.h"
#include "core/db/references.h"
#include "core/db/sql_util.h"
#include "core/db/write_transaction.h"
#include "core/model/period.h"
#include "core/util/clock.h"
#include "core/util/uid.h"
#include "core/validate/completeness.h"
#include "core/validate/renovation_rules.h"
#include "core/db/row_reader.h"

namespace il::db {
namespace {

constexpr const char* kColumns =
    "id, uid, enterprise, name, filing_number, region_id, zone_id, industry_id, kind, stage, total_investment, "
    "equipment_investment, in_statistics, planned_start, planned_completion, actual_start, actual_completion, "
    "expected_output, expected_tax, notes, version";

Renovation read_row(Query& q) {
    Renovation r;
    db::read_row(q, r.id, r.uid, r.enterprise, r.name, r.filing_number, r.region_id, r.zone_id, r.industry_id, r.kind,
                    r.stage, r.total_investment, r.equipment_investment, r.in_statistics, r.planned_start,
                    r.planned_completion, r.actual_start, r.actual_completion, r.expected_output, r.expected_tax,
                    r.notes, r.version);
    return r;
}

void bind_editable(Query& q, const Renovation& r) {
    q.bind(1, r.enterprise);
    q.bind(2, r.name);
    bind_opt(q, 3, r.filing_number);
    bind_i64(q, 4, r.region_id);
    bind_opt(q, 5, r.zone_id);
    bind_opt(q, 6, r.industry_id);
    q.bind(7, r.kind);
    q.bind(8, r.stage);
    bind_money(q, 9, r.total_investment);
    bind_money(q, 10, r.equipment_investment);
    q.bind(11, r.in_statistics ? 1 : 0);
    bind_opt(q, 12, r.planned_start);
    bind_opt(q, 13, r.planned_completion);
    bind_opt(q, 14, r.actual_start);
    bind_opt(q, 15, r.actual_completion);
    bind_money(q, 16, r.expected_output);
    bind_money(q, 17, r.expected_tax);
    q.bind(18, r.notes);
}

std::string label(const Renovation& r) {
    if (!r.name.empty()) return "技改项目「" + r.name + "」";
    if (r.id) return "技改项目（编号 " + std::to_string(r.id) + "）";
    return "技改项目";
}

void normalize(Renovation& r) {
    auto trim_null = [](std::optional<std::string>& s) {
        if (s && validate::is_blank(*s)) s.reset();
    };
    trim_null(r.filing_number);
    trim_null(r.planned_start);
    trim_null(r.planned_completion);
    trim_null(r.actual_start);
    trim_null(r.actual_completion);
}

void validate_or_throw(Database& db, const Renovation& r, const validate::References& refs) {
    auto issues = validate::validate_renovation(r, &refs);
    if (r.filing_number) {
        auto q_stmt = db.prepared("SELECT id, name FROM renovations WHERE filing_number = ? AND id <> ?");
        Query& q = *q_stmt;
        q.bind(1, *r.filing_number);
        bind_i64(q, 2, r.id);
        if (q.executeStep())
            issues.push_back({"filing_number", "备案号 " + *r.filing_number + " 已被技改项目「" +
                                                   q.getColumn(1).getString() + "」（编号 " +
                                                   std::to_string(q.getColumn(0).getInt64()) + "）使用"});
    }
    check_total_covers_reported(db, "renovation_progress", "renovation_id", r.id, r.total_investment, issues);
    if (!issues.empty()) throw RecordInvalid(label(r), std::move(issues));
}

}  // namespace

FieldValues RenovationRepository::fields(const Renovation& r) {
    FieldValues v = {
        {"enterprise", r.enterprise},
        {"name", r.name},
        {"filing_number", opt_text(r.filing_number)},
        {"region_id", std::to_string(r.region_id)},
        {"zone_id", opt_id_text(r.zone_id)},
        {"industry_id", opt_id_text(r.industry_id)},
        {"kind", r.kind},
        {"stage", r.stage},
        {"total_investment", exact_wan_text(r.total_investment)},
        {"equipment_investment", exact_wan_text(r.equipment_investment)},
        {"in_statistics", r.in_statistics ? "1" : "0"},
        {"planned_start", opt_text(r.planned_start)},
        {"planned_completion", opt_text(r.planned_completion)},
        {"actual_start", opt_text(r.actual_start)},
        {"actual_completion", opt_text(r.actual_completion)},
        {"expected_output", exact_wan_text(r.expected_output)},
        {"expected_tax", exact_wan_text(r.expected_tax)},
        {"notes", r.notes},
    };
    for (const auto& [year, plan] : r.annual_plans)
        v.emplace_back("annual_plans." + std::to_string(year), exact_wan_text(plan));
    return v;
}

std::int64_t RenovationRepository::insert(Renovation& renovation) {
    Renovation r = renovation;
    r.id = 0;
    normalize(r);
    WriteTransaction tx(db_);
    validate_or_throw(db_, r, refs_.get());
    if (r.uid.empty()) r.uid = new_uid();
    std::string now = now_iso();
    auto q_stmt = db_.prepared("INSERT INTO renovations(enterprise, name, filing_number, region_id, zone_id, industry_id, kind, "
                               "stage, total_investment, equipment_investment, in_statistics, planned_start, "
                               "planned_completion, actual_start, actual_completion, expected_output, expected_tax, notes, "
                               "uid, created_at, updated_at, version, warnings) "
                               "VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?20,1,?21)");
    Query& q = *q_stmt;
    bind_editable(q, r);
    q.bind(19, r.uid);
    q.bind(20, now);
    q.bind(21, validate::warnings_text(validate::missing_information(r)));
    q.exec();
    r.id = db_.last_insert_id();
    r.version = 1;
    save_annual_plans(db_, {"renovation_plans", "renovation_id"}, r.id, r.annual_plans, true);
    audit_insert(db_, "renovations", r.id, r.uid, fields(r));
    tx.commit();
    renovation = std::move(r);
    return renovation.id;
}

void RenovationRepository::update(Renovation& renovation, const std::string& reason) {
    Renovation r = renovation;
    normalize(r);
    WriteTransaction tx(db_);
    auto before = get(r.id);
    if (!before) throw NotFoundError(label(r) + "不存在（编号 " + std::to_string(r.id) + "）");
    if (before->version != r.version)
        throw StaleRecord(label(*before) + "已被他人修改（您的版本 " + std::to_string(r.version) + "，当前版本 " +
                          std::to_string(before->version) + "），请重新打开后再修改");
    validate_or_throw(db_, r, refs_.get());
    FieldValues after = fields(r);
    auto changes = diff_fields(fields(*before), after);
    std::map<std::string, std::string> after_map(after.begin(), after.end());
    for (const auto& [f, v] : fields(*before))
        if (!after_map.count(f) && !v.empty()) changes.push_back({f, v, ""});
    r.uid = before->uid;
    if (!changes.empty()) {
        auto q_stmt = db_.prepared("UPDATE renovations SET enterprise=?1, name=?2, filing_number=?3, region_id=?4, zone_id=?5, "
                                   "industry_id=?6, kind=?7, stage=?8, total_investment=?9, equipment_investment=?10, "
                                   "in_statistics=?11, planned_start=?12, planned_completion=?13, actual_start=?14, "
                                   "actual_completion=?15, expected_output=?16, expected_tax=?17, notes=?18, updated_at=?19, "
                                   "version = version + 1, warnings = ?22 WHERE id = ?20 AND version = ?21");
        Query& q = *q_stmt;
        bind_editable(q, r);
        q.bind(19, now_iso());
        bind_i64(q, 20, r.id);
        bind_i64(q, 21, r.version);
        q.bind(22, validate::warnings_text(validate::missing_information(r)));
        if (q.exec() != 1) throw StaleRecord(label(r) + "已被他人修改，请重新打开后再修改");
        save_annual_plans(db_, {"renovation_plans", "renovation_id"}, r.id, r.annual_plans, false);
        audit_update(db_, "renovations", r.id, r.uid, changes, reason);
        r.version += 1;
    }
    tx.commit();
    renovation = std::move(r);
}

void RenovationRepository::remove(std::int64_t id) {
    WriteTransaction tx(db_);
    auto before = get(id);
    if (!before) throw NotFoundError("技改项目（编号 " + std::to_string(id) + "）不存在");
    ensure_no_locked_figures(db_, "renovation_progress", "renovation_id", id, "技改项目「" + before->name + "」");
    audit_delete(db_, "renovations", id, before->uid, fields(*before));
    auto q_stmt = db_.prepared("DELETE FROM renovations WHERE id = ?");
    Query& q = *q_stmt;
    bind_i64(q, 1, id);
    q.exec();
    tx.commit();
}

std::optional<Renovation> RenovationRepository::get(std::int64_t id) {
    auto q_stmt = db_.prepared(std::string("SELECT ") + kColumns + " FROM renovations WHERE id = ?");
    Query& q = *q_stmt;
    bind_i64(q, 1, id);
    if (!q.executeStep()) return std::nullopt;
    Renovation r = read_row(q);
    auto plans_stmt = db_.prepared("SELECT year, planned_investment FROM renovation_plans WHERE renovation_id = ? ORDER BY year");
    Query& plans = *plans_stmt;
    bind_i64(plans, 1, id);
    while (plans.executeStep()) r.annual_plans[plans.getColumn(0).getInt()] = col_money(plans.getColumn(1));
    return r;
}

std::optional<Renovation> RenovationRepository::find_by_filing_number(const std::string& filing_number) {
    auto q_stmt = db_.prepared("SELECT id FROM renovations WHERE filing_number = ?");
    Query& q = *q_stmt;
    q.bind(1, filing_number);
    if (!q.executeStep()) return std::nullopt;
    return get(q.getColumn(0).getInt64());
}

std::vector<RenovationRow> RenovationRepository::list(const RenovationFilter& f) {
    std::string sql =
        "SELECT v.id, v.uid, v.enterprise, v.name, coalesce(v.filing_number,''), coalesce(r.name,''), "
        "coalesce(z.name,''), v.kind, v.stage, v.total_investment, v.equipment_investment, v.in_statistics, "
        "v.region_id, coalesce(v.zone_id, 0) "
        "FROM renovations v LEFT JOIN regions r ON r.id = v.region_id LEFT JOIN zones z ON z.id = v.zone_id WHERE 1 = 1";
    if (f.region_id) sql += " AND v.region_id = :region";
    if (f.zone_id) sql += " AND v.zone_id = :zone";
    if (f.stage) sql += " AND v.stage = :stage";
    if (f.kind) sql += " AND v.kind = :kind";
    if (!f.search.empty())
        sql += " AND (instr(v.name, :search) > 0 OR instr(v.enterprise, :search) > 0 OR "
               "instr(coalesce(v.filing_number,''), :search) > 0)";
    sql += " ORDER BY v.id";
    if (f.limit) sql += " LIMIT " + std::to_string(*f.limit);
    Query q(db_, sql);
    if (f.region_id) q.bind(q.parameter_index(":region"), *f.region_id);
    if (f.zone_id) q.bind(q.parameter_index(":zone"), *f.zone_id);
    if (f.stage) q.bind(q.parameter_index(":stage"), *f.stage);
    if (f.kind) q.bind(q.parameter_index(":kind"), *f.kind);
    if (!f.search.empty()) q.bind(q.parameter_index(":search"), f.search);
    std::vector<RenovationRow> out;
    while (q.executeStep()) {
        RenovationRow r;
        r.id = q.getColumn(0).getInt64();
        r.uid = q.getColumn(1).getString();
        r.enterprise = q.getColumn(2).getString();
        r.name = q.getColumn(3).getString();
        r.filing_number = q.getColumn(4).getString();
        r.region = q.getColumn(5).getString();
        r.zone = q.getColumn(6).getString();
        r.kind = q.getColumn(7).getString();
        r.stage = q.getColumn(8).getString();
        r.total_investment = Money{q.getColumn(9).getInt64()};
        r.equipment_investment = Money{q.getColumn(10).getInt64()};
        r.in_statistics = q.getColumn(11).getInt64() != 0;
        r.region_id = q.getColumn(12).getInt64();
        r.zone_id = q.getColumn(13).getInt64();
        out.push_back(std::move(r));
    }
    return out;
}

std::int64_t RenovationRepository::count() {
    return scalar_int(db_, "SELECT count(*) FROM renovations");
}

void RenovationRepository::set_progress(const RenovationProgress& entry, bool entered_as_ytd) {
    WriteTransaction tx(db_);
    auto pq_stmt = db_.prepared("SELECT name, total_investment FROM renovations WHERE id = ?");
    Query& pq = *pq_stmt;
    bind_i64(pq, 1, entry.renovation_id);
    if (!pq.executeStep()) throw NotFoundError("技改项目（编号 " + std::to_string(entry.renovation_id) + "）不存在");
    const Money total = col_money(pq.getColumn(1));
    MonthlyWrite w;
    w.table = "renovation_progress";
    w.key_column = "renovation_id";
    w.key = entry.renovation_id;
    w.year = entry.year;
    w.month = entry.month;
    w.month_figure = entry.completed_month;
    w.ytd = entry.completed_ytd;
    w.entered_as_ytd = entered_as_ytd;
    w.record = "技改项目「" + pq.getColumn(0).getString() + "」" + Period{entry.year, entry.month}.key() + " 月度完成";
    w.validate = [&](Money month_figure, Money ytd) {
        RenovationProgress e = entry;
        e.completed_month = month_figure;
        e.completed_ytd = ytd;
        return validate::validate_renovation_progress(e, total);
    };
    write_monthly_figure(db_, w);
    tx.commit();
}

std::vector<RenovationProgress> RenovationRepository::progress(std::int64_t renovation_id, int year) {
    auto q_stmt = db_.prepared("SELECT month, completed_month, completed_ytd FROM renovation_progress "
                               "WHERE renovation_id = ? AND year = ? ORDER BY month");
    Query& q = *q_stmt;
    bind_i64(q, 1, renovation_id);
    q.bind(2, year);
    std::vector<RenovationProgress> out;
    while (q.executeStep())
        out.push_back({renovation_id, year, q.getColumn(0).getInt(), col_money(q.getColumn(1)), col_money(q.getColumn(2))});
    return out;
}

}  // namespace il::db

namespace il::db {
void RenovationRepository::for_each(const std::function<void(const Renovation&)>& fn) {
    std::map<std::int64_t, std::map<int, Money>> plans;
    {
        auto q_stmt = db_.prepared("SELECT renovation_id, year, planned_investment FROM renovation_plans");
        Query& q = *q_stmt;
        while (q.executeStep()) plans[q.getColumn(0).getInt64()][q.getColumn(1).getInt()] = col_money(q.getColumn(2));
    }
    auto q_stmt = db_.prepared(std::string("SELECT ") + kColumns + " FROM renovations ORDER BY id");
    Query& q = *q_stmt;
    while (q.executeStep()) {
        Renovation r = read_row(q);
        if (auto it = plans.find(r.id); it != plans.end()) r.annual_plans = std::move(it->second);
        fn(r);
    }
}
}  // namespace il::db
