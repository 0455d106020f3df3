// The ledger subcommands: init, list, show, add, set, progress, check (dict, target, funds,
// followup and problem are in cli/ledger_more_commands.cpp). Amounts on the command line are
// 万元 (万美元 for USD). Every write goes through the core repositories, so it is validated and
// atomic: on error the database is left unchanged.
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/cli_context.h"
#include "cli/period_option.h"
#include "cli/ledger_lookup.h"
#include "core/db/problem_repository.h"
#include "core/db/deal_repository.h"
#include "core/db/dictionary_reference.h"
#include "core/db/dictionary_repository.h"
#include "core/db/dictionary_seed.h"
#include "core/db/record_warnings.h"
#include "core/db/ledger_check.h"
#include "core/db/project_repository.h"
#include "core/db/renovation_repository.h"
#include "core/db/sql_util.h"
#include "core/import/text_norm.h"
#include "core/model/field_text.h"
#include "core/model/period.h"
#include "core/util/utf8_path.h"

#ifdef _WIN32
#include <io.h>
#define IL_ISATTY(fd) _isatty(fd)
#else
#include <unistd.h>
#define IL_ISATTY(fd) isatty(fd)
#endif

namespace il::cli {
namespace {

using nlohmann::json;

// The warnings stored on a record (missing information), as a list and as one line.
json warning_list(const std::map<std::int64_t, std::string>& all, std::int64_t id) {
    json out = json::array();
    auto it = all.find(id);
    if (it == all.end()) return out;
    std::size_t start = 0;
    const std::string& t = it->second;
    while (start <= t.size()) {
        std::size_t nl = t.find('\n', start);
        out.push_back(t.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
        if (nl == std::string::npos) break;
        start = nl + 1;
    }
    return out;
}
std::string warning_line(const std::map<std::int64_t, std::string>& all, std::int64_t id) {
    auto it = all.find(id);
    if (it == all.end()) return {};
    std::string s = it->second;
    for (std::size_t p = 0; (p = s.find('\n', p)) != std::string::npos;) s.replace(p, 1, "；");
    return s;
}

std::string wan2(Money m) { return format_wan(m, false); }
json id_or_null(std::int64_t id) { return id ? json(id) : json(nullptr); }

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
    if (!o.region.empty()) region = db::resolve_region(*db, o.region, "--region");
    if (!o.zone.empty()) zone = db::resolve_zone(*db, o.zone, "--zone");
    std::optional<std::string> stage;
    if (!o.stage.empty()) stage = o.stage;
    std::optional<int> limit;
    if (o.limit > 0) limit = o.limit;
    json arr = json::array();
    Kind kind = parse_kind(o.what);
    if (kind == Kind::Project) {
        db::ProjectFilter f{region, zone, std::nullopt, stage, std::nullopt, o.search, limit};
        auto rows = db::ProjectRepository(*db).list(f);
        auto warnings = db::stored_warnings(*db, "projects");
        if (!o.json) std::cout << "编号\t项目代码\t项目名称\t建设单位\t县市区\t开发区\t产业类别\t阶段\t级别\t总投资（万元）\t资料不全\n";
        for (const auto& r : rows) {
            if (o.json) {
                arr.push_back({{"id", r.id}, {"uid", r.uid}, {"code", r.code}, {"name", r.name}, {"owner", r.owner},
                               {"region", r.region}, {"zone", r.zone}, {"category", r.category}, {"stage", r.stage},
                               {"region_id", r.region_id}, {"zone_id", id_or_null(r.zone_id)},
                               {"category_id", id_or_null(r.category_id)},
                               {"level", r.level}, {"nature", r.nature},
                               {"total_investment_wan", wan2(r.total_investment)},
                               {"total_investment_fen", r.total_investment.fen},
                               {"warnings", warning_list(warnings, r.id)}});
            } else {
                std::cout << r.id << "\t" << r.code << "\t" << r.name << "\t" << r.owner << "\t" << r.region << "\t"
                          << r.zone << "\t" << r.category << "\t" << r.stage << "\t" << r.level << "\t"
                          << format_wan(r.total_investment) << "\t" << warning_line(warnings, r.id) << "\n";
            }
        }
    } else if (kind == Kind::Renovation) {
        db::RenovationFilter f{region, zone, stage, std::nullopt, o.search, limit};
        auto rows = db::RenovationRepository(*db).list(f);
        auto warnings = db::stored_warnings(*db, "renovations");
        if (!o.json) std::cout << "编号\t备案号\t企业\t项目名称\t县市区\t开发区\t类型\t阶段\t入统\t总投资（万元）\t设备投资（万元）\t资料不全\n";
        for (const auto& r : rows) {
            if (o.json) {
                arr.push_back({{"id", r.id}, {"uid", r.uid}, {"enterprise", r.enterprise}, {"name", r.name},
                               {"filing_number", r.filing_number}, {"region", r.region}, {"zone", r.zone},
                               {"region_id", r.region_id}, {"zone_id", id_or_null(r.zone_id)},
                               {"kind", r.kind}, {"stage", r.stage}, {"in_statistics", r.in_statistics},
                               {"total_investment_wan", wan2(r.total_investment)},
                               {"total_investment_fen", r.total_investment.fen},
                               {"equipment_investment_wan", wan2(r.equipment_investment)},
                               {"equipment_investment_fen", r.equipment_investment.fen},
                               {"warnings", warning_list(warnings, r.id)}});
            } else {
                std::cout << r.id << "\t" << r.filing_number << "\t" << r.enterprise << "\t" << r.name << "\t"
                          << r.region << "\t" << r.zone << "\t" << r.kind << "\t" << r.stage << "\t"
                          << (r.in_statistics ? "是" : "否") << "\t" << format_wan(r.total_investment) << "\t"
                          << format_wan(r.equipment_investment) << "\t" << warning_line(warnings, r.id) << "\n";
            }
        }
    } else {
        db::DealFilter f{region, zone, stage, std::nullopt, o.search, limit};
        auto rows = db::DealRepository(*db).list(f);
        auto warnings = db::stored_warnings(*db, "deals");
        if (!o.json) std::cout << "编号\t项目名称\t投资方\t来源地\t县市区\t开发区\t阶段\t签约日期\t签约额\t到位资金（万元）\t资料不全\n";
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
                               {"funds_usd_cents", r.funds_usd_cents},
                               {"warnings", warning_list(warnings, r.id)}});
            } else {
                std::cout << r.id << "\t" << r.name << "\t" << r.investor << "\t" << r.origin << "\t" << r.region
                          << "\t" << r.zone << "\t" << r.stage << "\t" << r.signed_date.value_or("") << "\t"
                          << format_wan(Money{r.contract_amount}) << (usd ? "万美元" : "万元") << "\t"
                          << format_wan(r.funds_cny) << "\t" << warning_line(warnings, r.id) << "\n";
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
        json prog = json::array();
        bool header = false;
        for (const auto& e : db::ProjectRepository(*db).progress_history(p.id)) {
            Period per{e.year, e.month};
            const Money m = e.completed_month, y = e.completed_ytd;
            if (j) {
                prog.push_back({{"period", per.key()}, {"completed_month_wan", wan2(m)}, {"completed_month_fen", m.fen},
                                {"completed_ytd_wan", wan2(y)}, {"completed_ytd_fen", y.fen},
                                {"image_progress", e.image_progress}, {"problems", e.problems}});
            } else {
                if (!header) std::cout << "\n月度调度\t本月完成（万元）\t累计完成（万元）\t形象进度\t存在问题\n";
                header = true;
                std::cout << per.key() << "\t" << format_wan(m) << "\t" << format_wan(y) << "\t" << e.image_progress
                          << "\t" << e.problems << "\n";
            }
        }
        json probs = json::array();
        auto problems = db::ProblemRepository(*db).for_project(p.id);
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
// A value that cannot even be read (an amount in words, an unknown zone) names the record too.
template <class Fn>
void with_record(const std::string& record, Fn fn) {
    try {
        fn();
    } catch (const ValidationError& e) {
        throw ValidationError(record + "：" + e.what());
    }
}

void run_add(CliContext& ctx, const std::string& kind_text, const std::vector<std::string>& args, bool as_json) {
    auto db = ctx.open();
    auto fields = parse_assignments(args);
    std::int64_t id = 0;
    std::string uid, label;
    switch (parse_kind(kind_text)) {
        case Kind::Project: {
            Project p;
            with_record("新项目", [&] { edit::assign_project_fields(*db, p, fields); });
            id = db::ProjectRepository(*db).insert(p);
            uid = p.uid;
            label = "项目「" + p.name + "」";
            break;
        }
        case Kind::Renovation: {
            Renovation r;
            with_record("新技改项目", [&] { edit::assign_renovation_fields(*db, r, fields); });
            id = db::RenovationRepository(*db).insert(r);
            uid = r.uid;
            label = "技改项目「" + r.name + "」";
            break;
        }
        case Kind::Deal: {
            Deal d;
            with_record("新招商项目", [&] { edit::assign_deal_fields(*db, d, fields); });
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
            with_record("项目「" + p.name + "」（编号 " + std::to_string(p.id) + "）",
                        [&] { edit::assign_project_fields(*db, p, fields); });
            db::ProjectRepository(*db).update(p, reason);
            label = "项目「" + p.name + "」（编号 " + std::to_string(p.id) + "）";
            break;
        }
        case Kind::Renovation: {
            Renovation r = find_renovation(*db, ref);
            with_record("技改项目「" + r.name + "」（编号 " + std::to_string(r.id) + "）",
                        [&] { edit::assign_renovation_fields(*db, r, fields); });
            db::RenovationRepository(*db).update(r, reason);
            label = "技改项目「" + r.name + "」（编号 " + std::to_string(r.id) + "）";
            break;
        }
        case Kind::Deal: {
            Deal d = find_deal(*db, ref);
            with_record("招商项目「" + d.name + "」（编号 " + std::to_string(d.id) + "）",
                        [&] { edit::assign_deal_fields(*db, d, fields); });
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
    const auto per = period_option(o.period);
    Money amount = parse_wan_field(o.ytd ? "completed_ytd" : "completed_month", o.completed);
    Kind kind = parse_kind(o.kind);
    if (kind == Kind::Project) {
        Project p = find_project(*db, o.record);
        db::ProjectRepository repo(*db);
        ProgressEntry e;
        e.project_id = p.id;
        e.year = per.year;
        e.month = per.month;
        if (auto old = repo.progress_at(p.id, per.year, per.month)) {
            e.image_progress = old->image_progress;
            e.problems = old->problems;
        }
        if (o.image) e.image_progress = *o.image;
        if (o.problems) e.problems = *o.problems;
        (o.ytd ? e.completed_ytd : e.completed_month) = amount;
        repo.set_progress(e, o.ytd);
        auto stored = repo.progress_at(p.id, per.year, per.month);
        std::cout << "项目「" << p.name << "」" << per.key() << "：本月完成 " << format_wan(stored->completed_month)
                  << " 万元，1-" << per.month << "月累计 " << format_wan(stored->completed_ytd) << " 万元\n";
    } else if (kind == Kind::Renovation) {
        Renovation r = find_renovation(*db, o.record);
        db::RenovationRepository repo(*db);
        RenovationProgress e{r.id, per.year, per.month, {}, {}};
        (o.ytd ? e.completed_ytd : e.completed_month) = amount;
        repo.set_progress(e, o.ytd);
        for (const auto& s : repo.progress(r.id, per.year))
            if (s.month == per.month)
                std::cout << "技改项目「" << r.name << "」" << per.key() << "：本月完成 " << format_wan(s.completed_month)
                          << " 万元，1-" << per.month << "月累计 " << format_wan(s.completed_ytd) << " 万元\n";
    } else {
        throw ValidationError("招商项目没有月度调度，到位资金请用 `funds` 命令");
    }
}

// ---- init ------------------------------------------------------------------------------------
// The office name (setting footer_unit) fills 填报单位（盖章） on every report: init takes it from
// --office, or asks for it at a terminal when none is set yet; in a script it only says so.
bool stdin_is_terminal() { return IL_ISATTY(0) != 0; }

void ask_office_name(db::Database& db, std::string name) {
    using import::trim;
    name = trim(name);
    if (name.empty() && !db.setting_or("footer_unit", "").empty()) return;
    if (name.empty() && stdin_is_terminal()) {
        std::cout << "填报单位名称（报表“填报单位（盖章）”一栏，可直接回车以后再填）：" << std::flush;
        std::getline(std::cin, name);
        name = trim(name);
    }
    if (name.empty()) {
        std::cerr << "注意：尚未设置填报单位名称，报表的“填报单位（盖章）：”将为空；"
                     "用 investledger-cli init --office 单位名称 设置。\n";
        return;
    }
    db.set_setting("footer_unit", name);
    std::cout << "填报单位：" << name << "\n";
}

// ---- check -----------------------------------------------------------------------------------
void run_check(CliContext& ctx, bool as_json) {
    auto db = ctx.open(false, true);
    auto s = db::check_ledger(*db);
    if (as_json) {
        json f = json::array();
        for (const auto& x : s.findings)
            f.push_back({{"table", x.table}, {"record_id", x.record_id}, {"record", x.record}, {"field", x.field},
                         {"reason", x.reason}, {"severity", x.warning ? "warning" : "error"}});
        json w = json::array();
        for (const auto& x : s.missing)
            w.push_back({{"table", x.table}, {"record_id", x.record_id}, {"record", x.record}, {"field", x.field},
                         {"reason", x.reason}});
        std::cout << json{{"clean", s.clean()}, {"projects", s.projects}, {"progress_rows", s.progress_rows},
                          {"renovations", s.renovations}, {"deals", s.deals}, {"problems", s.problems},
                          {"targets", s.targets}, {"findings", f}, {"missing_information", w}}.dump(1)
                  << "\n";
    } else {
        // Missing information: listed (the first 30) and counted by reason, not counted as problems
        if (!s.missing.empty()) {
            std::map<std::string, int> by_reason;
            for (const auto& x : s.missing) ++by_reason[x.reason];
            std::cout << "资料不全（提示，不算问题）" << s.missing.size() << " 处：";
            bool first = true;
            for (const auto& [reason, n] : by_reason) {
                std::cout << (first ? "" : "，") << reason << " " << n;
                first = false;
            }
            std::cout << "\n";
            std::size_t shown = 0;
            for (const auto& x : s.missing) {
                if (shown++ == 30) {
                    std::cout << "  …（其余 " << s.missing.size() - 30 << " 处略，--json 列出全部）\n";
                    break;
                }
                std::cout << "  " << x.record << "：" << x.reason << "\n";
            }
        }
        for (const auto& x : s.findings)
            std::cout << (x.warning ? "提醒：" : "") << x.record << (x.field.empty() ? "" : " " + x.field) << "："
                      << x.reason << "\n";
        std::cout << "检查了 项目 " << s.projects << " 个（月度调度 " << s.progress_rows << " 条），技改项目 "
                  << s.renovations << " 个，招商项目 " << s.deals << " 个，存在问题 " << s.problems << " 条，年度目标 "
                  << s.targets << " 条：";
        if (s.clean() && !s.warnings()) std::cout << "没有发现问题。\n";
        else {
            std::cout << (s.clean() ? std::string("没有发现错误") : "发现 " + std::to_string(s.errors()) + " 处问题");
            if (s.warnings()) std::cout << "，另有 " << s.warnings() << " 条提醒（报送前请核实）";
            std::cout << "。\n";
        }
    }
    if (!s.clean()) throw ExitWith{kExitFindings};
}

}  // namespace

void register_ledger_commands(CLI::App& app, CliContext& ctx) {
    {
        auto* cmd = app.add_subcommand("init", "创建台账数据库并填入词典（默认廊坊市的县市区、开发区、行业、产业类别）");
        auto file = std::make_shared<std::string>();
        auto office = std::make_shared<std::string>();
        cmd->add_option("--dictionary", *file, "词典文件（JSON，格式同 data/dictionaries/langfang.json）");
        cmd->add_option("--office", *office, "填报单位名称（报表“填报单位（盖章）”一栏），如 固安县投资促进局");
        cmd->callback([&ctx, file, office] {
            auto db = ctx.open(true);
            std::optional<std::filesystem::path> f;
            if (!file->empty()) f = *file;
            db::seed_dictionaries_from(*db, f);
            ask_office_name(*db, *office);
            db::DictionaryRepository dict(*db);
            std::cout << "数据库已就绪：" << il::path_utf8(ctx.resolved_db_path()) << "（县市区 " << dict.regions().size()
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
    register_ledger_more_commands(app, ctx);
}

}  // namespace il::cli
