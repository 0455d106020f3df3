#pragma once
// Small rules shared by the per-record validators: dates, amounts, fixed vocabularies and
// references to dictionary entries.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/money.h"
#include "core/validate/field_issue.h"

namespace il::validate {

// The dictionary entries that exist, for reference checks (loaded by db::load_references).
// A validator given no References skips the reference checks.
struct References {
    std::set<std::int64_t> regions, industries, categories, projects;
    std::map<std::int64_t, std::int64_t> zone_region;  // zone id -> its region id
    std::map<std::int64_t, std::string> region_names, zone_names;
    bool projects_loaded = false;  // `projects` is filled (else project links are not checked)
    bool has_region(std::int64_t id) const { return regions.count(id) > 0; }
    bool has_zone(std::int64_t id) const { return zone_region.count(id) > 0; }
};

// "YYYY-MM" or "YYYY-MM-DD" with a real calendar date (year 1900-2200).
bool is_valid_date_text(std::string_view s);
// "YYYY-MM-DD" only.
bool is_valid_day_text(std::string_view s);
// true when `a` is certainly later than `b`, comparing at the precision both have
// ("2017-06" vs "2017-06-15": not later).
bool date_after(std::string_view a, std::string_view b);
bool is_blank(std::string_view s);

// The rules of one month's figures (year, month, 本月完成, 1-N月累计 against the total investment),
// shared by projects' and renovations' monthly progress.
std::vector<FieldIssue> validate_monthly_figures(int year, int month, Money completed_month, Money completed_ytd,
                                                 Money total_investment);

// Append helpers: each adds a FieldIssue when its rule fails.
void check_required(std::vector<FieldIssue>& out, const char* field, const std::string& value, const char* label);
void check_non_negative(std::vector<FieldIssue>& out, const char* field, Money value, const char* label);
void check_date(std::vector<FieldIssue>& out, const char* field, const std::optional<std::string>& value,
                const char* label, bool day_only = false);
template <class Array>
void check_one_of(std::vector<FieldIssue>& out, const char* field, const std::string& value, const Array& allowed,
                  const std::string& label) {
    for (const char* a : allowed)
        if (value == a) return;
    std::string list;
    for (const char* a : allowed) list += (list.empty() ? "" : "、") + std::string(a);
    out.push_back({field, label + std::string("“") + value + "”无效，应为：" + list});
}
// region_id must exist; zone_id (if set) must exist and lie in that region.
void check_region_zone(std::vector<FieldIssue>& out, const References* refs, std::int64_t region_id,
                       const std::optional<std::int64_t>& zone_id);
void check_industry_category(std::vector<FieldIssue>& out, const References* refs,
                             const std::optional<std::int64_t>& industry_id,
                             const std::optional<std::int64_t>& category_id);

}  // namespace il::validate
