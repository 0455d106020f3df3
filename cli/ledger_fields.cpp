#include "cli/ledger_fields.h"

#include <functional>
#include <map>

#include "core/db/deal_repository.h"
#include "core/db/dictionary_repository.h"
#include "core/db/project_repository.h"
#include "core/validate/common.h"

namespace il::cli {
namespace {

std::string normalize_name(std::string name) {
    for (char& c : name)
        if (c == '-') c = '_';
    return name;
}

bool all_digits(const std::string& s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}

[[noreturn]] void bad(const std::string& field, const std::string& reason) {
    throw ValidationError("字段 " + field + "：" + reason);
}

bool parse_bool(const std::string& field, const std::string& v) {
    if (v == "1" || v == "是" || v == "true" || v == "yes" || v == "y") return true;
    if (v == "0" || v == "否" || v == "false" || v == "no" || v == "n" || v.empty()) return false;
    bad(field, "“" + v + "”应为 是/否（或 1/0）");
}

std::optional<std::string> opt(const std::string& v) {
    if (v.empty()) return std::nullopt;
    return v;
}

int parse_year(const std::string& field, const std::string& s) {
    if (s.size() != 4 || !all_digits(s)) bad(field, "年份“" + s + "”应为四位数字");
    return std::stoi(s);
}

std::optional<std::int64_t> resolve_optional(db::Database& db, const std::string& /*field*/, const std::string& v,
                                              const std::function<std::int64_t(db::Database&, const std::string&)>& fn) {
    if (v.empty()) return std::nullopt;
    return fn(db, v);
}

std::int64_t resolve_industry(db::Database& db, const std::string& v, const std::string& field) {
    db::DictionaryRepository dict(db);
    if (auto i = dict.find_industry(v)) return i->id;
    if (all_digits(v) && dict.industry(std::stoll(v))) return std::stoll(v);
    bad(field, "未知的国民经济行业“" + v + "”（用 `dict list industries` 查看）");
}

std::int64_t resolve_category(db::Database& db, const std::string& v, const std::string& field) {
    db::DictionaryRepository dict(db);
    if (auto c = dict.find_category(v)) return c->id;
    if (all_digits(v) && dict.category(std::stoll(v))) return std::stoll(v);
    bad(field, "未知的产业类别“" + v + "”（用 `dict list categories` 查看）");
}

std::string field_list(const std::map<std::string, std::function<void(const std::string&)>>& setters,
                       const std::string& extra) {
    std::string s;
    for (const auto& [k, v] : setters) s += (s.empty() ? "" : " ") + k;
    return s + " " + extra;
}

}  // namespace

Money parse_wan_field(const std::string& field, const std::string& text) {
    auto m = parse_amount(text, AmountUnit::Wan);
    if (!m) bad(field, "金额“" + text + "”无法识别（单位万元，最多六位小数，例如 1234.56）");
    return *m;
}

FieldAssignments parse_assignments(const std::vector<std::string>& args) {
    FieldAssignments out;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string a = args[i];
        bool dashed = a.rfind("--", 0) == 0;
        if (dashed) a = a.substr(2);
        auto eq = a.find('=');
        if (eq != std::string::npos) {
            out.emplace_back(normalize_name(a.substr(0, eq)), a.substr(eq + 1));
        } else if (dashed && i + 1 < args.size()) {
            out.emplace_back(normalize_name(a), args[++i]);
        } else {
            throw ValidationError("无法理解的参数“" + args[i] + "”，应为 字段=值（例如 stage=续建）");
        }
    }
    return out;
}

std::int64_t resolve_region(db::Database& db, const std::string& v, const std::string& field) {
    db::DictionaryRepository dict(db);
    if (auto r = dict.find_region(v)) return r->id;
    if (all_digits(v) && v.size() < 6 && dict.region(std::stoll(v))) return std::stoll(v);
    bad(field, "未知的县市区“" + v + "”（用 `dict list regions` 查看）");
}

std::int64_t resolve_zone(db::Database& db, const std::string& v, const std::string& field) {
    db::DictionaryRepository dict(db);
    if (auto z = dict.find_zone(v)) return z->id;
    if (all_digits(v) && dict.zone(std::stoll(v))) return std::stoll(v);
    bad(field, "未知的开发区“" + v + "”（用 `dict list zones` 查看）");
}

void apply_project_fields(db::Database& db, Project& p, const FieldAssignments& fields) {
    std::map<std::string, std::function<void(const std::string&)>> set = {
        {"code", [&](const std::string& v) { p.code = opt(v); }},
        {"name", [&](const std::string& v) { p.name = v; }},
        {"owner", [&](const std::string& v) { p.owner = v; }},
        {"region", [&](const std::string& v) { p.region_id = resolve_region(db, v, "region"); }},
        {"zone", [&](const std::string& v) {
             p.zone_id = resolve_optional(db, "zone", v, [](db::Database& d, const std::string& s) { return resolve_zone(d, s, "zone"); });
         }},
        {"site", [&](const std::string& v) { p.site = v; }},
        {"industry", [&](const std::string& v) {
             p.industry_id = resolve_optional(db, "industry", v, [](db::Database& d, const std::string& s) { return resolve_industry(d, s, "industry"); });
         }},
        {"category", [&](const std::string& v) {
             p.category_id = resolve_optional(db, "category", v, [](db::Database& d, const std::string& s) { return resolve_category(d, s, "category"); });
         }},
        {"nature", [&](const std::string& v) { p.nature = v; }},
        {"level", [&](const std::string& v) { p.level = v; }},
        {"stage", [&](const std::string& v) { p.stage = v; }},
        {"total_investment", [&](const std::string& v) { p.total_investment = parse_wan_field("total_investment", v); }},
        {"planned_start", [&](const std::string& v) { p.planned_start = opt(v); }},
        {"planned_completion", [&](const std::string& v) { p.planned_completion = opt(v); }},
        {"actual_start", [&](const std::string& v) { p.actual_start = opt(v); }},
        {"actual_completion", [&](const std::string& v) { p.actual_completion = opt(v); }},
        {"content", [&](const std::string& v) { p.content = v; }},
        {"leader_name", [&](const std::string& v) { p.leader_name = v; }},
        {"leader_title", [&](const std::string& v) { p.leader_title = v; }},
        {"responsible_unit", [&](const std::string& v) { p.responsible_unit = v; }},
        {"contact_person", [&](const std::string& v) { p.contact_person = v; }},
        {"contact_phone", [&](const std::string& v) { p.contact_phone = v; }},
        {"is_jingjin", [&](const std::string& v) { p.is_jingjin = parse_bool("is_jingjin", v); }},
        {"is_foreign", [&](const std::string& v) { p.is_foreign = parse_bool("is_foreign", v); }},
        {"notes", [&](const std::string& v) { p.notes = v; }},
    };
    set["region_id"] = set["region"];
    set["zone_id"] = set["zone"];
    set["industry_id"] = set["industry"];
    set["category_id"] = set["category"];
    set["total"] = set["total_investment"];
    for (const auto& [field, value] : fields) {
        if (auto it = set.find(field); it != set.end()) {
            it->second(value);
        } else if (field.rfind("annual_plans.", 0) == 0 || field.rfind("plan.", 0) == 0) {
            int year = parse_year(field, field.substr(field.find('.') + 1));
            if (value.empty()) p.annual_plans.erase(year);
            else p.annual_plans[year] = parse_wan_field(field, value);
        } else if (field.rfind("approvals.", 0) == 0) {
            // approvals.环评.status=已办 / approvals.环评.doc_number=… / approvals.环评.doc_date=2017-03-01
            std::string rest = field.substr(10);
            auto dot = rest.rfind('.');
            if (dot == std::string::npos) bad(field, "应为 approvals.<类别>.status|doc_number|doc_date");
            std::string kind = rest.substr(0, dot), part = rest.substr(dot + 1);
            Approval* a = nullptr;
            for (auto& x : p.approvals)
                if (x.kind == kind) a = &x;
            if (!a) {
                p.approvals.push_back(Approval{kind, "未办", "", std::nullopt});
                a = &p.approvals.back();
            }
            if (part == "status") a->status = value;
            else if (part == "doc_number") a->doc_number = value;
            else if (part == "doc_date") a->doc_date = opt(value);
            else bad(field, "应为 approvals.<类别>.status|doc_number|doc_date");
        } else {
            bad(field, "项目没有这个字段。可用字段：" + field_list(set, "annual_plans.<年份> approvals.<类别>.status|doc_number|doc_date"));
        }
    }
}

void apply_renovation_fields(db::Database& db, Renovation& r, const FieldAssignments& fields) {
    std::map<std::string, std::function<void(const std::string&)>> set = {
        {"enterprise", [&](const std::string& v) { r.enterprise = v; }},
        {"name", [&](const std::string& v) { r.name = v; }},
        {"filing_number", [&](const std::string& v) { r.filing_number = opt(v); }},
        {"region", [&](const std::string& v) { r.region_id = resolve_region(db, v, "region"); }},
        {"zone", [&](const std::string& v) {
             r.zone_id = resolve_optional(db, "zone", v, [](db::Database& d, const std::string& s) { return resolve_zone(d, s, "zone"); });
         }},
        {"industry", [&](const std::string& v) {
             r.industry_id = resolve_optional(db, "industry", v, [](db::Database& d, const std::string& s) { return resolve_industry(d, s, "industry"); });
         }},
        {"kind", [&](const std::string& v) { r.kind = v; }},
        {"stage", [&](const std::string& v) { r.stage = v; }},
        {"total_investment", [&](const std::string& v) { r.total_investment = parse_wan_field("total_investment", v); }},
        {"equipment_investment", [&](const std::string& v) { r.equipment_investment = parse_wan_field("equipment_investment", v); }},
        {"in_statistics", [&](const std::string& v) { r.in_statistics = parse_bool("in_statistics", v); }},
        {"planned_start", [&](const std::string& v) { r.planned_start = opt(v); }},
        {"planned_completion", [&](const std::string& v) { r.planned_completion = opt(v); }},
        {"actual_start", [&](const std::string& v) { r.actual_start = opt(v); }},
        {"actual_completion", [&](const std::string& v) { r.actual_completion = opt(v); }},
        {"expected_output", [&](const std::string& v) { r.expected_output = parse_wan_field("expected_output", v); }},
        {"expected_tax", [&](const std::string& v) { r.expected_tax = parse_wan_field("expected_tax", v); }},
        {"notes", [&](const std::string& v) { r.notes = v; }},
    };
    set["region_id"] = set["region"];
    set["zone_id"] = set["zone"];
    set["industry_id"] = set["industry"];
    set["total"] = set["total_investment"];
    for (const auto& [field, value] : fields) {
        if (auto it = set.find(field); it != set.end()) {
            it->second(value);
        } else if (field.rfind("annual_plans.", 0) == 0 || field.rfind("plan.", 0) == 0) {
            int year = parse_year(field, field.substr(field.find('.') + 1));
            if (value.empty()) r.annual_plans.erase(year);
            else r.annual_plans[year] = parse_wan_field(field, value);
        } else {
            bad(field, "技改项目没有这个字段。可用字段：" + field_list(set, "annual_plans.<年份>"));
        }
    }
}

void apply_deal_fields(db::Database& db, Deal& d, const FieldAssignments& fields) {
    // The contract amount is read after the currency is known, whatever the order given.
    std::optional<std::string> amount_text;
    std::map<std::string, std::function<void(const std::string&)>> set = {
        {"name", [&](const std::string& v) { d.name = v; }},
        {"investor", [&](const std::string& v) { d.investor = v; }},
        {"origin", [&](const std::string& v) { d.origin = v; }},
        {"country", [&](const std::string& v) { d.country = v; }},
        {"is_foreign", [&](const std::string& v) { d.is_foreign = parse_bool("is_foreign", v); }},
        {"region", [&](const std::string& v) { d.region_id = resolve_region(db, v, "region"); }},
        {"zone", [&](const std::string& v) {
             d.zone_id = resolve_optional(db, "zone", v, [](db::Database& x, const std::string& s) { return resolve_zone(x, s, "zone"); });
         }},
        {"industry", [&](const std::string& v) {
             d.industry_id = resolve_optional(db, "industry", v, [](db::Database& x, const std::string& s) { return resolve_industry(x, s, "industry"); });
         }},
        {"category", [&](const std::string& v) {
             d.category_id = resolve_optional(db, "category", v, [](db::Database& x, const std::string& s) { return resolve_category(x, s, "category"); });
         }},
        {"stage", [&](const std::string& v) { d.stage = v; }},
        {"lead_date", [&](const std::string& v) { d.lead_date = opt(v); }},
        {"negotiation_date", [&](const std::string& v) { d.negotiation_date = opt(v); }},
        {"signed_date", [&](const std::string& v) { d.signed_date = opt(v); }},
        {"registered_date", [&](const std::string& v) { d.registered_date = opt(v); }},
        {"started_date", [&](const std::string& v) { d.started_date = opt(v); }},
        {"operating_date", [&](const std::string& v) { d.operating_date = opt(v); }},
        {"terminated_date", [&](const std::string& v) { d.terminated_date = opt(v); }},
        {"signing_event", [&](const std::string& v) { d.signing_event = v; }},
        {"contract_type", [&](const std::string& v) { d.contract_type = v; }},
        {"contract_amount", [&](const std::string& v) { amount_text = v; }},
        {"contract_currency", [&](const std::string& v) {
             auto c = db::parse_currency(v);
             if (!c) bad("contract_currency", "“" + v + "”应为 CNY 或 USD");
             d.contract_currency = *c;
         }},
        {"project", [&](const std::string& v) {
             if (v.empty()) { d.project_id.reset(); return; }
             db::ProjectRepository projects(db);
             if (all_digits(v) && projects.get(std::stoll(v))) d.project_id = std::stoll(v);
             else if (auto p = projects.find_by_code(v)) d.project_id = p->id;
             else bad("project_id", "没有编号或项目代码为“" + v + "”的项目");
         }},
        {"notes", [&](const std::string& v) { d.notes = v; }},
    };
    set["region_id"] = set["region"];
    set["zone_id"] = set["zone"];
    set["industry_id"] = set["industry"];
    set["category_id"] = set["category"];
    set["project_id"] = set["project"];
    set["currency"] = set["contract_currency"];
    for (const auto& [field, value] : fields) {
        if (auto it = set.find(field); it != set.end()) it->second(value);
        else bad(field, "招商项目没有这个字段。可用字段：" + field_list(set, ""));
    }
    if (amount_text) d.contract_amount = parse_wan_field("contract_amount", *amount_text).fen;
}

}  // namespace il::cli
