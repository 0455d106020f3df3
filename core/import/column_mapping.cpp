#include "core/import/column_mapping.h"

#include <set>

#include <nlohmann/json.hpp>

#include "core/import/text_norm.h"

namespace il::import {
namespace {

bool is_period_bound(const FieldDef& f) { return f.period != PeriodRole::None; }

// Resolves year/month of a period-bound field from the header label and the context.
void resolve_period(ColumnBinding& b, const FieldDef& f, const HeaderLabel& h, const MappingContext& ctx) {
    b.year = h.year ? h.year : ctx.year;
    switch (f.period) {
        case PeriodRole::AnnualPlan:
            b.field = "annual_plan";
            b.month.reset();
            if (!b.year) b.note = "没有年份（表头或标题里写“2017年”，或用 --set year=2017）";
            return;
        case PeriodRole::CompletedYtd:
            b.field = "completed_ytd";
            if (h.month_from && *h.month_from != 1) {
                b.field.clear();
                b.note = "不是自1月起的累计数，不导入";
                return;
            }
            b.month = h.month_to ? h.month_to : ctx.month;
            break;
        case PeriodRole::CompletedMonth:
            b.field = "completed_month";
            b.month = h.month_to ? h.month_to : ctx.month;
            break;
        case PeriodRole::Completed:
            if (h.month_from && h.month_to && *h.month_from != *h.month_to) {
                if (*h.month_from != 1) {
                    b.field.clear();
                    b.note = "不是自1月起的累计数，不导入";
                    return;
                }
                b.field = "completed_ytd";
                b.month = h.month_to;
            } else if (h.month_to) {
                b.field = *h.month_to == 1 ? "completed_ytd" : "completed_month";
                b.month = h.month_to;
            } else if (h.this_month) {
                b.field = "completed_month";
                b.month = ctx.month;
            } else {
                b.field = "completed_ytd";
                b.month = ctx.month;
            }
            break;
        case PeriodRole::MonthText:
            b.month = h.month_to ? h.month_to : ctx.month;
            break;
        case PeriodRole::Funds:
            b.field = "funds";
            if (h.month_to || h.this_month) {
                // "1-6月到位", "6月到位", "本月到位": a window inside one year
                b.month = h.month_to ? h.month_to : ctx.month;
                b.month_from = h.month_from ? h.month_from : b.month;
            } else if (h.year || h.this_year) {
                // "2017年到位资金", "本年到位": the year so far (to the file's month, else to the
                // year's end or today, whichever comes first)
                b.month_from = 1;
                if (!h.year || h.year == ctx.year) b.month = ctx.month;
                else if (h.year < ctx.year) b.month = 12;
                else b.month.reset();
            } else {
                // "累计到位", "到位资金": everything so far, as of the file's period (else today)
                b.year = ctx.year;
                b.month = ctx.year ? ctx.month : std::optional<int>();
                if (!b.year) b.note = "累计到位资金：截至导入当天";
                return;
            }
            if (!b.year || (h.month_to || h.this_month ? !b.month : false))
                b.note = "不知道属于哪一年哪个月（表头或标题里写“2017年1-6月”，或用 --set period=2017-06）";
            return;
        case PeriodRole::None: return;
    }
    if (!b.year || !b.month)
        b.note = "不知道属于哪个月份（表头或标题里写“2017年1-6月”，或用 --set period=2017-06）";
}

HeaderLabel merge_labels(const std::vector<std::string>& parts, const FieldDef** field, RecordKind kind) {
    // Leaf (bottom) part names the field; group parts above add the year, months or unit.
    HeaderLabel leaf = parse_header_label(parts.back());
    *field = field_for_header(kind, leaf.core);
    for (std::size_t i = parts.size() - 1; i-- > 0;) {
        HeaderLabel g = parse_header_label(parts[i]);
        if (!leaf.year && g.year) leaf.year = g.year;
        if (!leaf.month_to && g.month_to) {
            leaf.month_from = g.month_from;
            leaf.month_to = g.month_to;
        }
        if (!leaf.this_month && g.this_month) leaf.this_month = true;
        if (!leaf.unit && g.unit) {
            leaf.unit = g.unit;
            leaf.usd = g.usd;
        }
        if (!*field) {
            if (leaf.core.empty()) *field = field_for_header(kind, g.core);
            if (!*field) *field = field_for_header(kind, g.core + leaf.core);
        }
    }
    return leaf;
}

ColumnBinding bind_column(const ColumnHeader& col, RecordKind kind, const SheetLayout& layout,
                          const MappingContext& ctx) {
    ColumnBinding b;
    b.col = col.col;
    b.header = col.text();
    const FieldDef* f = nullptr;
    HeaderLabel h = merge_labels(col.parts, &f, kind);
    if (!f) {
        b.note = "未识别的列，不导入";
        return b;
    }
    b.field = std::string(f->key);
    if (f->type == ValueType::Ignore) {
        b.field.clear();
        b.note = "不需要导入";
        return b;
    }
    if (h.unit) {
        b.unit = *h.unit;
        b.usd = h.usd;
    } else if (layout.unit) {
        b.unit = layout.unit->unit;
        b.usd = layout.unit->usd;
    }
    if (is_period_bound(*f)) resolve_period(b, *f, h, ctx);
    // 到位外资 without a unit is in 万美元
    if (f->period == PeriodRole::Funds && !h.unit && contains(h.core, "外资")) b.usd = true;
    return b;
}

}  // namespace

const char* unit_name(AmountUnit unit, bool usd) {
    if (usd) return "万美元";
    switch (unit) {
        case AmountUnit::Yuan: return "元";
        case AmountUnit::Wan: return "万元";
        case AmountUnit::Yi: return "亿元";
    }
    return "万元";
}

const ColumnBinding* Mapping::find(std::string_view field) const {
    for (const auto& c : columns)
        if (c.field == field) return &c;
    return nullptr;
}

std::vector<std::string> Mapping::problems() const {
    std::vector<std::string> out;
    if (!has("name")) out.push_back("没有找到“项目名称”列");
    if (kind == RecordKind::Renovations && !has("enterprise") && !has("name"))
        out.push_back("没有找到“企业名称”列");
    for (const auto& c : columns) {
        if (c.field.empty()) continue;
        const FieldDef* f = find_field(kind, c.field == "completed_ytd" || c.field == "completed_month" ? c.field : c.field);
        bool period = f && f->period != PeriodRole::None;
        // funds: all so far needs no period (as of today); a year's funds need no month
        if (c.field == "funds" && (!c.month_from || (c.year && !c.month))) continue;
        if (period && (!c.year || (c.field != "annual_plan" && !c.month)))
            out.push_back("第" + std::to_string(c.col + 1) + "列“" + c.header + "”" + c.note);
    }
    return out;
}

std::string layout_signature(const SheetLayout& layout) {
    std::string s;
    for (const auto& c : layout.columns) {
        if (!s.empty()) s += '|';
        s += normalize_label(c.text());
    }
    return s;
}

Mapping auto_map(const SheetLayout& layout, RecordKind kind, const MappingContext& ctx_in) {
    MappingContext ctx = ctx_in;
    if (!ctx.year) ctx.year = layout.year;
    if (!ctx.month) ctx.month = layout.month;
    // A year named in any header group ("2017年 / 计划投资") is the file's year for columns
    // that give months only ("1-6月完成"), when the title does not say.
    if (!ctx.year) {
        std::set<int> years;
        for (const auto& c : layout.columns)
            for (const auto& p : c.parts)
                if (auto y = parse_header_label(p).year) years.insert(*y);
        if (years.size() == 1) ctx.year = *years.begin();
    }
    // Likewise the month of "本月完成" from a "1-N月" column beside it
    if (!ctx.month) {
        std::set<int> months;
        for (const auto& c : layout.columns)
            for (const auto& p : c.parts) {
                HeaderLabel h = parse_header_label(p);
                if (h.month_from == 1 && h.month_to && *h.month_to > 1) months.insert(*h.month_to);
            }
        if (months.size() == 1) ctx.month = *months.begin();
    }
    Mapping m;
    m.kind = kind;
    m.signature = layout_signature(layout);
    std::set<std::string> taken;
    for (const auto& col : layout.columns) {
        ColumnBinding b = bind_column(col, kind, layout, ctx);
        if (!b.field.empty()) {
            std::string key = b.field + "@" + (b.year ? std::to_string(*b.year) : "") + "-" +
                              (b.month_from ? std::to_string(*b.month_from) : "") + "-" +
                              (b.month ? std::to_string(*b.month) : "") + (b.usd ? "-usd" : "");
            if (!taken.insert(key).second) {
                b.note = "与前面的列重复（" + b.field + "），不导入";
                b.field.clear();
            }
        }
        m.columns.push_back(std::move(b));
    }
    return m;
}

nlohmann::json mapping_to_json(const Mapping& m) {
    nlohmann::json cols = nlohmann::json::array();
    for (const auto& c : m.columns) {
        nlohmann::json j = {{"col", c.col}, {"header", c.header}, {"field", c.field}, {"unit", unit_name(c.unit, c.usd)}};
        if (c.year) j["year"] = *c.year;
        if (c.month) j["month"] = *c.month;
        if (c.month_from) j["month_from"] = *c.month_from;
        cols.push_back(std::move(j));
    }
    return {{"kind", kind_name(m.kind)}, {"signature", m.signature}, {"columns", cols}};
}

Mapping apply_preset(const nlohmann::json& preset, const SheetLayout& layout, RecordKind kind,
                     const MappingContext& ctx) {
    Mapping m = auto_map(layout, kind, ctx);
    if (!preset.is_object() || !preset.contains("columns") || !preset["columns"].is_array())
        throw ValidationError("导入方案格式错误：缺少 columns");
    std::vector<bool> used(preset["columns"].size(), false);
    auto take = [&](ColumnBinding& b, const nlohmann::json& j) {
        std::string field = j.value("field", std::string());
        if (!field.empty() && field != "completed_ytd" && field != "completed_month" && !find_field(kind, field))
            throw ValidationError("导入方案里的字段“" + field + "”不是" + kind_name(kind) + "的字段");
        b.field = field;
        b.year.reset();
        b.month.reset();
        if (j.contains("year") && j["year"].is_number_integer()) b.year = j["year"].get<int>();
        if (j.contains("month") && j["month"].is_number_integer()) b.month = j["month"].get<int>();
        b.month_from.reset();
        if (j.contains("month_from") && j["month_from"].is_number_integer()) b.month_from = j["month_from"].get<int>();
        std::string unit = j.value("unit", std::string("万元"));
        b.usd = unit == "万美元";
        b.unit = unit == "亿元" ? AmountUnit::Yi : unit == "元" ? AmountUnit::Yuan : AmountUnit::Wan;
        b.note = field.empty() ? "导入方案：不导入" : "导入方案";
    };
    for (auto& b : m.columns) {
        std::string h = normalize_label(b.header);
        bool found = false;
        for (std::size_t i = 0; i < preset["columns"].size() && !found; ++i) {
            const auto& j = preset["columns"][i];
            if (!used[i] && normalize_label(j.value("header", std::string())) == h) {
                take(b, j);
                used[i] = found = true;
            }
        }
    }
    return m;
}

}  // namespace il::import
