#include "core/db/project_repository.h"

#include <functional>
#include <map>

#include "core/db/annual_plans.h"
#include "core/db/monthly_figures.h"
#include "core/db/period_lock.h"
#include "core/db/references.h"
#include "core/db/row_reader.h"
#include "core/db/sql_util.h"
#include "core/db/write_transaction.h"
#include "core/util/clock.h"
#include "core/util/uid.h"
#include "core/validate/completeness.h"
#include "core/validate/field_issue.h"
#include "core/validate/project_code.h"
#include "core/validate/project_rules.h"

namespace il::db {
namespace {

constexpr const char* kColumns =
    "id, uid, code, name, owner, region_id, zone_id, site, industry_id, category_id, nature, level, stage, "
    "total_investment, planned_start, planned_completion, actual_start, actual_completion, content, leader_name, "
    "leader_title, responsible_unit, contact_person, contact_phone, is_jingjin, is_foreign, notes, created_at, "
    "updated_at, version";

Project read_project(Query& q) {
    Project p;
    p.id = q.getColumn(0).getInt64();
    p.uid = q.getColumn(1).getString();
    p.code = col_opt_text(q.getColumn(2));
    p.name = q.getColumn(3).getString();
    p.owner = q.getColumn(4).getString();
    p.region_id = q.getColumn(5).getInt64();
    p.zone_id = col_opt_i64(q.getColumn(6));
    p.site = q.getColumn(7).getString();
    p.industry_id = col_opt_i64(q.getColumn(8));
    p.category_id = col_opt_i64(q.getColumn(9));
    p.nature = q.getColumn(10).getString();
    p.level = q.getColumn(11).getString();
    p.stage = q.getColumn(12).getString();
    p.total_investment = col_money(q.getColumn(13));
    p.planned_start = col_opt_text(q.getColumn(14));
    p.planned_completion = col_opt_text(q.getColumn(15));
    p.actual_start = col_opt_text(q.getColumn(16));
    p.actual_completion = col_opt_text(q.getColumn(17));
    p.content = q.getColumn(18).getString();
    p.leader_name = q.getColumn(19).getString();
    p.leader_title = q.getColumn(20).getString();
    p.responsible_unit = q.getColumn(21).getString();
    p.contact_person = q.getColumn(22).getString();
    p.contact_phone = q.getColumn(23).getString();
    p.is_jingjin = q.getColumn(24).getInt() != 0;
    p.is_foreign = q.getColumn(25).getInt() != 0;
    p.notes = q.getColumn(26).getString();
    p.created_at = q.getColumn(27).getString();
    p.updated_at = q.getColumn(28).getString();
    p.version = q.getColumn(29).getInt64();
    return p;
}

// Binds the editable columns as ?1..?25 in the order of kColumns after id and uid.
void bind_editable(Query& q, const Project& p) {
    bind_opt(q, 1, p.code);
    q.bind(2, p.name);
    q.bind(3, p.owner);
    bind_i64(q, 4, p.region_id);
    bind_opt(q, 5, p.zone_id);
    q.bind(6, p.site);
    bind_opt(q, 7, p.industry_id);
    bind_opt(q, 8, p.category_id);
    q.bind(9, p.nature);
    q.bind(10, p.level);
    q.bind(11, p.stage);
    bind_money(q, 12, p.total_investment);
    bind_opt(q, 13, p.planned_start);
    bind_opt(q, 14, p.planned_completion);
    bind_opt(q, 15, p.actual_start);
    bind_opt(q, 16, p.actual_completion);
    q.bind(17, p.content);
    q.bind(18, p.leader_name);
    q.bind(19, p.leader_title);
    q.bind(20, p.responsible_unit);
    q.bind(21, p.contact_person);
    q.bind(22, p.contact_phone);
    q.bind(23, p.is_jingjin ? 1 : 0);
    q.bind(24, p.is_foreign ? 1 : 0);
    q.bind(25, p.notes);
}

std::string label(const Project& p) {
    if (!p.name.empty()) return "项目「" + p.name + "」";
    if (p.id) return "项目（编号 " + std::to_string(p.id) + "）";
    return "项目";
}

void normalize(Project& p) {
    if (p.code) {
        std::string c = validate::normalize_project_code(*p.code);
        if (c.empty()) p.code.reset(); else p.code = c;
    }
    auto blank_to_null = [](std::optional<std::string>& s) {
        if (s && validate::is_blank(*s)) s.reset();
    };
    blank_to_null(p.planned_start);
    blank_to_null(p.planned_completion);
    blank_to_null(p.actual_start);
    blank_to_null(p.actual_completion);
    for (auto& a : p.approvals) blank_to_null(a.doc_date);
}

void validate_or_throw(Database& db, const Project& p, const validate::References& refs) {
    auto issues = validate::validate_project(p, &refs);
    if (p.code) {
        auto q_stmt = db.prepared("SELECT id, name FROM projects WHERE code = ? AND id <> ?");
        Query& q = *q_stmt;
        q.bind(1, *p.code);
        bind_i64(q, 2, p.id);
        if (q.executeStep())
            issues.push_back({"code", "项目代码 " + *p.code + " 已被项目「" + q.getColumn(1).getString() + "」（编号 " +
                                          std::to_string(q.getColumn(0).getInt64()) + "）使用"});
    }
    check_total_covers_reported(db, "progress", "project_id", p.id, p.total_investment, issues);
    if (!issues.empty()) throw RecordInvalid(label(p), std::move(issues));
}

void save_children(Database& db, const Project& p, bool is_new) {
    save_annual_plans(db, {"project_plans", "project_id"}, p.id, p.annual_plans, is_new);
    {
        if (!is_new) {  // a new record has no children to remove
            auto del_stmt = db.prepared("DELETE FROM approvals WHERE project_id = ? AND kind NOT IN " +
                                        json_array_values(db, false));
            Query& del = *del_stmt;
            std::string kinds = "[";
            for (const auto& a : p.approvals) kinds += (kinds.size() > 1 ? ",\"" : "\"") + a.kind + "\"";
            kinds += "]";
            bind_i64(del, 1, p.id);
            del.bind(2, kinds);
            del.exec();
        }
        auto up_stmt = db.prepared("INSERT INTO approvals(project_id, kind, status, doc_number, doc_date, uid) "
                                   "VALUES(?,?,?,?,?,?) ON CONFLICT(project_id, kind) DO UPDATE SET "
                                   "status = excluded.status, doc_number = excluded.doc_number, "
                                   "doc_date = excluded.doc_date");
        Query& up = *up_stmt;
        for (const auto& a : p.approvals) {
            up.reset();
            bind_i64(up, 1, p.id);
            up.bind(2, a.kind);
            up.bind(3, a.status);
            up.bind(4, a.doc_number);
            bind_opt(up, 5, a.doc_date);
            up.bind(6, new_uid());
            up.exec();
        }
    }
}

void load_children(Database& db, Project& p) {
    auto plans_stmt = db.prepared("SELECT year, planned_investment FROM project_plans WHERE project_id = ? ORDER BY year");
    Query& plans = *plans_stmt;
    bind_i64(plans, 1, p.id);
    while (plans.executeStep()) p.annual_plans[plans.getColumn(0).getInt()] = col_money(plans.getColumn(1));
    auto ap_stmt = db.prepared("SELECT kind, status, doc_number, doc_date FROM approvals WHERE project_id = ?");
    Query& ap = *ap_stmt;
    bind_i64(ap, 1, p.id);
    std::map<std::string, Approval> by_kind;
    while (ap.executeStep()) {
        Approval a;
        a.kind = ap.getColumn(0).getString();
        a.status = ap.getColumn(1).getString();
        a.doc_number = ap.getColumn(2).getString();
        a.doc_date = col_opt_text(ap.getColumn(3));
        by_kind[a.kind] = std::move(a);
    }
    for (const char* k : kApprovalKinds) {  // the fixed order of the forms
        auto it = by_kind.find(k);
        if (it != by_kind.end()) p.approvals.push_back(std::move(it->second));
    }
}

std::optional<Project> get_where(Database& db, const std::string& where, const std::function<void(Query&)>& bind) {
    auto q_stmt = db.prepared(std::string("SELECT ") + kColumns + " FROM projects WHERE " + where + " LIMIT 1");
    Query& q = *q_stmt;
    bind(q);
    if (!q.executeStep()) return std::nullopt;
    Project p = read_project(q);
    load_children(db, p);
    return p;
}

std::string period_key(int year, int month) { return Period{year, month}.key(); }

}  // namespace

FieldValues ProjectRepository::fields(const Project& p) {
    FieldValues v = {
        {"code", opt_text(p.code)},
        {"name", p.name},
        {"owner", p.owner},
        {"region_id", std::to_string(p.region_id)},
        {"zone_id", opt_id_text(p.zone_id)},
        {"site", p.site},
        {"industry_id", opt_id_text(p.industry_id)},
        {"category_id", opt_id_text(p.category_id)},
        {"nature", p.nature},
        {"level", p.level},
        {"stage", p.stage},
        {"total_investment", exact_wan_text(p.total_investment)},
        {"planned_start", opt_text(p.planned_start)},
        {"planned_completion", opt_text(p.planned_completion)},
        {"actual_start", opt_text(p.actual_start)},
        {"actual_completion", opt_text(p.actual_completion)},
        {"content", p.content},
        {"leader_name", p.leader_name},
        {"leader_title", p.leader_title},
        {"responsible_unit", p.responsible_unit},
        {"contact_person", p.contact_person},
        {"contact_phone", p.contact_phone},
        {"is_jingjin", p.is_jingjin ? "1" : "0"},
        {"is_foreign", p.is_foreign ? "1" : "0"},
        {"notes", p.notes},
    };
    for (const auto& [year, plan] : p.annual_plans)
        v.emplace_back("annual_plans." + std::to_string(year), exact_wan_text(plan));
    for (const auto& a : p.approvals) {
        v.emplace_back("approvals." + a.kind + ".status", a.status);
        v.emplace_back("approvals." + a.kind + ".doc_number", a.doc_number);
        v.emplace_back("approvals." + a.kind + ".doc_date", opt_text(a.doc_date));
    }
    return v;
}

std::int64_t ProjectRepository::insert(Project& project) {
    Project p = project;
    p.id = 0;
    normalize(p);
    WriteTransaction tx(db_);
    validate_or_throw(db_, p, refs_.get());
    if (p.uid.empty()) p.uid = new_uid();
    p.created_at = p.updated_at = now_iso();
    p.version = 1;
    auto q_stmt = db_.prepared("INSERT INTO projects(code, name, owner, region_id, zone_id, site, industry_id, category_id, "
                               "nature, level, stage, total_investment, planned_start, planned_completion, actual_start, "
                               "actual_completion, content, leader_name, leader_title, responsible_unit, contact_person, "
                               "contact_phone, is_jingjin, is_foreign, notes, uid, created_at, updated_at, version, warnings) "
                               "VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?22,?23,"
                               "?24,?25,?26,?27,?28,1,?29)");
    Query& q = *q_stmt;
    bind_editable(q, p);
    q.bind(26, p.uid);
    q.bind(27, p.created_at);
    q.bind(28, p.updated_at);
    q.bind(29, validate::warnings_text(validate::missing_information(p)));
    q.exec();
    p.id = db_.last_insert_id();
    save_children(db_, p, true);
    audit_insert(db_, "projects", p.id, p.uid, fields(p));
    tx.commit();
    project = std::move(p);
    return project.id;
}

void ProjectRepository::update(Project& project, const std::string& reason) {
    Project p = project;
    normalize(p);
    WriteTransaction tx(db_);
    auto before = get(p.id);
    if (!before) throw NotFoundError(label(p) + "不存在（编号 " + std::to_string(p.id) + "）");
    if (before->version != p.version)
        throw StaleRecord(label(*before) + "已被他人修改（您的版本 " + std::to_string(p.version) + "，当前版本 " +
                          std::to_string(before->version) + "），请重新打开后再修改");
    validate_or_throw(db_, p, refs_.get());
    auto changes = diff_fields(fields(*before), fields(p));
    // Fields that disappeared (a removed plan year or approval) count as changes to empty.
    {
        FieldValues after = fields(p);
        std::map<std::string, std::string> after_map(after.begin(), after.end());
        for (const auto& [f, v] : fields(*before))
            if (!after_map.count(f) && !v.empty()) changes.push_back({f, v, ""});
    }
    p.uid = before->uid;
    p.created_at = before->created_at;
    if (changes.empty()) {
        tx.commit();
        project = std::move(p);
        return;
    }
    p.updated_at = now_iso();
    auto q_stmt = db_.prepared("UPDATE projects SET code=?1, name=?2, owner=?3, region_id=?4, zone_id=?5, site=?6, "
                               "industry_id=?7, category_id=?8, nature=?9, level=?10, stage=?11, total_investment=?12, "
                               "planned_start=?13, planned_completion=?14, actual_start=?15, actual_completion=?16, "
                               "content=?17, leader_name=?18, leader_title=?19, responsible_unit=?20, contact_person=?21, "
                               "contact_phone=?22, is_jingjin=?23, is_foreign=?24, notes=?25, updated_at=?26, "
                               "version = version + 1, warnings = ?29 WHERE id = ?27 AND version = ?28");
    Query& q = *q_stmt;
    bind_editable(q, p);
    q.bind(26, p.updated_at);
    bind_i64(q, 27, p.id);
    bind_i64(q, 28, p.version);
    q.bind(29, validate::warnings_text(validate::missing_information(p)));
    if (q.exec() != 1) throw StaleRecord(label(p) + "已被他人修改，请重新打开后再修改");
    save_children(db_, p, false);
    audit_update(db_, "projects", p.id, p.uid, changes, reason);
    tx.commit();
    p.version += 1;
    project = std::move(p);
}

void ProjectRepository::remove(std::int64_t id) {
    WriteTransaction tx(db_);
    auto before = get(id);
    if (!before) throw NotFoundError("项目（编号 " + std::to_string(id) + "）不存在");
    ensure_no_locked_figures(db_, "progress", "project_id", id, label(*before));
    audit_delete(db_, "projects", id, before->uid, fields(*before));
    auto q_stmt = db_.prepared("DELETE FROM projects WHERE id = ?");
    Query& q = *q_stmt;
    bind_i64(q, 1, id);
    q.exec();
    tx.commit();
}

std::optional<Project> ProjectRepository::get(std::int64_t id) {
    return get_where(db_, "id = ?", [&](Query& q) { bind_i64(q, 1, id); });
}

std::optional<Project> ProjectRepository::find_by_code(const std::string& code) {
    std::string c = validate::normalize_project_code(code);
    return get_where(db_, "code = ?", [&](Query& q) { q.bind(1, c); });
}

std::optional<Project> ProjectRepository::find_by_name(const std::string& name, std::int64_t region_id) {
    return get_where(db_, "name = ? AND region_id = ? ORDER BY id", [&](Query& q) {
        q.bind(1, name);
        bind_i64(q, 2, region_id);
    });
}

std::vector<ProjectRow> ProjectRepository::list(const ProjectFilter& f) {
    std::string sql =
        "SELECT p.id, p.uid, coalesce(p.code,''), p.name, p.owner, coalesce(r.name,''), coalesce(z.name,''), "
        "coalesce(c.name,''), p.stage, p.level, p.nature, p.total_investment, p.region_id, coalesce(p.zone_id, 0), "
        "coalesce(p.category_id, 0) FROM projects p "
        "LEFT JOIN regions r ON r.id = p.region_id LEFT JOIN zones z ON z.id = p.zone_id "
        "LEFT JOIN categories c ON c.id = p.category_id WHERE 1 = 1";
    if (f.region_id) sql += " AND p.region_id = :region";
    if (f.zone_id) sql += " AND p.zone_id = :zone";
    if (f.category_id) sql += " AND p.category_id = :category";
    if (f.stage) sql += " AND p.stage = :stage";
    if (f.level) sql += " AND p.level = :level";
    if (!f.search.empty())
        sql += " AND (instr(p.name, :search) > 0 OR instr(p.owner, :search) > 0 OR instr(coalesce(p.code,''), :search) > 0)";
    sql += " ORDER BY p.id";
    if (f.limit) sql += " LIMIT " + std::to_string(*f.limit);
    Query q(db_, sql);
    if (f.region_id) q.bind(q.parameter_index(":region"), *f.region_id);
    if (f.zone_id) q.bind(q.parameter_index(":zone"), *f.zone_id);
    if (f.category_id) q.bind(q.parameter_index(":category"), *f.category_id);
    if (f.stage) q.bind(q.parameter_index(":stage"), *f.stage);
    if (f.level) q.bind(q.parameter_index(":level"), *f.level);
    if (!f.search.empty()) q.bind(q.parameter_index(":search"), f.search);
    std::vector<ProjectRow> out;
    while (q.executeStep()) {
        ProjectRow r;
        r.id = q.getColumn(0).getInt64();
        r.uid = q.getColumn(1).getString();
        r.code = q.getColumn(2).getString();
        r.name = q.getColumn(3).getString();
        r.owner = q.getColumn(4).getString();
        r.region = q.getColumn(5).getString();
        r.zone = q.getColumn(6).getString();
        r.category = q.getColumn(7).getString();
        r.stage = q.getColumn(8).getString();
        r.level = q.getColumn(9).getString();
        r.nature = q.getColumn(10).getString();
        r.total_investment = Money{q.getColumn(11).getInt64()};
        r.region_id = q.getColumn(12).getInt64();
        r.zone_id = q.getColumn(13).getInt64();
        r.category_id = q.getColumn(14).getInt64();
        out.push_back(std::move(r));
    }
    return out;
}

void ProjectRepository::for_each(const std::function<void(const Project&)>& fn) {
    std::map<std::int64_t, std::map<int, Money>> plans;
    {
        auto q_stmt = db_.prepared("SELECT project_id, year, planned_investment FROM project_plans");
        Query& q = *q_stmt;
        while (q.executeStep()) plans[q.getColumn(0).getInt64()][q.getColumn(1).getInt()] = col_money(q.getColumn(2));
    }
    std::map<std::int64_t, std::map<std::string, Approval>> approvals;
    {
        auto q_stmt = db_.prepared("SELECT project_id, kind, status, doc_number, doc_date FROM approvals");
        Query& q = *q_stmt;
        while (q.executeStep())
            approvals[q.getColumn(0).getInt64()][q.getColumn(1).getString()] =
                Approval{q.getColumn(1).getString(), q.getColumn(2).getString(), q.getColumn(3).getString(),
                         col_opt_text(q.getColumn(4))};
    }
    auto q_stmt = db_.prepared(std::string("SELECT ") + kColumns + " FROM projects ORDER BY id");
    Query& q = *q_stmt;
    while (q.executeStep()) {
        Project p = read_project(q);
        if (auto it = plans.find(p.id); it != plans.end()) p.annual_plans = std::move(it->second);
        if (auto it = approvals.find(p.id); it != approvals.end())
            for (const char* k : kApprovalKinds)
                if (auto a = it->second.find(k); a != it->second.end()) p.approvals.push_back(a->second);
        fn(p);
    }
}

std::int64_t ProjectRepository::count() { return scalar_int(db_, "SELECT count(*) FROM projects"); }

void ProjectRepository::set_progress(const ProgressEntry& entry, bool entered_as_ytd) {
    WriteTransaction tx(db_);
    auto pq_stmt = db_.prepared("SELECT name, total_investment FROM projects WHERE id = ?");
    Query& pq = *pq_stmt;
    bind_i64(pq, 1, entry.project_id);
    if (!pq.executeStep()) throw NotFoundError("项目（编号 " + std::to_string(entry.project_id) + "）不存在");
    const Money total = col_money(pq.getColumn(1));
    MonthlyWrite w;
    w.table = "progress";
    w.key_column = "project_id";
    w.key = entry.project_id;
    w.year = entry.year;
    w.month = entry.month;
    w.month_figure = entry.completed_month;
    w.ytd = entry.completed_ytd;
    w.entered_as_ytd = entered_as_ytd;
    w.text_columns = {{"image_progress", entry.image_progress}, {"problems", entry.problems}};
    w.record = "项目「" + pq.getColumn(0).getString() + "」" + period_key(entry.year, entry.month) + " 月度调度";
    w.validate = [&](Money month_figure, Money ytd) {
        ProgressEntry e = entry;
        e.completed_month = month_figure;
        e.completed_ytd = ytd;
        return validate::validate_progress(e, total);
    };
    write_monthly_figure(db_, w);
    tx.commit();
}

std::vector<ProgressEntry> ProjectRepository::progress_history(std::int64_t project_id) {
    auto q_stmt = db_.prepared("SELECT year, month, completed_month, completed_ytd, image_progress, problems "
                               "FROM progress WHERE project_id = ? ORDER BY year, month");
    Query& q = *q_stmt;
    bind_i64(q, 1, project_id);
    std::vector<ProgressEntry> out;
    while (q.executeStep()) {
        ProgressEntry e;
        e.project_id = project_id;
        read_row(q, e.year, e.month, e.completed_month, e.completed_ytd, e.image_progress, e.problems);
        out.push_back(std::move(e));
    }
    return out;
}

std::vector<ProgressEntry> ProjectRepository::progress(std::int64_t project_id, int year) {
    auto q_stmt = db_.prepared("SELECT month, completed_month, completed_ytd, image_progress, problems FROM progress "
                               "WHERE project_id = ? AND year = ? ORDER BY month");
    Query& q = *q_stmt;
    bind_i64(q, 1, project_id);
    q.bind(2, year);
    std::vector<ProgressEntry> out;
    while (q.executeStep()) {
        ProgressEntry e;
        e.project_id = project_id;
        e.year = year;
        e.month = q.getColumn(0).getInt();
        e.completed_month = col_money(q.getColumn(1));
        e.completed_ytd = col_money(q.getColumn(2));
        e.image_progress = q.getColumn(3).getString();
        e.problems = q.getColumn(4).getString();
        out.push_back(std::move(e));
    }
    return out;
}

std::optional<ProgressEntry> ProjectRepository::progress_at(std::int64_t project_id, int year, int month) {
    for (auto& e : progress(project_id, year))
        if (e.month == month) return e;
    return std::nullopt;
}

}  // namespace il::db
