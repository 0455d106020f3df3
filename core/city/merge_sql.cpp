#include "core/city/merge_sql.h"

#include <set>

#include "core/model/money.h"
#include "core/util/utf8_path.h"

namespace il::city {

const std::vector<RecordTable>& record_tables() {
    static const std::vector<RecordTable> tables = {
        {"projects", "亿元以上项目", {{"project_plans", "project_id"}, {"approvals", "project_id"},
                                     {"progress", "project_id"}, {"problems", "project_id"}}},
        {"renovations", "技改项目", {{"renovation_plans", "renovation_id"}, {"renovation_progress", "renovation_id"}}},
        {"deals", "招商项目", {{"deal_funds", "deal_id"}, {"deal_followups", "deal_id"}}},
        {"targets", "年度目标", {}},
    };
    return tables;
}

AttachedPackage::AttachedPackage(db::Database& db, const std::filesystem::path& ledger) : db_(db) {
    // Only read here (the package's own copy, extracted to a scratch folder).
    std::string uri = il::path_utf8(ledger);
    db::Query q(db, "ATTACH DATABASE ? AS pkg");
    q.bind(1, uri);
    q.exec();
}

AttachedPackage::~AttachedPackage() {
    try {
        db_.exec("DETACH DATABASE pkg");
    } catch (...) {
    }
}

namespace {
std::vector<std::string> columns_of(db::Database& db, const std::string& schema, const std::string& table) {
    std::vector<std::string> out;
    db::Query q(db, "PRAGMA " + schema + ".table_info(" + table + ")");
    while (q.executeStep()) out.push_back(q.getColumn(1).getString());
    return out;
}

bool is_origin(const std::string& c) { return c == "origin_office" || c == "origin_package" || c == "origin_period"; }

// Chinese labels of the fields the diff shows (others by their column name).
const std::map<std::string, std::string>& field_labels() {
    static const std::map<std::string, std::string> m = {
        {"code", "项目代码"}, {"name", "名称"}, {"owner", "建设单位"}, {"region_id", "县市区"}, {"zone_id", "园区"},
        {"site", "建设地点"}, {"industry_id", "行业"}, {"category_id", "产业分类"}, {"nature", "建设性质"},
        {"level", "级别"}, {"stage", "阶段"}, {"total_investment", "总投资"}, {"planned_start", "计划开工"},
        {"planned_completion", "计划竣工"}, {"actual_start", "实际开工"}, {"actual_completion", "实际竣工"},
        {"content", "建设内容"}, {"leader_name", "包联领导"}, {"leader_title", "领导职务"},
        {"responsible_unit", "责任单位"}, {"contact_person", "联系人"}, {"contact_phone", "联系电话"},
        {"is_jingjin", "京津项目"}, {"is_foreign", "外资"}, {"notes", "备注"}, {"enterprise", "企业"},
        {"filing_number", "备案号"}, {"kind", "类型"}, {"equipment_investment", "设备投资"},
        {"in_statistics", "入统"}, {"expected_output", "新增产值"}, {"expected_tax", "新增利税"},
        {"investor", "投资方"}, {"origin", "来源地"}, {"country", "国家/地区"}, {"lead_date", "线索日期"},
        {"negotiation_date", "洽谈日期"}, {"signed_date", "签约日期"}, {"registered_date", "注册日期"},
        {"started_date", "开工日期"}, {"operating_date", "投产日期"}, {"terminated_date", "终止日期"},
        {"signing_event", "签约活动"}, {"contract_type", "合同类型"}, {"contract_amount", "合同金额"},
        {"contract_currency", "币种"}, {"project_id", "转化项目"}, {"year", "年度"},
        {"projects_count", "项目个数目标"}, {"investment", "投资目标"}, {"renovation_count", "技改个数目标"},
        {"signed_amount", "签约额目标"}, {"funds_in_place", "到位资金目标"}, {"foreign_capital_usd", "外资目标（美分）"},
    };
    return m;
}

const std::set<std::string>& money_fields() {
    static const std::set<std::string> s = {"total_investment", "equipment_investment", "expected_output",
                                            "expected_tax", "investment", "signed_amount", "funds_in_place",
                                            "年度计划投资", "本期累计完成", "到位资金累计"};
    return s;
}

std::string reference_expr(const std::string& schema, const std::string& col) {
    const std::string s = schema + ".";
    if (col == "region_id") return "(SELECT name FROM " + s + "regions WHERE id = t.region_id)";
    if (col == "zone_id") return "(SELECT name FROM " + s + "zones WHERE id = t.zone_id)";
    if (col == "industry_id") return "(SELECT code || ' ' || name FROM " + s + "industries WHERE id = t.industry_id)";
    if (col == "category_id") return "(SELECT name FROM " + s + "categories WHERE id = t.category_id)";
    if (col == "project_id") return "(SELECT name FROM " + s + "projects WHERE id = t.project_id)";
    return "t." + col;
}

// Copy expressions: the main-side id of a package reference.
std::string mapped_expr(const std::string& col) {
    if (col == "region_id")
        return "(SELECT m.id FROM main.regions m WHERE m.name = (SELECT name FROM pkg.regions WHERE id = s.region_id))";
    if (col == "zone_id")
        return "(SELECT m.id FROM main.zones m WHERE m.name = (SELECT name FROM pkg.zones WHERE id = s.zone_id))";
    if (col == "industry_id")
        return "(SELECT m.id FROM main.industries m WHERE m.code = (SELECT code FROM pkg.industries WHERE id = "
               "s.industry_id))";
    if (col == "category_id")
        return "(SELECT m.id FROM main.categories m WHERE m.name = (SELECT name FROM pkg.categories WHERE id = "
               "s.category_id))";
    if (col == "project_id")
        return "(SELECT m.id FROM main.projects m WHERE m.uid = (SELECT uid FROM pkg.projects WHERE id = s.project_id))";
    return "s." + col;
}

// 分 as 万元 text with two decimals, in integer arithmetic (rounded half up, as the reports show it).
std::string wan_sql(const std::string& fen) {
    const std::string cents = "((" + fen + " + 5000) / 10000)";  // 万元 cents
    return "printf('%d.%02d', " + cents + " / 100, " + cents + " % 100)";
}

std::string figures_exprs(const std::string& schema, const std::string& table) {
    const std::string s = schema + ".";
    if (table == "projects")
        return ", (SELECT planned_investment FROM " + s + "project_plans WHERE project_id = t.id AND year = :year)"
               ", (SELECT completed_ytd FROM " + s + "progress WHERE project_id = t.id AND year = :year AND month = :month)"
               ", (SELECT count(*) || '个月，合计 ' || " + wan_sql("COALESCE(sum(completed_month), 0)") + " || '万元；' || "
               "   COALESCE(group_concat(image_progress, '；'), '') FROM " + s + "progress WHERE project_id = t.id)"
               ", (SELECT count(*) || '个（未销号 ' || COALESCE(sum(status <> '销号'), 0) || '）：' || "
               "   COALESCE(group_concat(description || '/' || status, '；'), '') FROM " + s + "problems WHERE project_id = t.id)";
    if (table == "renovations")
        return ", (SELECT planned_investment FROM " + s + "renovation_plans WHERE renovation_id = t.id AND year = :year)"
               ", (SELECT completed_ytd FROM " + s + "renovation_progress WHERE renovation_id = t.id AND year = :year"
               " AND month = :month)"
               ", (SELECT count(*) || '个月，合计 ' || " + wan_sql("COALESCE(sum(completed_month), 0)") + " || '万元' FROM " + s +
               "renovation_progress WHERE renovation_id = t.id)";
    if (table == "deals")
        return ", (SELECT COALESCE(sum(amount_cny), 0) FROM " + s + "deal_funds WHERE deal_id = t.id)"
               ", (SELECT count(*) FROM " + s + "deal_funds WHERE deal_id = t.id)";
    return "";
}

std::vector<std::string> figure_labels(const std::string& table) {
    if (table == "projects") return {"年度计划投资", "本期累计完成", "月度调度", "存在问题"};
    if (table == "renovations") return {"年度计划投资", "本期累计完成", "月度调度"};
    if (table == "deals") return {"到位资金累计", "到位资金笔数"};
    return {};
}
}  // namespace

std::map<std::string, RecordSnapshot> snapshot_records(db::Database& db, const std::string& schema,
                                                       const std::string& table, const std::string& where,
                                                       const std::string& office, const Period& period) {
    static const std::set<std::string> skip = {"id", "uid", "created_at", "updated_at", "version"};
    std::vector<std::string> cols;
    std::string select = "SELECT t.uid, ";
    select += table == "targets"
                  ? "t.year || '年 ' || COALESCE(" + reference_expr(schema, "region_id") + ", " +
                        reference_expr(schema, "zone_id") + ")"
                  : "t.name";
    for (const auto& c : columns_of(db, schema, table)) {
        if (skip.count(c) || is_origin(c)) continue;
        cols.push_back(c);
        select += ", " + reference_expr(schema, c);
    }
    select += figures_exprs(schema, table);
    select += " FROM " + schema + "." + table + " t WHERE " + where;
    std::vector<std::string> labels;
    for (const auto& c : cols) {
        auto it = field_labels().find(c);
        labels.push_back(it == field_labels().end() ? c : it->second);
    }
    std::vector<std::string> keys = cols;
    for (const auto& f : figure_labels(table)) {
        labels.push_back(f);
        keys.push_back(f);
    }
    db::Query q(db, select);
    if (int i = q.parameter_index(":office")) q.bind(i, office);
    if (int i = q.parameter_index(":year")) q.bind(i, period.year);
    if (int i = q.parameter_index(":month")) q.bind(i, period.month);
    std::map<std::string, RecordSnapshot> out;
    while (q.executeStep()) {
        RecordSnapshot r;
        r.uid = q.getColumn(0).getString();
        r.label = q.getColumn(1).getString();
        for (std::size_t i = 0; i < keys.size(); ++i) {
            db::QueryColumn v = q.getColumn(static_cast<int>(i + 2));
            std::string text = v.isNull() ? "" : v.getString();
            if (money_fields().count(keys[i]) && v.isInteger())
                text = format_wan(Money::from_fen(v.getInt64())) + "万元";
            r.fields.emplace_back(labels[i], text);
        }
        out.emplace(r.uid, std::move(r));
    }
    return out;
}

void reset_take(db::Database& db) {
    db.exec("CREATE TEMP TABLE IF NOT EXISTS il_take(tbl TEXT NOT NULL, uid TEXT NOT NULL, PRIMARY KEY(tbl, uid))");
    db.exec("DELETE FROM temp.il_take");
}

void take(db::Database& db, const std::string& table, const std::string& uid) {
    auto stmt = db.prepared("INSERT OR IGNORE INTO temp.il_take(tbl, uid) VALUES(?, ?)");
    stmt->bind(1, table);
    stmt->bind(2, uid);
    stmt->exec();
}

void copy_taken_records(db::Database& db, const Origin& origin) {
    for (const auto& rt : record_tables()) {
        const std::string table = rt.table;
        std::string cols, exprs;
        for (const auto& c : columns_of(db, "main", table)) {
            if (c == "id" || is_origin(c)) continue;
            cols += c + ", ";
            exprs += mapped_expr(c) + ", ";
        }
        db::Query ins(db, "INSERT INTO main." + table + "(" + cols +
                                            "origin_office, origin_package, origin_period) SELECT " + exprs +
                                            "?, ?, ? FROM pkg." + table + " s WHERE s.uid IN "
                                            "(SELECT uid FROM temp.il_take WHERE tbl = ?) ORDER BY s.id");
        ins.bind(1, origin.office);
        ins.bind(2, origin.package);
        ins.bind(3, origin.period);
        ins.bind(4, table);
        ins.exec();
        for (const auto& [child, key] : rt.children) {
            std::string ccols, cexprs;
            for (const auto& c : columns_of(db, "main", child)) {
                if (c == "id") continue;
                ccols += (ccols.empty() ? "" : ", ") + c;
                std::string e = c == key ? "(SELECT m.id FROM main." + table + " m WHERE m.uid = pp.uid)" : "s." + c;
                cexprs += (cexprs.empty() ? "" : ", ") + e;
            }
            db::Query cin(db, "INSERT INTO main." + std::string(child) + "(" + ccols + ") SELECT " + cexprs +
                                                " FROM pkg." + child + " s JOIN pkg." + table + " pp ON pp.id = s." +
                                                key + " WHERE pp.uid IN (SELECT uid FROM temp.il_take WHERE tbl = ?)");
            cin.bind(1, table);
            cin.exec();
        }
    }
}

}  // namespace il::city
