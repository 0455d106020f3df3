#pragma once
// National investment project codes (全国投资项目在线审批监管平台 项目代码).
//
// Accepted forms (always 24 characters, five groups separated by '-'):
//
//   YYYY-AAAAAA-DD-TT-RRRRRC   current form, codes assigned from 2017 on
//                              e.g. 2017-131003-47-01-012345
//   YYYY-AAAAAA-DD-TT-SSSSSS   older form (4-6-2-2-6), codes assigned 2014-2016
//                              e.g. 2016-131000-47-03-000123
//
// Rules, checked in this order (the first failing rule is the reason reported):
//   1. length 24 and '-' exactly at positions 5, 12, 15 and 18 (1-based); nothing else but
//      ASCII digits, except that the last character of the current form may be 'X';
//   2. YYYY (赋码年份) is a year from 2014 to 2099;
//   3. AAAAAA (赋码机关行政区划代码) is six digits whose first two are a province-level
//      division code of GB/T 2260 (11-15, 21-23, 31-37, 41-46, 50-54, 61-65, 71, 81, 82);
//   4. DD (国民经济行业分类大类) is 01 to 97;
//   5. TT (项目类型) is 01 审批, 02 核准 or 03 备案;
//   6. the serial group (RRRRRC or SSSSSS) is not 000000; in the current form (year >= 2017)
//      RRRRR are digits and C (校验码) is a digit or 'X'; in the older form (year <= 2016) all
//      six are digits.
// The check character itself is not recomputed (the platform's algorithm is not published).
// normalize_project_code() first trims spaces, turns full-width digits / '－' / 'x' into
// ASCII, so that codes pasted from Word or Excel are accepted in their canonical form.
#include <optional>
#include <string>
#include <string_view>

namespace il::validate {

// Canonical text of a code as typed: trimmed, full-width digits and dashes made ASCII, 'x'
// upper-cased. Does not validate.
std::string normalize_project_code(std::string_view text);

// nullopt when `code` (already normalized) is well-formed; otherwise the reason in Chinese.
std::optional<std::string> project_code_problem(std::string_view code);

inline bool is_valid_project_code(std::string_view code) { return !project_code_problem(code); }

}  // namespace il::validate
