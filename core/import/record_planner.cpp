#include "core/import/record_planner.h"

#include <map>

#include "core/import/sheet_grid.h"
#include "core/import/text_norm.h"
#include "core/model/period.h"

namespace il::import {

std::string field_label(RecordKind kind, const std::string& key) {
    if (const FieldDef* f = find_field(kind, key)) return std::string(f->label);
    static const std::map<std::string, std::string> extra = {
        {"leader_name", "包联领导"}, {"leader_title", "领导职务"}, {"contract_currency", "签约币种"},
        {"terminated_date", "终止时间"}, {"project_id", "转化项目"}};
    if (auto it = extra.find(key); it != extra.end()) return it->second;
    return key;
}

CellChange display_change(const db::FieldChange& c, RecordKind kind, const DictionaryLookup& dict) {
    auto name_of = [&](const std::string& id_text, std::string (DictionaryLookup::*f)(std::int64_t) const) {
        if (id_text.empty()) return std::string();
        try {
            std::string n = (dict.*f)(std::stoll(id_text));
            return n.empty() ? id_text : n;
        } catch (...) {
            return id_text;
        }
    };
    if (c.field == "region_id")
        return {"所属县市区", name_of(c.old_value, &DictionaryLookup::region_name), name_of(c.new_value, &DictionaryLookup::region_name)};
    if (c.field == "zone_id")
        return {"开发区", name_of(c.old_value, &DictionaryLookup::zone_name), name_of(c.new_value, &DictionaryLookup::zone_name)};
    if (c.field == "industry_id")
        return {"国民经济行业", name_of(c.old_value, &DictionaryLookup::industry_name),
                name_of(c.new_value, &DictionaryLookup::industry_name)};
    if (c.field == "category_id")
        return {"产业类别", name_of(c.old_value, &DictionaryLookup::category_name),
                name_of(c.new_value, &DictionaryLookup::category_name)};
    if (c.field.rfind("annual_plans.", 0) == 0) {
        try {
            return {plan_label(std::stoi(c.field.substr(13))), c.old_value, c.new_value};
        } catch (...) {
        }
    }
    return {field_label(kind, c.field), c.old_value, c.new_value};
}

void collect_figures(RowValues& v, std::map<int, Money>& plans, std::map<std::pair<int, int>, ProgressInput>& progress) {
    for (const auto& [b, c] : v.cells()) {
        bool text = b->field == "image_progress" || b->field == "problems";
        if (c->empty()) {
            // An emptied 形象进度 / 存在问题 cell clears the month's text (when that month is stored)
            // (wholly empty columns are not in the row; --set cannot set a month's text)
            if (text && b->year && b->month) {
                ProgressInput& in = progress[{*b->year, *b->month}];
                in.year = *b->year;
                in.month = *b->month;
                auto& slot = b->field == "image_progress" ? in.image_progress : in.problems;
                if (!slot) slot = std::string();
            }
            continue;
        }
        if (b->field == "annual_plan" && b->year) {
            auto m = read_amount(*c, b->unit);
            if (!m.ok()) v.issue("annual_plan", m.error);
            else if (m.value) {
                auto old = plans.find(*b->year);
                plans[*b->year] = old == plans.end() ? *m.value : same_at(old->second, *m.value, amount_step(*c, b->unit));
            }
            continue;
        }
        bool figure = b->field == "completed_ytd" || b->field == "completed_month";
        if ((!figure && !text) || !b->year || !b->month) continue;
        ProgressInput& in = progress[{*b->year, *b->month}];
        in.year = *b->year;
        in.month = *b->month;
        if (figure) {
            auto m = read_amount(*c, b->unit);
            if (!m.ok()) v.issue(b->field, m.error);
            else if (m.value) {
                bool ytd = b->field == "completed_ytd";
                (ytd ? in.ytd : in.month_value) = *m.value;
                (ytd ? in.ytd_step : in.month_step) = amount_step(*c, b->unit);
            }
        } else {
            std::string t = trim(cell_text(*c));
            auto& slot = b->field == "image_progress" ? in.image_progress : in.problems;
            if (!t.empty()) slot = t;
            else if (!slot) slot = std::string();
        }
    }
}

bool reconcile_progress(ProgressInput& in, std::optional<Money> stored_ytd, std::optional<Money> stored_month) {
    if (stored_ytd && in.ytd) in.ytd = same_at(*stored_ytd, *in.ytd, in.ytd_step);
    if (stored_month && in.month_value) in.month_value = same_at(*stored_month, *in.month_value, in.month_step);
    auto has_text = [](const std::optional<std::string>& t) { return t && !t->empty(); };
    if (!stored_ytd && !has_text(in.image_progress) && !has_text(in.problems)) {
        bool zero_ytd = !in.ytd || in.ytd->fen == 0;
        bool zero_month = !in.month_value || in.month_value->fen == 0;
        if (zero_ytd && zero_month) return false;
    }
    return true;
}

std::string plan_label(int year) { return std::to_string(year) + "年计划投资"; }

std::string progress_label(int year, int month, std::string_view what) {
    return Period{year, month}.key() + " " + std::string(what);
}

}  // namespace il::import
