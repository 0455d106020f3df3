#include "core/db/ledger_check.h"

#include "core/db/deal_repository.h"
#include "core/db/project_repository.h"
#include "core/db/references.h"
#include "core/db/renovation_repository.h"
#include "core/db/sql_util.h"
#include "core/db/target_repository.h"
#include "core/model/period.h"
#include "core/validate/completeness.h"
#include "core/validate/deal_rules.h"
#include "core/validate/project_code.h"
#include "core/validate/project_rules.h"
#include "core/validate/renovation_rules.h"
#include "core/validate/target_rules.h"
#include "core/db/row_reader.h"

namespace il::db {
namespace {

std::string named(const char* kind, const std::string& name, std::int64_t id) {
    return std::string(kind) + "「" + name + "」（编号 " + std::to_string(id) + "）";
}

void add_issues(CheckSummary& s, const char* table, std::int64_t id, const std::string& record,
                const std::vector<FieldIssue>& issues) {
    for (const auto& i : issues) s.findings.push_back({table, id, record, i.field, i.reason});
}

void add_missing(CheckSummary& s, const char* table, std::int64_t id, const std::string& record,
                  const std::vector<FieldIssue>& issues) {
    for (const auto& i : issues) s.missing.push_back({table, id, record, i.field, i.reason, true});
}

// Year-to-date per key and year: never decreasing; month = ytd - previous ytd; ytd <= total.
void check_monthly(Database& db, CheckSummary& s, const std::string& table, const std::string& key_column,
                   const std::string& parent_table, const char* kind) {
    Query q(db, "SELECT m." + key_column + ", m.year, m.month, m.completed_month, m.completed_ytd, "
                         "p.name, p.total_investment FROM " + table + " m JOIN " + parent_table +
                         " p ON p.id = m." + key_column + " ORDER BY m." + key_column + ", m.year, m.month");
    std::int64_t last_key = -1;
    int last_year = 0, last_month = 0;
    Money prev_ytd;
    while (q.executeStep()) {
        std::int64_t key = q.getColumn(0).getInt64();
        int year = static_cast<int>(q.getColumn(1).getInt64()), month = static_cast<int>(q.getColumn(2).getInt64());
        Money month_fig{q.getColumn(3).getInt64()}, ytd{q.getColumn(4).getInt64()}, total{q.getColumn(6).getInt64()};
        if (table == "progress") ++s.progress_rows;
        if (key != last_key || year != last_year) prev_ytd = Money{};
        std::string record = named(kind, q.getColumn(5).getString(), key) + " " + Period{year, month}.key();
        if (ytd < prev_ytd)
            s.findings.push_back({table, key, record, "completed_ytd",
                                  "1-" + std::to_string(month) + "月累计（" + format_wan(ytd) + "万元）少于 " +
                                      Period{last_year, last_month}.key() + " 的累计（" + format_wan(prev_ytd) +
                                      "万元），累计数应逐月不减"});
        else if (month_fig != ytd - prev_ytd)
            s.findings.push_back({table, key, record, "completed_month",
                                  "本月完成（" + format_wan(month_fig) + "万元）不等于本月累计减上月累计（" +
                                      format_wan(ytd - prev_ytd) + "万元）"});
        if (total.fen > 0 && ytd > total)
            s.findings.push_back({table, key, record, "completed_ytd",
                                  "1-" + std::to_string(month) + "月累计（" + format_wan(ytd) + "万元）超过总投资（" +
                                      format_wan(total) + "万元）"});
        if (ytd.is_negative())
            s.findings.push_back({table, key, record, "completed_ytd", "累计完成投资不能为负数"});
        last_key = key;
        last_year = year;
        last_month = month;
        prev_ytd = ytd;
    }
}

// Completed investment in a year the project has no plan for (none, or 0): 占年度计划% cannot be
// given, and the year's completion counts against nobody's plan.
void check_unplanned_completion(Database& db, CheckSummary& s) {
    Query q(db,
            "SELECT g.project_id, p.name, g.year, MAX(g.completed_ytd) FROM progress g "
            "JOIN projects p ON p.id = g.project_id "
            "LEFT JOIN project_plans pl ON pl.project_id = g.project_id AND pl.year = g.year "
            "WHERE COALESCE(pl.planned_investment, 0) = 0 "
            "GROUP BY g.project_id, p.name, g.year HAVING MAX(g.completed_ytd) > 0 ORDER BY g.project_id, g.year");
    while (q.executeStep()) {
        const int year = static_cast<int>(q.getColumn(2).getInt64());
        s.findings.push_back({"project_plans", q.getColumn(0).getInt64(), named("项目", q.getColumn(1).getString(), q.getColumn(0).getInt64()), "planned_investment",
                              std::to_string(year) + "年计划投资为 0（或未填），但已完成投资 " + format_wan(Money{q.getColumn(3).getInt64()}) +
                                  "万元：报表中“占年度计划%”将为“无计划”，请补填年度计划",
                              true});
    }
}

// A region that is itself a 开发区 (a zone of the same name inside it, e.g. 廊坊经济技术开发区):
// its projects belong to one of its zones. One without a zone is missing from 开发区指标 while
// 汇总排名 counts it.
void check_zone_regions(Database& db, CheckSummary& s) {
    Query q(db,
            "SELECT p.id, p.name, r.name FROM projects p JOIN regions r ON r.id = p.region_id "
            "WHERE p.zone_id IS NULL AND EXISTS (SELECT 1 FROM zones z WHERE z.region_id = r.id AND z.name = r.name) "
            "ORDER BY p.id");
    while (q.executeStep())
        s.findings.push_back({"projects", q.getColumn(0).getInt64(), named("项目", q.getColumn(1).getString(), q.getColumn(0).getInt64()), "zone_id",
                              "所属县（市、区）“" + q.getColumn(2).getString() + "”本身是开发区，但未填写所属开发区：开发区指标不计入该项目，"
                              "与汇总排名不一致",
                              true});
}

}  // namespace

CheckSummary check_ledger(Database& db) {
    CheckSummary s;
    if (!db.server()) {  // a server keeps its own pages and foreign keys whole
        Query q(db, "PRAGMA integrity_check");
        while (q.executeStep()) {
            std::string msg = q.getColumn(0).getString();
            if (msg != "ok") s.findings.push_back({"database", 0, "数据库文件", "", "完整性检查：" + msg});
        }
    }
    if (!db.server()) {
        Query q(db, "PRAGMA foreign_key_check");
        while (q.executeStep()) {
            std::string table = q.getColumn(0).getString();
            std::int64_t rowid = q.getColumn(1).isNull() ? 0 : q.getColumn(1).getInt64();
            std::string parent = q.getColumn(2).getString();
            s.findings.push_back({table, rowid, table + "（行 " + std::to_string(rowid) + "）", "",
                                  "引用的 " + parent + " 记录不存在"});
        }
    }
    auto refs = load_references(db, true);

    ProjectRepository projects(db);
    projects.for_each([&](const Project& p) {
        ++s.projects;
        add_issues(s, "projects", p.id, named("项目", p.name, p.id), validate::validate_project(p, &refs));
        add_missing(s, "projects", p.id, named("项目", p.name, p.id), validate::missing_information(p));
    });
    check_monthly(db, s, "progress", "project_id", "projects", "项目");
    check_unplanned_completion(db, s);
    check_zone_regions(db, s);
    {
        Query q(db, "SELECT p.id, p.project_id, pr.name, p.description, p.owner_unit, p.status, "
                                      "p.assigned_date, p.supervised_date, p.closed_date FROM problems p "
                                      "JOIN projects pr ON pr.id = p.project_id ORDER BY p.id");
        while (q.executeStep()) {
            ++s.problems;
            Problem pb;
            pb.id = q.getColumn(0).getInt64();
            pb.project_id = q.getColumn(1).getInt64();
            db::read_row_from(q, 3, pb.description, pb.owner_unit, pb.status, pb.assigned_date, pb.supervised_date,
                                    pb.closed_date);
            add_issues(s, "problems", pb.id,
                       named("项目", q.getColumn(2).getString(), pb.project_id) + " 的存在问题（编号 " +
                           std::to_string(pb.id) + "）",
                       validate::validate_problem(pb));
        }
    }

    RenovationRepository renovations(db);
    renovations.for_each([&](const Renovation& r) {
        ++s.renovations;
        add_issues(s, "renovations", r.id, named("技改项目", r.name, r.id), validate::validate_renovation(r, &refs));
        add_missing(s, "renovations", r.id, named("技改项目", r.name, r.id), validate::missing_information(r));
    });
    check_monthly(db, s, "renovation_progress", "renovation_id", "renovations", "技改项目");

    DealRepository deals(db);
    deals.for_each([&](const Deal& d) {
        ++s.deals;
        add_issues(s, "deals", d.id, named("招商项目", d.name, d.id), validate::validate_deal(d, &refs));
        add_missing(s, "deals", d.id, named("招商项目", d.name, d.id), validate::missing_information(d));
    });

    {
        Query q(db, "SELECT DISTINCT year FROM targets ORDER BY year");
        std::vector<int> years;
        while (q.executeStep()) years.push_back(q.getColumn(0).getInt());
        TargetRepository targets(db);
        for (int y : years)
            for (const auto& t : targets.list(y)) {
                ++s.targets;
                add_issues(s, "targets", t.id, std::to_string(y) + "年度目标（编号 " + std::to_string(t.id) + "）",
                           validate::validate_target(t, &refs));
            }
    }
    return s;
}

}  // namespace il::db
