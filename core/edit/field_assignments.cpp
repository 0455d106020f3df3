#include "core/edit/field_assignments.h"

#include <set>
#include <stdexcept>
#include <string_view>
#include <type_traits>
#include <variant>

#include "core/db/deal_repository.h"
#include "core/db/dictionary_reference.h"
#include "core/db/project_repository.h"
#include "core/import/field_catalog.h"
#include "core/model/field_text.h"

namespace il::edit {
namespace {

using import::RecordKind;
using import::ValueType;

// The record member a field is stored in; its type says how the text is read (with the
// catalog's value type choosing the dictionary of an id).
template <class R>
using Member = std::variant<std::string R::*, std::optional<std::string> R::*, Money R::*, bool R::*,
                            std::int64_t R::*, std::optional<std::int64_t> R::*>;

template <class R>
struct Settable {
    std::string_view key;  // the catalog's key where it has the field
    Member<R> member;
    std::vector<std::string_view> aliases = {};
};

const std::vector<Settable<Project>>& project_fields() {
    using P = Project;
    static const std::vector<Settable<P>> t = {
        {"code", &P::code},
        {"name", &P::name},
        {"owner", &P::owner},
        {"region", &P::region_id, {"region_id"}},
        {"zone", &P::zone_id, {"zone_id"}},
        {"site", &P::site},
        {"industry", &P::industry_id, {"industry_id"}},
        {"category", &P::category_id, {"category_id"}},
        {"nature", &P::nature},
        {"level", &P::level},
        {"stage", &P::stage},
        {"total_investment", &P::total_investment, {"total"}},
        {"planned_start", &P::planned_start},
        {"planned_completion", &P::planned_completion},
        {"actual_start", &P::actual_start},
        {"actual_completion", &P::actual_completion},
        {"content", &P::content},
        {"leader_name", &P::leader_name},  // the catalog's `leader` splits "王某某（副市长）" into these two
        {"leader_title", &P::leader_title},
        {"responsible_unit", &P::responsible_unit},
        {"contact_person", &P::contact_person},
        {"contact_phone", &P::contact_phone},
        {"is_jingjin", &P::is_jingjin},
        {"is_foreign", &P::is_foreign},
        {"notes", &P::notes},
    };
    return t;
}

const std::vector<Settable<Renovation>>& renovation_fields() {
    using R = Renovation;
    static const std::vector<Settable<R>> t = {
        {"enterprise", &R::enterprise},
        {"name", &R::name},
        {"filing_number", &R::filing_number},
        {"region", &R::region_id, {"region_id"}},
        {"zone", &R::zone_id, {"zone_id"}},
        {"industry", &R::industry_id, {"industry_id"}},
        {"kind", &R::kind},
        {"stage", &R::stage},
        {"total_investment", &R::total_investment, {"total"}},
        {"equipment_investment", &R::equipment_investment},
        {"in_statistics", &R::in_statistics},
        {"planned_start", &R::planned_start},
        {"planned_completion", &R::planned_completion},
        {"actual_start", &R::actual_start},
        {"actual_completion", &R::actual_completion},
        {"expected_output", &R::expected_output},
        {"expected_tax", &R::expected_tax},
        {"notes", &R::notes},
    };
    return t;
}

// contract_amount, contract_currency and project are read in assign_deal_fields.
const std::vector<Settable<Deal>>& deal_fields() {
    using D = Deal;
    static const std::vector<Settable<D>> t = {
        {"name", &D::name},
        {"investor", &D::investor},
        {"origin", &D::origin},
        {"country", &D::country},
        {"is_foreign", &D::is_foreign},
        {"region", &D::region_id, {"region_id"}},
        {"zone", &D::zone_id, {"zone_id"}},
        {"industry", &D::industry_id, {"industry_id"}},
        {"category", &D::category_id, {"category_id"}},
        {"stage", &D::stage},
        {"lead_date", &D::lead_date},
        {"negotiation_date", &D::negotiation_date},
        {"signed_date", &D::signed_date},
        {"registered_date", &D::registered_date},
        {"started_date", &D::started_date},
        {"operating_date", &D::operating_date},
        {"terminated_date", &D::terminated_date},
        {"signing_event", &D::signing_event},
        {"contract_type", &D::contract_type},
        {"notes", &D::notes},
    };
    return t;
}

// In the order the unknown-field message lists them.
const std::vector<Settable<Problem>>& problem_fields() {
    using B = Problem;
    static const std::vector<Settable<B>> t = {
        {"description", &B::description},       {"owner_unit", &B::owner_unit},
        {"status", &B::status},                 {"assigned_date", &B::assigned_date},
        {"supervised_date", &B::supervised_date}, {"closed_date", &B::closed_date},
        {"notes", &B::notes},
    };
    return t;
}

std::optional<std::string> optional_text(const std::string& v) {
    if (v.empty()) return std::nullopt;
    return v;
}

std::int64_t resolve_entry(db::Database& db, ValueType type, const std::string& text, const std::string& field) {
    switch (type) {
        case ValueType::Region: return db::resolve_region(db, text, field);
        case ValueType::Zone: return db::resolve_zone(db, text, field);
        case ValueType::Industry: return db::resolve_industry(db, text, field);
        case ValueType::Category: return db::resolve_category(db, text, field);
        default: break;
    }
    // a table above names an id member the catalog does not type as a dictionary field
    throw std::logic_error("field_assignments: " + field + " is not a dictionary field in the catalog");
}

// Reads `text` into the member of `s`; `type` is the catalog's type of the field (Text when the
// catalog does not have it). Errors name the field by its key, also when an alias was given.
template <class R>
void assign(db::Database* db, const Settable<R>& s, ValueType type, R& record, const std::string& text) {
    const std::string key(s.key);
    std::visit(
        [&](auto member) {
            auto& target = record.*member;
            using T = std::remove_reference_t<decltype(target)>;
            if constexpr (std::is_same_v<T, std::string>) {
                target = text;
            } else if constexpr (std::is_same_v<T, std::optional<std::string>>) {
                target = optional_text(text);
            } else if constexpr (std::is_same_v<T, Money>) {
                target = parse_wan_field(key, text);
            } else if constexpr (std::is_same_v<T, bool>) {
                target = parse_flag_field(key, text);
            } else if constexpr (std::is_same_v<T, std::int64_t>) {
                target = resolve_entry(*db, type, text, key);
            } else {
                static_assert(std::is_same_v<T, std::optional<std::int64_t>>);
                if (text.empty()) target.reset();
                else target = resolve_entry(*db, type, text, key);
            }
        },
        s.member);
}

template <class R>
const Settable<R>* find_settable(const std::vector<Settable<R>>& table, const std::string& name) {
    for (const auto& s : table) {
        if (s.key == name) return &s;
        for (auto a : s.aliases)
            if (a == name) return &s;
    }
    return nullptr;
}

// Applies `name`=`text` when the table has the field; false when it does not.
template <class R>
bool assign_from_table(db::Database& db, RecordKind kind, const std::vector<Settable<R>>& table, R& record,
                       const std::string& name, const std::string& text) {
    const Settable<R>* s = find_settable(table, name);
    if (!s) return false;
    const import::FieldDef* def = import::find_field(kind, s->key);
    assign(&db, *s, def ? def->type : ValueType::Text, record, text);
    return true;
}

// Every name the table takes (keys and aliases) and `more`, sorted, then `tail`: the list an
// unknown-field error shows.
template <class R>
std::string available_fields(const std::vector<Settable<R>>& table, std::initializer_list<std::string_view> more,
                             const std::string& tail) {
    std::set<std::string> names(more.begin(), more.end());
    for (const auto& s : table) {
        names.emplace(s.key);
        names.insert(s.aliases.begin(), s.aliases.end());
    }
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : " ") + n;
    return out + " " + tail;
}

bool starts_with(const std::string& s, std::string_view prefix) { return s.rfind(prefix, 0) == 0; }

// annual_plans.2017=6000 (or plan.2017=…): an empty value removes that year's plan.
bool assign_annual_plan(std::map<int, Money>& plans, const std::string& field, const std::string& value) {
    if (!starts_with(field, "annual_plans.") && !starts_with(field, "plan.")) return false;
    int year = parse_year_field(field, field.substr(field.find('.') + 1));
    if (value.empty()) plans.erase(year);
    else plans[year] = parse_wan_field(field, value);
    return true;
}

// approvals.环评.status=已办 / approvals.环评.doc_number=… / approvals.环评.doc_date=2017-03-01
bool assign_approval(Project& p, const std::string& field, const std::string& value) {
    if (!starts_with(field, "approvals.")) return false;
    const std::string rest = field.substr(10);
    const auto dot = rest.rfind('.');
    if (dot == std::string::npos) throw_field_error(field, "应为 approvals.<类别>.status|doc_number|doc_date");
    const std::string kind = rest.substr(0, dot), part = rest.substr(dot + 1);
    Approval* a = nullptr;
    for (auto& x : p.approvals)
        if (x.kind == kind) a = &x;
    if (!a) {
        p.approvals.push_back(Approval{kind, "未办", "", std::nullopt});
        a = &p.approvals.back();
    }
    if (part == "status") a->status = value;
    else if (part == "doc_number") a->doc_number = value;
    else if (part == "doc_date") a->doc_date = optional_text(value);
    else throw_field_error(field, "应为 approvals.<类别>.status|doc_number|doc_date");
    return true;
}

bool all_digits(const std::string& s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}

}  // namespace

void assign_project_fields(db::Database& db, Project& p, const FieldAssignments& fields) {
    for (const auto& [field, value] : fields) {
        if (assign_from_table(db, RecordKind::Projects, project_fields(), p, field, value)) continue;
        if (assign_annual_plan(p.annual_plans, field, value) || assign_approval(p, field, value)) continue;
        throw_field_error(field, "项目没有这个字段。可用字段：" +
                                     available_fields(project_fields(), {},
                                                      "annual_plans.<年份> approvals.<类别>.status|doc_number|doc_date"));
    }
}

void assign_renovation_fields(db::Database& db, Renovation& r, const FieldAssignments& fields) {
    for (const auto& [field, value] : fields) {
        if (assign_from_table(db, RecordKind::Renovations, renovation_fields(), r, field, value)) continue;
        if (assign_annual_plan(r.annual_plans, field, value)) continue;
        throw_field_error(field, "技改项目没有这个字段。可用字段：" +
                                     available_fields(renovation_fields(), {}, "annual_plans.<年份>"));
    }
}

void assign_deal_fields(db::Database& db, Deal& d, const FieldAssignments& fields) {
    std::optional<std::string> amount_text;
    for (const auto& [field, value] : fields) {
        if (assign_from_table(db, RecordKind::Deals, deal_fields(), d, field, value)) continue;
        if (field == "contract_amount") {
            amount_text = value;
        } else if (field == "contract_currency" || field == "currency") {
            auto c = db::parse_currency(value);
            if (!c) throw_field_error("contract_currency", "“" + value + "”应为 CNY 或 USD");
            d.contract_currency = *c;
        } else if (field == "project" || field == "project_id") {
            if (value.empty()) {
                d.project_id.reset();
                continue;
            }
            db::ProjectRepository projects(db);
            if (all_digits(value) && projects.get(std::stoll(value))) d.project_id = std::stoll(value);
            else if (auto p = projects.find_by_code(value)) d.project_id = p->id;
            else throw_field_error("project_id", "没有编号或项目代码为“" + value + "”的项目");
        } else {
            throw_field_error(field, "招商项目没有这个字段。可用字段：" +
                                         available_fields(deal_fields(),
                                                          {"contract_amount", "contract_currency", "currency",
                                                           "project", "project_id"},
                                                          ""));
        }
    }
    // the amount's unit (万元 or 万美元) is the currency's, which may come after it
    if (amount_text) d.contract_amount = parse_wan_field("contract_amount", *amount_text).fen;
}

void assign_problem_fields(Problem& pb, const FieldAssignments& fields) {
    for (const auto& [field, value] : fields) {
        const Settable<Problem>* s = find_settable(problem_fields(), field);
        if (!s) {
            std::string names;
            for (const auto& f : problem_fields()) names += (names.empty() ? "" : " ") + std::string(f.key);
            throw_field_error(field, "存在问题没有这个字段。可用字段：" + names);
        }
        assign<Problem>(nullptr, *s, ValueType::Text, pb, value);  // text and dates only: no dictionary
    }
}

}  // namespace il::edit
