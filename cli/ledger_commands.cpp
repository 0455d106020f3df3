// The ledger subcommands: init, list, show, add, set, progress, check, dict, target, funds,
// followup, problem. Amounts on the command line are 万元 (万美元 for USD). Every write goes through the
// core repositories, so it is validated and atomic: on error the database is left unchanged.
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/cli_context.h"
#include "cli/ledger_fields.h"
#include "core/db/deal_repository.h"
#include "core/db/dictionary_repository.h"
#include "core/db/dictionary_seed.h"
#include "core/db/ledger_check.h"
#include "core/db/project_repository.h"
#include "core/db/renovation_repository.h"
#include "core/db/sql_util.h"
#include "core/db/target_repository.h"
#include "core/model/period.h"

namespace il::cli {
namespace {
using nlohmann::json;

bool all_digits(const std::string& s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}

std::string wan2(Money m) { return format_wan(m, false); }
json id_or_null(std::int64_t id) { return id ? json(id) : json(nullptr); }

// A project by id, national code, or exact name (when unique).
Project find_project(db::Database& db, const std::string& ref) {
    db::ProjectRepository repo(db);
    if (all_digits(ref) && ref.size() < 15)
        if (auto p = repo.get(std::stoll(ref))) return *p;
    if (auto p = repo.find_by_code(ref)) return *p;
    db::ProjectFilter f;
    f.search = ref;
    std::vector<db::ProjectRow> exact;
    for (auto& row : repo.list(f))
        if (row.name == ref) exact.push_back(row);
    if (exact.size() == 1) return *repo.get(exact[0].id);
    if (exact.size() > 1)
        throw ValidationError("有 " + std::to_string(exact.size()) + " 个项目名为“" + ref + "”，请用编号指定");
    throw NotFoundError("没有编号、项目代码或名称为“" + ref + "”的项目");
}

Renovation find_renovation(db::Database& db, const std::string& ref) {
    db::RenovationRepository repo(db);
    if (all_digits(ref))
        if (auto r = repo.get(std::stoll(ref))) return *r;
    if (auto r = repo.find_by_filing_number(ref)) return *r;
    throw NotFoundError("没有编号或备案号为“" + ref + "”的技改项目");
}

Deal find_deal(db::Database& db, const std::string& ref) {
    db::DealRepository repo(db);
    if (all_digits(ref))
        if (auto d = repo.get(std::stoll(ref))) return *d;
    db::DealFilter f;
    f.search = ref;
    std::vector<db::DealRow> exact;
    for (auto& row : repo.list(f))
        if (row.name == ref) exact.push_back(row);
    if (exact.size() == 1) return *repo.get(exact[0].id);
    throw NotFoundError("没有编号或名称为“" + ref + "”的招商项目");
}

enum class Kind { Project, Renovation, Deal };
Kind parse_kind(const std::string& s) {
    if (s == "project" || s == "projects" || s == "项目") return Kind::Project;
    if (s == "renovation" || s == "renovations" || s == "技改") return Kind::Renovation;
    if (s == "deal" || s == "deals" || s == "招商") return Kind::Deal;
    throw ValidationError("记录类别“" + s + "”无效，应为 project、renovation 或 deal");
}

// Replace dictionary ids by names for display.
db::FieldValues with_names(db::Database& db, db::FieldValues fields) {
    db::DictionaryRepository dict(db);
    for (auto& [f, v] : fields) {
        if (v.empty() || !all_digits(v)) continue;
        std::int64_t id = std::stoll(v);
        if (f == "region_id") { if (auto r = dict.region(id)) v += " " + r->name; }
        else if (f == "zone_id") { if (auto z = dict.zone(id)) v += " " + z->name; }
        else if (f == "industry_id") { if (auto i = dict.industry(id)) v += " " + i->code + " " + i->name; }
        else if (f == "category_id") { if (auto c = dict.category(id)) v += " " + c->name; }
    }
    return fields;
}

void print_fields(const db::FieldValues& fields, json* out) {
    for (const auto& [f, v] : fields) {
        if (out) (*out)[f] = v;
        else std::cout << f << "\t" << v << "\n";
    }
}

// ---- list ------------------------------------------------------------------------------------
struct ListOptions {
    std::string what, region, zone, stage, search;
    int limit = 0;
    bool json = false;
};

void run_list(CliContext& ctx, const ListOptions& o) {
    auto db = ctx.open(false, true);
    std::optional<std::int64_t> region, zone;
    if (!o.region.empty()) region = resolve_region(*db, o.region, "--region");
    if (!o.zone.empty()) zone = resolve_zone(*db, o.zone, "--zone");
    std::optional<std::string> stage;
    if (!o.stage.empty()) stage = o.stage;
    std::optional<int> limit;
    if (o.limit > 0) limit = o.limit;
    json arr = json::array();
    Kind kind = parse_kind(o.what);
    if (kind == Kind::Project) {
        db::ProjectFilter f{region, zone, std::nullopt, stage, std::nullopt, o.search, limit};
        auto rows = db::ProjectRepository(*db).list(f);
        if (!o.json) std::cout << "编号\t项目代码\t项目名称\t建设单位\t县市区\t开发区\t产业类别\t阶段\t级别\t总投资（万元）\n";
        for (const auto& r : rows) {
            if (o.json) {
                arr.push_back({{"id", r.id}, {"uid", r.uid}, {"code", r.code}, {"name", r.name}, {"owner", r.owner},
                               {"region", r.region}, {"zone", r.zone}, {"category", r.category}, {"stage", r.stage},
                               {"region_id", r.region_id}, {"zone_id", id_or_null(r.zone_id)},
                               {"category_id", id_or_null(r.category_id)},
                               {"level", r.level}, {"nature", r.nature},
                               {"total_investment_wan", wan2(r.total_investment)},
                               {"total_investment_fen", r.total_investment.fen}});
            } else {
                std::cout << r.id << "\t" << r.code << "\t" << r.name << "\t" << r.owner << "\t" << r.region << "\t"
                          << r.zone << "\t" << r.category << "\t" << r.stage << "\t" << r.level << "\t"
                          << format_wan(r.total_investment) << "\n";
            }
        }
    } else if (kind == Kind::Renovation) {
        db::RenovationFilter f{region, zone, stage, std::nullopt, o.search, limit};
        auto rows = db::RenovationRepository(*db).list(f);
        if (!o.json) std::cout << "编号\t备案号\t企业\t项目名称\t县市区\t开发区\t类型\t阶段\t入统\t总投资（万元）\t设备投资（万元）\n";
        for (const auto& r : rows) {
            if (o.json) {
                arr.push_back({{"id", r.id}, {"uid", r.uid}, {"enterprise", r.enterprise}, {"name", r.name},
                               {"filing_number", r.filing_number}, {"region", r.region}, {"zone", r.zone},
                               {"region_id", r.region_id}, {"zone_id", id_or_null(r.zone_id)},
                               {"kind", r.kind}, {"stage", r.stage}, {"in_statistics", r.in_statistics},
                               {"total_investment_wan", wan2(r.total_investment)},
                               {"total_investment_fen", r.total_investment.fen},
                               {"equipment_investment_wan", wan2(r.equipment_investment)},
                               {"equipment_investment_fen", r.equipment_investment.fen}});
            } else {
                std::cout << r.id << "\t" << r.filing_number << "\t" << r.enterprise << "\t" << r.name << "\t"
                          << r.region << "\t" << r.zone << "\t" << r.kind << "\t" << r.stage << "\t"
                          << (r.in_statistics ? "是" : "否") << "\t" << format_wan(r.total_investment) << "\t"
                          << format_wan(r.equipment_investment) << "\n";
            }
        }
    } else {
        db::DealFilter f{region, zone, stage, std::nullopt, o.search, limit};
        auto rows = db::DealRepository(*db).list(f);
        if (!o.json) std::cout << "编号\t项目名称\t投资方\t来源地\t县市区\t开发区\t阶段\t签约日期\t签约额\t到位资金（万元）\n";
        for (const auto& r : rows) {
            bool usd = r.contract_currency == Currency::USD;
            if (o.json) {
                arr.push_back({{"id", r.id}, {"uid", r.uid}, {"name", r.name}, {"investor", r.investor},
                               {"origin", r.origin}, {"country", r.country}, {"region", r.region}, {"zone", r.zone},
                               {"region_id", r.region_id}, {"zone_id", id_or_null(r.zone_id)},
                               {"project_id", id_or_null(r.project_id)},
                               {"stage", r.stage}, {"contract_type", r.contract_type},
                               {"signing_event", r.signing_event},
                               {"signed_date", r.signed_date ? json(*r.signed_date) : json(nullptr)},
                               {"is_foreign", r.is_foreign},
                               {"contract_currency", currency_code(r.contract_currency)},
                               {"contract_amount_wan", wan2(Money{r.contract_amount})},
                               {"contract_amount_minor", r.contract_amount},
                               {"funds_in_place_wan", wan2(r.funds_cny)},
                               {"funds_in_place_fen", r.funds_cny.fen},
                               {"funds_usd_wan", format_usd_wan(UsdMoney{r.funds_usd_cents}, false)},
                               {"funds_usd_cents", r.funds_usd_cents}});
            } else {
                std::cout << r.id << "\t" << r.name << "\t" << r.investor << "\t" << r.origin << "\t" << r.region
                          << "\t" << r.zone << "\t" << r.stage << "\t" << r.signed_date.value_or("") << "\t"
                          << format_wan(Money{r.contract_amount}) << (usd ? "万美元" : "万元") << "\t"
                          << format_wan(r.funds_cny) << "\n";
            }
        }
    }
    if (o.json) std::cout << arr.dump(1) << "\n";
}

// ---- show ------------------------------------------------------------------------------------
void run_show(CliContext& ctx, const std::string& kind_text, const std::string& ref, bool as_json) {
    auto db = ctx.open(false, true);
    json out = json::object();
    json* j = as_json ? &out : nullptr;
    Kind kind = parse_kind(kind_text);
    if (kind == Kind::Project) {
        Project p = find_project(*db, ref);
        if (j) { out["id"] = p.id; out["uid"] = p.uid; out["version"] = p.version; }
        else std::cout << "id\t" << p.id << "\nuid\t" << p.uid << "\nversion\t" << p.version << "\n";
        print_fields(with_names(*db, db::ProjectRepository::fields(p)), j);
        SQLite::Statement q(db->sql(), "SELECT year, month, completed_month, completed_ytd, image_progress, problems "
                                       "FROM progress WHERE project_id = ? ORDER BY year, month");
        q.bind(1, static_cast<int64_t>(p.id));
        json prog = json::array();
        bool header = false;
        while (q.executeStep()) {
            Period per{q.getColumn(0).getInt(), q.getColumn(1).getInt()};
            Money m{q.getColumn(2).getInt64()}, y{q.getColumn(3).getInt64()};
            if (j) {
                prog.push_back({{"period", per.key()}, {"completed_month_wan", wan2(m)}, {"completed_month_fen", m.fen},
                                {"completed_ytd_wan", wan2(y)}, {"completed_ytd_fen", y.fen},
                                {"image_progress", q.getColumn(4).getString()}, {"problems", q.getColumn(5).getString()}});
            } else {
                if (!header) std::cout << "\n月度调度\t本月完成（万元）\t累计完成（万元）\t形象进度\t存在问题\n";
                header = true;
                std::cout << per.key() << "\t" << format_wan(m) << "\t" << format_wan(y) << "\t"
                          << q.getColumn(4).getString() << "\t" << q.getColumn(5).getString() << "\n";
            }
        }
        json probs = json::array();
        auto problems = db::ProjectRepository(*db).problems(p.id);
        if (!j && !problems.empty()) std::cout << "\n存在问题\t责任单位\t状态\t交办\t督办\t销号\n";
        for (const auto& pb : problems) {
            if (j) probs.push_back({{"id", pb.id}, {"description", pb.description}, {"owner_unit", pb.owner_unit},
                                    {"status", pb.status}});
            else
                std::cout << pb.description << "\t" << pb.owner_unit << "\t" << pb.status << "\t"
                          << pb.assigned_date.value_or("") << "\t" << pb.supervised_date.value_or("") << "\t"
                          << pb.closed_date.value_or("") << "\n";
        }
        if (j) { out["progress"] = prog; out["problems"] = probs; }
    } else if (kind == Kind::Renovation) {
        Renovation r = find_renovation(*db, ref);
        if (j) { out["id"] = r.id; out["uid"] = r.uid; out["version"] = r.version; }
        else std::cout << "id\t" << r.id << "\nuid\t" << r.uid << "\nversion\t" << r.version << "\n";
        print_fields(with_names(*db, db::RenovationRepository::fields(r)), j);
    } else {
        Deal d = find_deal(*db, ref);
        if (j) { out["id"] = d.id; out["uid"] = d.uid; out["version"] = d.version; }
        else std::cout << "id\t" << d.id << "\nuid\t" << d.uid << "\nversion\t" << d.version << "\n";
        print_fields(with_names(*db, db::DealRepository::fields(d)), j);
        json funds = json::array();
        if (!j && !d.funds.empty()) std::cout << "\n到位资金\t金额\t币种\t汇率\t折合人民币（万元）\t备注\n";
        for (const auto& f : d.funds) {
            if (j) {
                json fj = json::object();
                for (const auto& [k, v] : db::DealRepository::funds_fields(f)) fj[k] = v;
                fj["id"] = f.id;
                fj["amount_cny_fen"] = f.amount_cny.fen;
                funds.push_back(fj);
            } else {
                std::cout << f.date << "\t" << format_wan(Money{f.amount}) << "\t" << currency_code(f.currency) << "\t"
                          << db::rate_text(f.rate_micro) << "\t" << format_wan(f.amount_cny) << "\t" << f.notes << "\n";
            }
        }
        json notes = json::array();
        if (!j && !d.followups.empty()) std::cout << "\n跟进日期\t记录人\t内容\n";
        for (const auto& f : d.followups) {
            if (j) notes.push_back({{"id", f.id}, {"date", f.date}, {"author", f.author}, {"note", f.note}});
            else std::cout << f.date << "\t" << f.author << "\t" << f.note << "\n";
        }
        if (j) { out["funds"] = funds; out["followups"] = notes; }
    }
    if (j) std::cout << out.dump(1) << "\n";
}

// ---- add / set -------------------------------------------------------------------------------
void run_add(CliContext& ctx, const std::string& kind_text, const std::vector<std::string>& args, bool as_json) {
    auto db = ctx.open();
    auto fields = parse_assignments(args);
    std::int64_t id = 0;
    std::string uid, label;
    switch (parse_kind(kind_text)) {
        case Kind::Project: {
            Project p;
            apply_project_fields(*db, p, fields);
            id = db::ProjectRepository(*db).insert(p);
            uid = p.uid;
            label = "项目「" + p.name + "」";
            break;
        }
        case Kind::Renovation: {
            Renovation r;
            apply_renovation_fields(*db, r, fields);
            id = db::RenovationRepository(*db).insert(r);
            uid = r.uid;
            label = "技改项目「" + r.name + "」";
            break;
        }
        case Kind::Deal: {
            Deal d;
            apply_deal_fields(*db, d, fields);
            id = db::DealRepository(*db).insert(d);
            uid = d.uid;
            label = "招商项目「" + d.name + "」";
            break;
        }
    }
    if (as_json) std::cout << json{{"id", id}, {"uid", uid}}.dump() << "\n";
    else std::cout << "已添加" << label << "，编号 " << id << "\n";
}

void run_set(CliContext& ctx, const std::string& kind_text, const std::string& ref,
             const std::vector<std::string>& args, const std::string& reason) {
    auto db = ctx.open();
    auto fields = parse_assignments(args);
    if (fields.empty()) throw ValidationError("没有要修改的字段（用 字段=值，例如 stage=续建）");
    std::string label;
    switch (parse_kind(kind_text)) {
        case Kind::Project: {
            Project p = find_project(*db, ref);
            apply_project_fields(*db, p, fields);
            db::ProjectRepository(*db).update(p, reason);
            label = "项目「" + p.name + "」（编号 " + std::to_string(p.id) + "）";
            break;
        }
        case Kind::Renovation: {
            Renovation r = find_renovation(*db, ref);
            apply_renovation_fields(*db, r, fields);
            db::RenovationRepository(*db).update(r, reason);
            label = "技改项目「" + r.name + "」（编号 " + std::to_string(r.id) + "）";
            break;
        }
        case Kind::Deal: {
            Deal d = find_deal(*db, ref);
            apply_deal_fields(*db, d, fields);
            db::DealRepository(*db).update(d, reason);
            label = "招商项目「" + d.name + "」（编号 " + std::to_string(d.id) + "）";
            break;
        }
    }
    std::cout << "已修改" << label << "\n";
}

// ---- progress --------------------------------------------------------------------------------
struct ProgressOptions {
    std::string kind = "project", record, period, completed;
    bool ytd = false;
    std::optional<std::string> image, problems;
};

void run_progress(CliContext& ctx, const ProgressOptions& o) {
    auto db = ctx.open();
    auto per = parse_period(o.period);
    if (!per) throw ValidationError("期间“" + o.period + "”格式不对，应为 YYYY-MM，例如 2017-06");
    Money amount = parse_wan_field(o.ytd ? "completed_ytd" : "completed_month", o.completed);
    Kind kind = parse_kind(o.kind);
    if (kind == Kind::Project) {
        Project p = find_project(*db, o.record);
        db::ProjectRepository repo(*db);
        ProgressEntry e;
        e.project_id = p.id;
        e.year = per->year;
        e.month = per->month;
        if (auto old = repo.progress_at(p.id, per->year, per->month)) {
            e.image_progress = old->image_progress;
            e.problems = old->problems;
        }
        if (o.image) e.image_progress = *o.image;
        if (o.problems) e.problems = *o.problems;
        (o.ytd ? e.completed_ytd : e.completed_month) = amount;
        repo.set_progress(e, o.ytd);
        auto stored = repo.progress_at(p.id, per->year, per->month);
        std::cout << "项目「" << p.name << "」" << per->key() << "：本月完成 " << format_wan(stored->completed_month)
                  << " 万元，1-" << per->month << "月累计 " << format_wan(stored->completed_ytd) << " 万元\n";
    } else if (kind == Kind::Renovation) {
        Renovation r = find_renovation(*db, o.record);
        db::RenovationRepository repo(*db);
        RenovationProgress e{r.id, per->year, per->month, {}, {}};
        (o.ytd ? e.completed_ytd : e.completed_month) = amount;
        repo.set_progress(e, o.ytd);
        for (const auto& s : repo.progress(r.id, per->year))
            if (s.month == per->month)
                std::cout << "技改项目「" << r.name << "」" << per->key() << "：本月完成 " << format_wan(s.completed_month)
                          << " 万元，1-" << per->month << "月累计 " << format_wan(s.completed_ytd) << " 万元\n";
    } else {
        throw ValidationError("招商项目没有月度调度，到位资金请用 `funds` 命令");
    }
}

// ---- check -----------------------------------------------------------------------------------
void run_check(CliContext& ctx, bool as_json) {
    auto db = ctx.open(false, true);
    auto s = db::check_ledger(*db);
    if (as_json) {
        json f = json::array();
        for (const auto& x : s.findings)
            f.push_back({{"table", x.table}, {"record_id", x.record_id}, {"record", x.record}, {"field", x.field},
                         {"reason", x.reason}});
        std::cout << json{{"clean", s.clean()}, {"projects", s.projects}, {"progress_rows", s.progress_rows},
                          {"renovations", s.renovations}, {"deals", s.deals}, {"problems", s.problems},
                          {"targets", s.targets}, {"findings", f}}.dump(1)
                  << "\n";
    } else {
        for (const auto& x : s.findings)
            std::cout << x.record << (x.field.empty() ? "" : " " + x.field) << "：" << x.reason << "\n";
        std::cout << "检查了 项目 " << s.projects << " 个（月度调度 " << s.progress_rows << " 条），技改项目 "
                  << s.renovations << " 个，招商项目 " << s.deals << " 个，存在问题 " << s.problems << " 条，年度目标 "
                  << s.targets << " 条：";
        if (s.clean()) std::cout << "没有发现问题。\n";
        else std::cout << "发现 " << s.findings.size() << " 处问题。\n";
    }
    if (!s.clean()) throw ExitWith{kExitFindings};
}

// ---- dict ------------------------------------------------------------------------------------
void run_dict_list(CliContext& ctx, const std::string& what, bool as_json) {
    auto db = ctx.open(false, true);
    db::DictionaryRepository dict(*db);
    auto kind = db::parse_dictionary_kind(what);
    if (!kind) throw ValidationError("词典“" + what + "”无效，应为 regions、zones、industries 或 categories");
    json arr = json::array();
    switch (*kind) {
        case db::DictionaryKind::Regions:
            for (const auto& r : dict.regions()) {
                if (as_json) arr.push_back({{"id", r.id}, {"uid", r.uid}, {"code", r.code}, {"name", r.name}, {"kind", r.kind}});
                else std::cout << r.id << "\t" << r.code << "\t" << r.name << "\t" << r.kind << "\n";
            }
            break;
        case db::DictionaryKind::Zones: {
            for (const auto& z : dict.zones()) {
                std::string region = dict.region(z.region_id) ? dict.region(z.region_id)->name : "";
                if (as_json) arr.push_back({{"id", z.id}, {"uid", z.uid}, {"name", z.name}, {"region_id", z.region_id},
                                            {"region", region}, {"level", z.level}});
                else std::cout << z.id << "\t" << z.name << "\t" << region << "\t" << z.level << "\n";
            }
            break;
        }
        case db::DictionaryKind::Industries:
            for (const auto& i : dict.industries()) {
                if (as_json) arr.push_back({{"id", i.id}, {"uid", i.uid}, {"code", i.code}, {"name", i.name}});
                else std::cout << i.id << "\t" << i.code << "\t" << i.name << "\n";
            }
            break;
        case db::DictionaryKind::Categories:
            for (const auto& c : dict.categories()) {
                if (as_json) arr.push_back({{"id", c.id}, {"uid", c.uid}, {"name", c.name}, {"group", c.group_name},
                                            {"strategic_emerging", c.strategic_emerging}});
                else std::cout << c.id << "\t" << c.name << "\t" << c.group_name << "\t"
                               << (c.strategic_emerging ? "战略性新兴产业" : "") << "\n";
            }
            break;
    }
    if (as_json) std::cout << arr.dump(1) << "\n";
}

struct DictAddOptions {
    std::string what, name, region, code, group, level;
    bool strategic = false;
};

void run_dict_add(CliContext& ctx, const DictAddOptions& o) {
    auto db = ctx.open();
    db::DictionaryRepository dict(*db);
    auto kind = db::parse_dictionary_kind(o.what);
    if (!kind) throw ValidationError("词典“" + o.what + "”无效，应为 regions、zones、industries 或 categories");
    std::int64_t id = 0;
    switch (*kind) {
        case db::DictionaryKind::Regions: {
            Region r;
            r.name = o.name;
            r.code = o.code;
            id = dict.add_region(r);
            break;
        }
        case db::DictionaryKind::Zones: {
            Zone z;
            z.name = o.name;
            if (o.region.empty()) throw ValidationError("字段 region_id：添加开发区须用 --region 指定所在县市区");
            z.region_id = resolve_region(*db, o.region, "region_id");
            if (!o.level.empty()) z.level = o.level;
            id = dict.add_zone(z);
            break;
        }
        case db::DictionaryKind::Industries: {
            Industry i;
            i.name = o.name;
            i.code = o.code;
            id = dict.add_industry(i);
            break;
        }
        case db::DictionaryKind::Categories: {
            Category c;
            c.name = o.name;
            c.group_name = o.group.empty() ? (o.strategic ? "战略性新兴产业" : "其他") : o.group;
            c.strategic_emerging = o.strategic || c.group_name == "战略性新兴产业";
            id = dict.add_category(c);
            break;
        }
    }
    std::cout << "已添加“" << o.name << "”，编号 " << id << "\n";
}

void run_dict_rename(CliContext& ctx, const std::string& what, const std::string& ref, const std::string& new_name) {
    auto db = ctx.open();
    db::DictionaryRepository dict(*db);
    auto kind = db::parse_dictionary_kind(what);
    if (!kind) throw ValidationError("词典“" + what + "”无效，应为 regions、zones、industries 或 categories");
    std::optional<std::int64_t> id;
    if (all_digits(ref) && ref.size() < 6) id = std::stoll(ref);
    else {
        switch (*kind) {
            case db::DictionaryKind::Regions: if (auto r = dict.find_region(ref)) id = r->id; break;
            case db::DictionaryKind::Zones: if (auto z = dict.find_zone(ref)) id = z->id; break;
            case db::DictionaryKind::Industries: if (auto i = dict.find_industry(ref)) id = i->id; break;
            case db::DictionaryKind::Categories: if (auto c = dict.find_category(ref)) id = c->id; break;
        }
    }
    if (!id) throw NotFoundError("词典 " + what + " 中没有“" + ref + "”");
    dict.rename(*kind, *id, new_name);
    std::cout << "已改名为“" << new_name << "”\n";
}

// ---- target ----------------------------------------------------------------------------------
struct TargetOptions {
    int year = 0;
    std::string region, zone;
    std::optional<int> projects, renovations;
    std::optional<std::string> investment, signed_amount, funds, foreign_usd;
};

void run_target_set(CliContext& ctx, const TargetOptions& o) {
    auto db = ctx.open();
    db::TargetRepository repo(*db);
    AnnualTarget t;
    t.year = o.year;
    if (!o.region.empty()) t.region_id = resolve_region(*db, o.region, "region_id");
    if (!o.zone.empty()) t.zone_id = resolve_zone(*db, o.zone, "zone_id");
    if (t.region_id && t.zone_id) throw ValidationError("字段 region_id：--region 与 --zone 只能给一个");
    if (!t.region_id && !t.zone_id) throw ValidationError("字段 region_id：须用 --region 或 --zone 指定目标所属单位");
    if (auto old = t.region_id ? repo.for_region(t.year, t.region_id) : repo.for_zone(t.year, t.zone_id)) t = *old;
    if (o.projects) t.projects_count = *o.projects;
    if (o.renovations) t.renovation_count = *o.renovations;
    if (o.investment) t.investment_fen = parse_wan_field("investment", *o.investment).fen;
    if (o.signed_amount) t.signed_amount_fen = parse_wan_field("signed_amount", *o.signed_amount).fen;
    if (o.funds) t.funds_in_place_fen = parse_wan_field("funds_in_place", *o.funds).fen;
    if (o.foreign_usd) {
        auto usd = parse_usd_wan(*o.foreign_usd);
        if (!usd) throw ValidationError("字段 foreign_capital_usd：金额“" + *o.foreign_usd + "”无法识别（单位万美元）");
        t.foreign_capital_usd_cents = usd->cents;
    }
    repo.set(t);
    std::cout << "已设置 " << t.year << " 年度目标（编号 " << t.id << "）\n";
}

void run_target_list(CliContext& ctx, int year, bool as_json) {
    auto db = ctx.open(false, true);
    db::DictionaryRepository dict(*db);
    json arr = json::array();
    if (!as_json) std::cout << "单位\t亿元以上项目\t完成投资（万元）\t技改项目\t签约额（万元）\t到位资金（万元）\t利用外资（万美元）\n";
    for (const auto& t : db::TargetRepository(*db).list(year)) {
        std::string unit = t.region_id ? dict.region(t.region_id)->name : dict.zone(t.zone_id)->name;
        if (as_json)
            arr.push_back({{"id", t.id}, {"year", t.year}, {"unit", unit}, {"region_id", t.region_id}, {"zone_id", t.zone_id},
                           {"projects_count", t.projects_count}, {"investment_fen", t.investment_fen},
                           {"renovation_count", t.renovation_count}, {"signed_amount_fen", t.signed_amount_fen},
                           {"funds_in_place_fen", t.funds_in_place_fen},
                           {"foreign_capital_usd_cents", t.foreign_capital_usd_cents}});
        else
            std::cout << unit << "\t" << t.projects_count << "\t" << format_wan(Money{t.investment_fen}) << "\t"
                      << t.renovation_count << "\t" << format_wan(Money{t.signed_amount_fen}) << "\t"
                      << format_wan(Money{t.funds_in_place_fen}) << "\t"
                      << format_usd_wan(UsdMoney{t.foreign_capital_usd_cents}) << "\n";
    }
    if (as_json) std::cout << arr.dump(1) << "\n";
}

}  // namespace

void register_ledger_commands(CLI::App& app, CliContext& ctx) {
    {
        auto* cmd = app.add_subcommand("init", "创建台账数据库并填入词典（默认廊坊市的县市区、开发区、行业、产业类别）");
        auto file = std::make_shared<std::string>();
        cmd->add_option("--dictionary", *file, "词典文件（JSON，格式同 data/dictionaries/langfang.json）");
        cmd->callback([&ctx, file] {
            auto db = ctx.open(true);
            std::optional<std::filesystem::path> f;
            if (!file->empty()) f = *file;
            db::seed_dictionaries_from(*db, f);
            db::DictionaryRepository dict(*db);
            std::cout << "数据库已就绪：" << ctx.resolved_db_path().string() << "（县市区 " << dict.regions().size()
                      << " 个，开发区 " << dict.zones().size() << " 个，行业 " << dict.industries().size()
                      << " 个，产业类别 " << dict.categories().size() << " 个）\n";
        });
    }
    {
        auto* cmd = app.add_subcommand("list", "列出项目：list projects|renovations|deals");
        auto o = std::make_shared<ListOptions>();
        cmd->add_option("what", o->what, "projects、renovations 或 deals")->required();
        cmd->add_option("--region", o->region, "县市区（名称、区划代码或编号）");
        cmd->add_option("--zone", o->zone, "开发区（名称或编号）");
        cmd->add_option("--stage", o->stage, "阶段，例如 续建");
        cmd->add_option("--search", o->search, "名称、建设单位或代码中包含的文字");
        cmd->add_option("--limit", o->limit, "最多列出的条数");
        cmd->add_flag("--json", o->json, "输出 JSON（金额同时给出万元文本和分为单位的整数）");
        cmd->callback([&ctx, o] { run_list(ctx, *o); });
    }
    {
        auto* cmd = app.add_subcommand("show", "显示一条记录：项目（编号或项目代码）、技改项目、招商项目");
        auto kind = std::make_shared<std::string>("project");
        auto ref = std::make_shared<std::string>();
        auto as_json = std::make_shared<bool>(false);
        cmd->add_option("--kind", *kind, "project（默认）、renovation 或 deal");
        cmd->add_option("id", *ref, "编号、项目代码（技改：备案号）或名称")->required();
        cmd->add_flag("--json", *as_json, "输出 JSON");
        cmd->callback([&ctx, kind, ref, as_json] { run_show(ctx, *kind, *ref, *as_json); });
    }
    {
        auto* cmd = app.add_subcommand("add", "添加记录：add project --name 名称 --region 县市区 [字段=值 ...]");
        cmd->allow_extras();
        auto kind = std::make_shared<std::string>();
        auto as_json = std::make_shared<bool>(false);
        cmd->add_option("kind", *kind, "project、renovation 或 deal")->required();
        cmd->add_flag("--json", *as_json, "输出新记录的编号和 uid（JSON）");
        cmd->callback([&ctx, cmd, kind, as_json] { run_add(ctx, *kind, cmd->remaining(), *as_json); });
    }
    {
        auto* cmd = app.add_subcommand("set", "修改记录：set 编号 字段=值 ...（金额单位万元）");
        cmd->allow_extras();
        auto kind = std::make_shared<std::string>("project");
        auto ref = std::make_shared<std::string>();
        auto reason = std::make_shared<std::string>();
        cmd->add_option("--kind", *kind, "project（默认）、renovation 或 deal");
        cmd->add_option("--reason", *reason, "修改原因（记入操作日志）");
        cmd->add_option("id", *ref, "编号、项目代码或名称")->required();
        cmd->callback([&ctx, cmd, kind, ref, reason] { run_set(ctx, *kind, *ref, cmd->remaining(), *reason); });
    }
    {
        auto* cmd = app.add_subcommand("progress", "月度调度：progress 项目 YYYY-MM --completed 金额 [--ytd]");
        auto o = std::make_shared<ProgressOptions>();
        auto image = std::make_shared<std::string>();
        auto problems = std::make_shared<std::string>();
        cmd->add_option("--kind", o->kind, "project（默认）或 renovation");
        cmd->add_option("record", o->record, "项目编号、项目代码或名称")->required();
        cmd->add_option("period", o->period, "月份 YYYY-MM")->required();
        cmd->add_option("--completed", o->completed, "完成投资（万元）：本月数，或加 --ytd 为1-N月累计数")->required();
        cmd->add_flag("--ytd", o->ytd, "--completed 是1-N月累计数");
        auto* img = cmd->add_option("--image", *image, "形象进度");
        auto* prb = cmd->add_option("--problems", *problems, "存在问题");
        cmd->callback([&ctx, o, image, problems, img, prb] {
            if (img->count()) o->image = *image;
            if (prb->count()) o->problems = *problems;
            run_progress(ctx, *o);
        });
    }
    {
        auto* cmd = app.add_subcommand("check", "检查数据库：完整性、外键、每条记录的校验规则、累计数逐月不减（有问题时退出码 3）");
        auto as_json = std::make_shared<bool>(false);
        cmd->add_flag("--json", *as_json, "输出 JSON");
        cmd->callback([&ctx, as_json] { run_check(ctx, *as_json); });
    }
    {
        auto* dict = app.add_subcommand("dict", "词典：县市区、开发区、行业、产业类别");
        dict->require_subcommand(1);
        auto* list = dict->add_subcommand("list", "列出词典：dict list regions|zones|industries|categories");
        auto what = std::make_shared<std::string>();
        auto as_json = std::make_shared<bool>(false);
        list->add_option("what", *what, "regions、zones、industries 或 categories")->required();
        list->add_flag("--json", *as_json, "输出 JSON");
        list->callback([&ctx, what, as_json] { run_dict_list(ctx, *what, *as_json); });

        auto* add = dict->add_subcommand("add", "添加词条：dict add zones 名称 --region 县市区");
        auto o = std::make_shared<DictAddOptions>();
        add->add_option("what", o->what, "regions、zones、industries 或 categories")->required();
        add->add_option("name", o->name, "名称")->required();
        add->add_option("--region", o->region, "开发区所在县市区");
        add->add_option("--code", o->code, "区划代码（县市区）或行业门类代码（行业）");
        add->add_option("--group", o->group, "产业大类：战略性新兴产业、现代服务业、传统产业、现代农业、其他");
        add->add_option("--level", o->level, "开发区级别：国家级、省级、市级、其他");
        add->add_flag("--strategic", o->strategic, "属于战略性新兴产业");
        add->callback([&ctx, o] { run_dict_add(ctx, *o); });

        auto* ren = dict->add_subcommand("rename", "改名：dict rename zones 旧名称或编号 新名称（记录按编号引用，历史不变）");
        auto rw = std::make_shared<std::string>(), rref = std::make_shared<std::string>(),
             rnew = std::make_shared<std::string>();
        ren->add_option("what", *rw, "regions、zones、industries 或 categories")->required();
        ren->add_option("entry", *rref, "现名称或编号")->required();
        ren->add_option("new_name", *rnew, "新名称")->required();
        ren->callback([&ctx, rw, rref, rnew] { run_dict_rename(ctx, *rw, *rref, *rnew); });
    }
    {
        auto* target = app.add_subcommand("target", "年度目标：target set|list");
        target->require_subcommand(1);
        auto* set = target->add_subcommand("set", "设置年度目标：target set 2017 --region 固安县 --projects 120 --investment 3000000");
        auto o = std::make_shared<TargetOptions>();
        set->add_option("year", o->year, "年份")->required();
        set->add_option("--region", o->region, "县市区");
        set->add_option("--zone", o->zone, "开发区");
        set->add_option("--projects", o->projects, "实施亿元以上项目个数");
        set->add_option("--investment", o->investment, "完成投资（万元）");
        set->add_option("--renovations", o->renovations, "技改项目个数");
        set->add_option("--signed", o->signed_amount, "签约额（万元）");
        set->add_option("--funds", o->funds, "到位资金（万元）");
        set->add_option("--foreign-usd", o->foreign_usd, "实际利用外资（万美元）");
        set->callback([&ctx, o] { run_target_set(ctx, *o); });
        auto* list = target->add_subcommand("list", "列出某年的年度目标");
        auto year = std::make_shared<int>(0);
        auto as_json = std::make_shared<bool>(false);
        list->add_option("year", *year, "年份")->required();
        list->add_flag("--json", *as_json, "输出 JSON");
        list->callback([&ctx, year, as_json] { run_target_list(ctx, *year, *as_json); });
    }
    {
        auto* cmd = app.add_subcommand("funds", "登记到位资金：funds 招商项目 YYYY-MM-DD --amount 金额 [--currency USD --rate 6.85]");
        auto ref = std::make_shared<std::string>(), date = std::make_shared<std::string>(),
             amount = std::make_shared<std::string>(), currency = std::make_shared<std::string>("CNY"),
             rate = std::make_shared<std::string>(), notes = std::make_shared<std::string>();
        cmd->add_option("deal", *ref, "招商项目编号或名称")->required();
        cmd->add_option("date", *date, "到位日期 YYYY-MM-DD")->required();
        cmd->add_option("--amount", *amount, "金额（万元；美元为万美元）")->required();
        cmd->add_option("--currency", *currency, "CNY（默认）或 USD");
        cmd->add_option("--rate", *rate, "汇率（1 美元合人民币元，例如 6.8512）");
        cmd->add_option("--notes", *notes, "备注");
        cmd->callback([&ctx, ref, date, amount, currency, rate, notes] {
            auto db = ctx.open();
            Deal d = find_deal(*db, *ref);
            FundsInPlace f;
            f.date = *date;
            auto c = db::parse_currency(*currency);
            if (!c) throw ValidationError("字段 currency：“" + *currency + "”应为 CNY 或 USD");
            f.currency = *c;
            f.amount = parse_wan_field("amount", *amount).fen;
            if (f.currency == Currency::USD) {
                auto r = db::parse_rate(*rate);
                if (!r) throw ValidationError("字段 rate_micro：美元到位资金须用 --rate 给出汇率（例如 6.8512）");
                f.rate_micro = *r;
            }
            f.notes = *notes;
            db::DealRepository(*db).add_funds(d.id, f);
            std::cout << "已登记招商项目「" << d.name << "」到位资金 " << format_wan(f.amount_cny) << " 万元\n";
        });
    }
    {
        auto* cmd = app.add_subcommand("problem", "存在问题（交办→督办→销号）：problem add|set|list");
        cmd->require_subcommand(1);
        auto* add = cmd->add_subcommand("add", "交办问题：problem add 项目 描述 [--owner-unit 责任单位] [--assigned YYYY-MM-DD]");
        auto ref = std::make_shared<std::string>(), text = std::make_shared<std::string>(),
             unit = std::make_shared<std::string>(), assigned = std::make_shared<std::string>();
        add->add_option("project", *ref, "项目编号、项目代码或名称")->required();
        add->add_option("description", *text, "问题描述")->required();
        add->add_option("--owner-unit", *unit, "责任单位");
        add->add_option("--assigned", *assigned, "交办日期 YYYY-MM-DD");
        add->callback([&ctx, ref, text, unit, assigned] {
            auto db = ctx.open();
            Project p = find_project(*db, *ref);
            Problem pb;
            pb.project_id = p.id;
            pb.description = *text;
            pb.owner_unit = *unit;
            if (!assigned->empty()) pb.assigned_date = *assigned;
            db::ProjectRepository(*db).add_problem(pb);
            std::cout << "已交办项目「" << p.name << "」的问题，编号 " << pb.id << "\n";
        });
        auto* set = cmd->add_subcommand("set", "修改问题：problem set 编号 status=督办 supervised_date=2017-05-01 ...");
        set->allow_extras();
        auto id = std::make_shared<std::int64_t>(0);
        set->add_option("id", *id, "问题编号")->required();
        set->callback([&ctx, set, id] {
            auto db = ctx.open();
            SQLite::Statement q(db->sql(), "SELECT project_id FROM problems WHERE id = ?");
            q.bind(1, static_cast<int64_t>(*id));
            if (!q.executeStep()) throw NotFoundError("存在问题（编号 " + std::to_string(*id) + "）不存在");
            db::ProjectRepository repo(*db);
            std::optional<Problem> pb;
            for (auto& x : repo.problems(q.getColumn(0).getInt64()))
                if (x.id == *id) pb = x;
            auto opt = [](const std::string& v) { return v.empty() ? std::optional<std::string>() : v; };
            for (const auto& [field, value] : parse_assignments(set->remaining())) {
                if (field == "description") pb->description = value;
                else if (field == "owner_unit") pb->owner_unit = value;
                else if (field == "status") pb->status = value;
                else if (field == "assigned_date") pb->assigned_date = opt(value);
                else if (field == "supervised_date") pb->supervised_date = opt(value);
                else if (field == "closed_date") pb->closed_date = opt(value);
                else if (field == "notes") pb->notes = value;
                else throw ValidationError("字段 " + field + "：存在问题没有这个字段。可用字段：description owner_unit "
                                           "status assigned_date supervised_date closed_date notes");
            }
            repo.update_problem(*pb);
            std::cout << "已修改存在问题（编号 " << *id << "），状态：" << pb->status << "\n";
        });
        auto* list = cmd->add_subcommand("list", "列出项目的存在问题");
        auto lref = std::make_shared<std::string>();
        auto as_json = std::make_shared<bool>(false);
        list->add_option("project", *lref, "项目编号、项目代码或名称")->required();
        list->add_flag("--json", *as_json, "输出 JSON");
        list->callback([&ctx, lref, as_json] {
            auto db = ctx.open(false, true);
            Project p = find_project(*db, *lref);
            json arr = json::array();
            if (!*as_json) std::cout << "编号\t问题\t责任单位\t状态\t交办\t督办\t销号\n";
            for (const auto& pb : db::ProjectRepository(*db).problems(p.id)) {
                if (*as_json)
                    arr.push_back({{"id", pb.id}, {"uid", pb.uid}, {"description", pb.description},
                                   {"owner_unit", pb.owner_unit}, {"status", pb.status},
                                   {"assigned_date", pb.assigned_date.value_or("")},
                                   {"supervised_date", pb.supervised_date.value_or("")},
                                   {"closed_date", pb.closed_date.value_or("")}, {"version", pb.version}});
                else
                    std::cout << pb.id << "\t" << pb.description << "\t" << pb.owner_unit << "\t" << pb.status << "\t"
                              << pb.assigned_date.value_or("") << "\t" << pb.supervised_date.value_or("") << "\t"
                              << pb.closed_date.value_or("") << "\n";
            }
            if (*as_json) std::cout << arr.dump(1) << "\n";
        });
    }
    {
        auto* cmd = app.add_subcommand("followup", "记录招商项目跟进：followup 招商项目 YYYY-MM-DD 内容");
        auto ref = std::make_shared<std::string>(), date = std::make_shared<std::string>(),
             note = std::make_shared<std::string>(), author = std::make_shared<std::string>();
        cmd->add_option("deal", *ref, "招商项目编号或名称")->required();
        cmd->add_option("date", *date, "日期 YYYY-MM-DD")->required();
        cmd->add_option("note", *note, "跟进内容")->required();
        cmd->add_option("--author", *author, "记录人");
        cmd->callback([&ctx, ref, date, note, author] {
            auto db = ctx.open();
            Deal d = find_deal(*db, *ref);
            FollowUp f{0, "", *date, author->empty() ? db->user() : *author, *note};
            db::DealRepository(*db).add_followup(d.id, f);
            std::cout << "已记录招商项目「" << d.name << "」的跟进\n";
        });
    }
}

}  // namespace il::cli
