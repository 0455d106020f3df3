#pragma once
// What one header cell says besides its field name: the year ("2017年计划投资"), the months
// ("1-6月完成投资", "6月完成", "本月完成") and the unit ("总投资（万元）", "签约额（万美元）").
#include <optional>
#include <string>
#include <string_view>

#include "core/model/money.h"

namespace il::import {

struct HeaderLabel {
    std::string core;                 // the label without year, months and unit: "计划投资"
    std::optional<int> year;          // 2017 from "2017年"
    std::optional<int> month_from;    // 1 from "1-6月"; equal to month_to for "6月"
    std::optional<int> month_to;      // 6
    bool this_month = false;          // "本月" / "当月"
    bool this_year = false;           // "本年" / "今年" / "当年" / "年度"
    std::optional<AmountUnit> unit;   // 万元 / 亿元 / 元
    bool usd = false;                 // 万美元
};

// Parses one header text (any form; it is normalised first).
HeaderLabel parse_header_label(std::string_view text);

// The amount unit named by a line such as "单位：万元" or "金额单位：亿元" (also "单位:万美元",
// which sets usd). nullopt when the text names no unit.
struct UnitLine {
    AmountUnit unit = AmountUnit::Wan;
    bool usd = false;
};
std::optional<UnitLine> parse_unit_line(std::string_view text);

}  // namespace il::import
