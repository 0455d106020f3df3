#pragma once
// A field's value typed as text by a user (investledger-cli add/set, target, funds): amounts in
// 万元, yes/no flags, years. Every value that cannot be read throws ValidationError naming the field
// ("字段 total_investment：…"), so the user knows which of several values to correct.
#include <string>

#include "core/model/money.h"

namespace il {

// ValidationError("字段 <field>：<reason>").
[[noreturn]] void throw_field_error(const std::string& field, const std::string& reason);

// An amount in 万元 ("1,234.5", "1.5亿元").
Money parse_wan_field(const std::string& field, const std::string& text);
// 是/否, 1/0, true/false, yes/no, y/n; empty is 否.
bool parse_flag_field(const std::string& field, const std::string& text);
// Four digits ("2017").
int parse_year_field(const std::string& field, const std::string& text);

}  // namespace il
