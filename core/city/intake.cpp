#include "core/city/intake.h"

#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "core/city/merge_sql.h"
#include "core/city/offices.h"
#include "core/db/audit.h"
#include "core/db/ledger_check.h"
#include "core/db/write_transaction.h"
#include "core/report/report_generator.h"
#include "core/util/clock.h"
#include "core/util/uid.h"
#include "core/validate/field_issue.h"

namespace il::city {

const char* change_label(ChangeKind k) {
    switch (k) {
        case ChangeKind::Added: return "新增";
        case ChangeKind::Changed: return "变更";
        case ChangeKind::Removed: return "删除";
    }
    return "";
}

int IntakePreview::count(ChangeKind k) const {
    int n = 0;
    for (const auto& c : changes)
        if (c.change == k) ++n;
    return n;
}

namespace {
[[noreturn]] void refuse(const OpenedPackage& p, const std::string& why) {
    throw PackageRefused("上报包「" + p.file_name + "」不能接收：" + why + "。未写入任何数据。");
}

std::vector<std::string> strings(db::Database& db, const std::string& sql) {
    std::vector<std::string> out;
    db::Query q(db, sql);
    while (q.executeStep()) out.push_back(q.getColumn(0).getString());
    return out;
}

std::string joined(const std::vector<std::string>& v, std::size_t max = 10) {
    std::string out;
    for (std::size_t i = 0; i < v.size() && i < max; ++i) out += (i ? "、" : "") + v[i];
    if (v.size() > max) out += " 等 " + std::to_string(v.size()) + " 个";
    return out;
}

std::string sql_list(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) {
        std::string q = "'";
        for (char c : n) {
            q += c;
            if (c == '\'') q += '\'';
        }
        out += (out.empty() ? "" : ",") + q + "'";
    }
    return out;
}
}  // namespace

Intake::Intake(db::Database& city, const std::filesystem::path& package) : Intake(city, open_package(package)) {}

Intake::Intake(db::Database& city, std::unique_ptr<OpenedPackage> package) : db_(city), pkg_(std::move(package)) {
    preview_.manifest = pkg_->manifest;
    preview_.file_name = pkg_->file_name;
    preview_.sha256 = pkg_->sha256;
    preview_.original_schema = pkg_->original_schema;
    {
        // The pre-submission checks on the package's ledger, as the office's own report ran them.
        db::OpenOptions o;
        o.read_only = true;
        o.migrate = false;
        o.create = false;
        o.announce = false;
        o.auto_backup = false;
        auto pdb = db::Database::open(pkg_->ledger, o);
        for (const auto& f : report::run_report_checks(*pdb, pkg_->manifest.period, ""))
            preview_.findings.push_back(f.text);
        for (const auto& f : db::check_ledger(*pdb).findings)
            preview_.findings.push_back(f.record + (f.field.empty() ? "" : "（" + f.field + "）") + "：" + f.reason);
    }
    verify_origin();
    build_preview();
}

Intake::~Intake() = default;

void Intake::verify_origin() {
    const Manifest& m = pkg_->manifest;
    auto office = find_office(db_, m.office);
    if (!office) refuse(*pkg_, "「" + m.office + "」不是本市登记的上报单位");
    if (!office->active) refuse(*pkg_, "上报单位「" + m.office + "」已停用");
    for (const auto& r : m.regions)
        if (std::find(office->regions.begin(), office->regions.end(), r) == office->regions.end())
            refuse(*pkg_, "县市区「" + r + "」不属于上报单位「" + m.office + "」（属于该单位的：" +
                              (office->regions.empty() ? std::string("无") : joined(office->regions)) + "）");
    AttachedPackage attached(db_, pkg_->ledger);
    const std::string allowed = sql_list(m.regions);
    auto outside = strings(db_, "SELECT DISTINCT g.name FROM pkg.regions g WHERE g.name NOT IN (" + allowed +
                                    ") AND g.id IN (SELECT region_id FROM pkg.projects UNION SELECT region_id FROM "
                                    "pkg.renovations UNION SELECT region_id FROM pkg.deals UNION SELECT region_id FROM "
                                    "pkg.targets WHERE region_id IS NOT NULL UNION SELECT z.region_id FROM pkg.targets t "
                                    "JOIN pkg.zones z ON z.id = t.zone_id)");
    if (!outside.empty())
        refuse(*pkg_, "包内有不属于「" + m.office + "」的县市区的记录（" + joined(outside) + "）");
    // Every dictionary name the records use must be known here: the city's dictionaries decide.
    struct Ref {
        const char* what;
        std::string sql;
    };
    const std::vector<Ref> refs = {
        {"县市区", "SELECT DISTINCT p.name FROM pkg.regions p WHERE p.name NOT IN (SELECT name FROM main.regions) AND p.id IN "
                  "(SELECT region_id FROM pkg.projects UNION SELECT region_id FROM pkg.renovations UNION SELECT region_id "
                  "FROM pkg.deals UNION SELECT region_id FROM pkg.targets)"},
        {"园区", "SELECT DISTINCT p.name FROM pkg.zones p WHERE p.name NOT IN (SELECT name FROM main.zones) AND p.id IN "
                "(SELECT zone_id FROM pkg.projects UNION SELECT zone_id FROM pkg.renovations UNION SELECT zone_id FROM "
                "pkg.deals UNION SELECT zone_id FROM pkg.targets)"},
        {"行业", "SELECT DISTINCT p.code || ' ' || p.name FROM pkg.industries p WHERE p.code NOT IN (SELECT code FROM "
                "main.industries) AND p.id IN (SELECT industry_id FROM pkg.projects UNION SELECT industry_id FROM "
                "pkg.renovations UNION SELECT industry_id FROM pkg.deals)"},
        {"产业分类", "SELECT DISTINCT p.name FROM pkg.categories p WHERE p.name NOT IN (SELECT name FROM main.categories) "
                    "AND p.id IN (SELECT category_id FROM pkg.projects UNION SELECT category_id FROM pkg.deals)"},
    };
    for (const auto& r : refs) {
        auto missing = strings(db_, r.sql);
        if (!missing.empty())
            refuse(*pkg_, std::string("本市字典中没有包内使用的") + r.what + "：" + joined(missing) + "（请先在字典中添加）");
    }
}

void Intake::build_preview() {
    const Manifest& m = pkg_->manifest;
    {
        db::Query q(db_, "SELECT 1 FROM submissions WHERE office = ? AND period = ? AND status IN "
                                       "('accepted','returned')");
        q.bind(1, m.office);
        q.bind(2, m.period.key());
        preview_.resubmission = q.executeStep();
    }
    AttachedPackage attached(db_, pkg_->ledger);
    for (const auto& rt : record_tables()) {
        auto before = snapshot_records(db_, "main", rt.table, "t.origin_office = :office", m.office, m.period);
        auto after = snapshot_records(db_, "pkg", rt.table, "1", m.office, m.period);
        for (const auto& [uid, a] : after) {
            auto it = before.find(uid);
            if (it == before.end()) {
                preview_.changes.push_back({rt.table, rt.label, uid, a.label, ChangeKind::Added, {}});
                continue;
            }
            RecordChange c{rt.table, rt.label, uid, a.label, ChangeKind::Changed, {}};
            for (std::size_t i = 0; i < a.fields.size(); ++i) {
                std::string old_value = i < it->second.fields.size() ? it->second.fields[i].second : "";
                if (old_value != a.fields[i].second) c.fields.push_back({a.fields[i].first, old_value, a.fields[i].second});
            }
            if (c.fields.empty())
                ++preview_.unchanged;
            else
                preview_.changes.push_back(std::move(c));
        }
        for (const auto& [uid, b] : before)
            if (!after.count(uid)) preview_.changes.push_back({rt.table, rt.label, uid, b.label, ChangeKind::Removed, {}});
    }
    // The same project or 技改 item held by another office (or entered in the city ledger itself).
    const std::vector<std::pair<std::string, std::string>> conflict_sql = {
        {"projects",
         "SELECT s.uid, s.name, m.uid, COALESCE(m.origin_office, ''), CASE WHEN m.uid = s.uid THEN '同一记录（uid）' "
         "WHEN s.code IS NOT NULL AND s.code <> '' AND m.code = s.code THEN '项目代码 ' || s.code ELSE '名称+县市区' END "
         "FROM pkg.projects s JOIN main.projects m ON (m.uid = s.uid OR (s.code IS NOT NULL AND s.code <> '' AND m.code = "
         "s.code) OR (m.name = s.name AND m.region_id = (SELECT r.id FROM main.regions r WHERE r.name = (SELECT name FROM "
         "pkg.regions WHERE id = s.region_id)))) WHERE COALESCE(m.origin_office, '') <> ? ORDER BY s.id"},
        {"renovations",
         "SELECT s.uid, s.name, m.uid, COALESCE(m.origin_office, ''), CASE WHEN m.uid = s.uid THEN '同一记录（uid）' "
         "ELSE '备案号 ' || s.filing_number END FROM pkg.renovations s JOIN main.renovations m ON (m.uid = s.uid OR "
         "(s.filing_number IS NOT NULL AND s.filing_number <> '' AND m.filing_number = s.filing_number)) "
         "WHERE COALESCE(m.origin_office, '') <> ? ORDER BY s.id"},
    };
    std::set<std::string> seen;
    for (const auto& [table, sql] : conflict_sql) {
        db::Query q(db_, sql);
        q.bind(1, m.office);
        while (q.executeStep()) {
            std::string uid = q.getColumn(0).getString();
            if (!seen.insert(table + uid).second) continue;
            preview_.conflicts.push_back({table, uid, q.getColumn(2).getString(), q.getColumn(3).getString(),
                                          q.getColumn(1).getString(), q.getColumn(4).getString()});
        }
    }
    // A conflicting record is not added (it is held): it shows as a conflict, not as new.
    std::erase_if(preview_.changes, [&](const RecordChange& c) {
        return c.change == ChangeKind::Added && seen.count(c.table + c.uid);
    });
}

std::int64_t Intake::record_submission(const std::string& status, const std::string& summary,
                                       const std::string& reason) {
    const Manifest& m = pkg_->manifest;
    db::Query q(db_,
                "INSERT INTO submissions(uid, office, period, status, created_at, received_at, who, tool_version,"
                " schema_version, file_name, sha256, content, summary, reason) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    q.bind(1, m.uid);
    q.bind(2, m.office);
    q.bind(3, m.period.key());
    q.bind(4, status);
    q.bind(5, m.created_at);
    q.bind(6, now_iso());
    q.bind(7, db_.user());
    q.bind(8, m.tool_version);
    q.bind(9, pkg_->original_schema);
    q.bind(10, pkg_->file_name);
    q.bind(11, pkg_->sha256);
    q.bind(12, pkg_->bytes.data(), static_cast<int>(pkg_->bytes.size()));
    q.bind(13, summary);
    q.bind(14, reason);
    q.exec();
    return db_.last_insert_id();
}

AcceptResult Intake::accept(bool strict) {
    const Manifest& m = pkg_->manifest;
    if (strict && !preview_.findings.empty())
        throw ValidationError("上报包「" + pkg_->file_name + "」的上报前检查发现 " +
                              std::to_string(preview_.findings.size()) + " 个问题（--strict），未接收");
    {
        db::Query q(db_, "SELECT month FROM period_locks WHERE year = ? AND month <= ? ORDER BY month");
        q.bind(1, m.period.year);
        q.bind(2, m.period.month);
        if (q.executeStep())
            throw PeriodLocked("本市台账 " + std::to_string(m.period.year) + "年1-" +
                               std::to_string(q.getColumn(0).getInt()) + "月已封账，接收「" + m.office +
                               "」的上报包会改变已上报的数据。如确需接收，请先解除封账并填写原因。");
    }
    AcceptResult result;
    result.added = preview_.count(ChangeKind::Added);
    result.changed = preview_.count(ChangeKind::Changed);
    result.removed = preview_.count(ChangeKind::Removed);
    result.unchanged = preview_.unchanged;
    result.conflicts = static_cast<int>(preview_.conflicts.size());
    nlohmann::json summary = {{"added", result.added},         {"changed", result.changed},
                              {"removed", result.removed},     {"unchanged", result.unchanged},
                              {"conflicts", result.conflicts}, {"findings", preview_.findings.size()}};

    AttachedPackage attached(db_, pkg_->ledger);
    db::WriteTransaction tx(db_);
    {
        db::Query sup(db_, "UPDATE submissions SET status = 'superseded' WHERE office = ? AND period = ?"
                                         " AND status IN ('accepted','returned')");
        sup.bind(1, m.office);
        sup.bind(2, m.period.key());
        sup.exec();
        // Conflicts held from this office's earlier packages are judged again on this one.
        db::Query old(db_, "DELETE FROM city_conflicts WHERE incoming_office = ? AND status = 'open'");
        old.bind(1, m.office);
        old.exec();
    }
    result.submission_id = record_submission("accepted", summary.dump(), "");
    std::set<std::string> held;
    for (const auto& c : preview_.conflicts) held.insert(c.table + c.incoming_uid);
    reset_take(db_);
    for (const auto& rt : record_tables()) {
        auto uids = strings(db_, std::string("SELECT uid FROM pkg.") + rt.table);
        for (const auto& u : uids)
            if (!held.count(rt.table + u)) take(db_, rt.table, u);
        db::Query del(db_, std::string("DELETE FROM main.") + rt.table + " WHERE origin_office = ?");
        del.bind(1, m.office);
        del.exec();
    }
    // The office's targets replace whatever the city held for the same year and region or zone.
    db_.exec("DELETE FROM main.targets WHERE EXISTS (SELECT 1 FROM pkg.targets s WHERE s.year = main.targets.year"
                   " AND ((s.region_id IS NOT NULL AND main.targets.region_id = (SELECT r.id FROM main.regions r WHERE"
                   " r.name = (SELECT name FROM pkg.regions WHERE id = s.region_id))) OR (s.zone_id IS NOT NULL AND"
                   " main.targets.zone_id = (SELECT z.id FROM main.zones z WHERE z.name = (SELECT name FROM pkg.zones"
                   " WHERE id = s.zone_id)))))");
    copy_taken_records(db_, {m.office, m.uid, m.period.key()});
    for (const auto& c : preview_.conflicts) {
        db::Query q(db_,
                    "INSERT INTO city_conflicts(uid, kind, submission_id, incoming_uid, incoming_office,"
                    " existing_uid, existing_office, name, matched_by, created_at) VALUES(?,?,?,?,?,?,?,?,?,?)");
        q.bind(1, new_uid());
        q.bind(2, c.table == "projects" ? "project" : "renovation");
        q.bind(3, result.submission_id);
        q.bind(4, c.incoming_uid);
        q.bind(5, m.office);
        q.bind(6, c.existing_uid);
        q.bind(7, c.existing_office);
        q.bind(8, c.name);
        q.bind(9, c.matched_by);
        q.bind(10, now_iso());
        q.exec();
    }
    db::audit_event(db_, "accept", "submissions",
                    "接收 " + m.office + " " + m.period.key() + " 上报包「" + pkg_->file_name + "」（新增 " +
                        std::to_string(result.added) + "、变更 " + std::to_string(result.changed) + "、删除 " +
                        std::to_string(result.removed) + "、冲突 " + std::to_string(result.conflicts) + "；SHA-256 " +
                        pkg_->sha256 + "）");
    tx.commit();
    return result;
}

std::int64_t Intake::reject(const std::string& reason) {
    std::string r = reason;
    while (!r.empty() && (r.back() == ' ' || r.back() == '\n')) r.pop_back();
    if (r.empty()) throw ValidationError("拒收上报包必须填写原因");
    const Manifest& m = pkg_->manifest;
    db::WriteTransaction tx(db_);
    auto id = record_submission("rejected", "", r);
    db::audit_event(db_, "reject", "submissions",
                    "拒收 " + m.office + " " + m.period.key() + " 上报包「" + pkg_->file_name + "」：" + r);
    tx.commit();
    return id;
}

std::string preview_text(const IntakePreview& p, std::size_t max_changes) {
    std::ostringstream o;
    const Manifest& m = p.manifest;
    o << "上报包：" << p.file_name << "\n上报单位：" << m.office << "（" << joined(m.regions, 100) << "）  期间："
      << m.period.year << "年" << m.period.label() << "  生成：" << m.created_at << " " << m.created_by << "  版本："
      << m.tool_version << "（数据版本 " << p.original_schema << "）\n";
    if (p.resubmission) o << "本单位该期间已上报过：接收后以本包替换该单位的数据。\n";
    o << "新增 " << p.count(ChangeKind::Added) << "，变更 " << p.count(ChangeKind::Changed) << "，删除 "
      << p.count(ChangeKind::Removed) << "，未变 " << p.unchanged << "，冲突 " << p.conflicts.size() << "\n";
    for (const auto& c : p.conflicts)
        o << "冲突：" << c.name << "（" << c.matched_by << "）已由「"
          << (c.existing_office.empty() ? std::string("本级台账") : c.existing_office) << "」上报\n";
    for (const auto& f : p.findings) o << "检查：" << f << "\n";
    std::size_t n = 0;
    for (const auto& c : p.changes) {
        if (max_changes && n++ >= max_changes) {
            o << "……（共 " << p.changes.size() << " 条，其余略；--json 可看全部）\n";
            break;
        }
        o << change_label(c.change) << "  " << c.table_label << "  " << c.label << "\n";
        for (const auto& f : c.fields) o << "    " << f.field << "：" << f.old_value << " → " << f.new_value << "\n";
    }
    return o.str();
}

std::string preview_json(const IntakePreview& p) {
    nlohmann::json j;
    const Manifest& m = p.manifest;
    j["file"] = p.file_name;
    j["sha256"] = p.sha256;
    j["office"] = m.office;
    j["regions"] = m.regions;
    j["period"] = m.period.key();
    j["package_uid"] = m.uid;
    j["tool_version"] = m.tool_version;
    j["schema_version"] = p.original_schema;
    j["resubmission"] = p.resubmission;
    j["counts"] = {{"added", p.count(ChangeKind::Added)},
                   {"changed", p.count(ChangeKind::Changed)},
                   {"removed", p.count(ChangeKind::Removed)},
                   {"unchanged", p.unchanged},
                   {"conflicts", p.conflicts.size()}};
    j["changes"] = nlohmann::json::array();
    for (const auto& c : p.changes) {
        nlohmann::json e = {{"table", c.table}, {"uid", c.uid}, {"label", c.label}, {"change", change_label(c.change)}};
        e["fields"] = nlohmann::json::array();
        for (const auto& f : c.fields) e["fields"].push_back({{"field", f.field}, {"old", f.old_value}, {"new", f.new_value}});
        j["changes"].push_back(e);
    }
    j["conflicts"] = nlohmann::json::array();
    for (const auto& c : p.conflicts)
        j["conflicts"].push_back({{"table", c.table},
                                  {"incoming_uid", c.incoming_uid},
                                  {"existing_uid", c.existing_uid},
                                  {"existing_office", c.existing_office},
                                  {"name", c.name},
                                  {"matched_by", c.matched_by}});
    j["findings"] = p.findings;
    return j.dump(2);
}

}  // namespace il::city
