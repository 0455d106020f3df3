// The ledger's secondary subcommands: dict (regions, zones, industries, categories), target
// (annual targets), funds and followup (招商引资), problem (存在问题).
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/ledger_lookup.h"
#include "core/db/problem_repository.h"
#include "core/db/deal_repository.h"
#include "core/db/dictionary_reference.h"
#include "core/db/dictionary_repository.h"
#include "core/db/project_repository.h"
#include "core/db/target_repository.h"
#include "core/model/field_text.h"

namespace il::cli {
namespace {
using nlohmann::json;

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
            z.region_id = db::resolve_region(*db, o.region, "region_id");
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
    if (!o.region.empty()) t.region_id = db::resolve_region(*db, o.region, "region_id");
    if (!o.zone.empty()) t.zone_id = db::resolve_zone(*db, o.zone, "zone_id");
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

void register_ledger_more_commands(CLI::App& app, CliContext& ctx) {
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
            db::ProblemRepository(*db).add(pb);
            std::cout << "已交办项目「" << p.name << "」的问题，编号 " << pb.id << "\n";
        });
        auto* set = cmd->add_subcommand("set", "修改问题：problem set 编号 status=督办 supervised_date=2017-05-01 ...");
        set->allow_extras();
        auto id = std::make_shared<std::int64_t>(0);
        set->add_option("id", *id, "问题编号")->required();
        set->callback([&ctx, set, id] {
            auto db = ctx.open();
            db::ProblemRepository repo(*db);
            std::optional<Problem> pb = repo.get(*id);
            if (!pb) throw NotFoundError("存在问题（编号 " + std::to_string(*id) + "）不存在");
            edit::assign_problem_fields(*pb, parse_assignments(set->remaining()));
            repo.update(*pb);
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
            for (const auto& pb : db::ProblemRepository(*db).for_project(p.id)) {
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
