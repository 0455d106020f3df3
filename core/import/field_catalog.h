#pragma once
// The fields an import can fill, per record kind, with the header names users write for them.
// This is a data table (field_catalog.cpp): to teach the importer a new header, add a synonym.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace il::import {

enum class RecordKind { Projects, Renovations, Deals };
const char* kind_name(RecordKind kind);                    // "projects"
std::optional<RecordKind> parse_kind(std::string_view s);  // "projects" / "renovations" / "deals"

enum class ValueType {
    Text,       // free text
    Code,       // an identifier (project code, 备案号): numbers are read as digits, not amounts
    Amount,     // CNY in the column's unit (万元 unless stated)
    Money,      // CNY or USD depending on the unit (deals' 签约额)
    Date,       // YYYY-MM or YYYY-MM-DD
    Region,     // dictionary lookups
    Zone,
    Industry,
    Category,
    Choice,     // one of a fixed vocabulary (stage, level …)
    Bool,       // 是/否
    Leader,     // "王某某（副市长）" -> leader_name + leader_title
    Ignore,     // known columns that are not stored (序号, 占年度计划%)
};

// Figures that belong to a year or a month: the column's header (or the file's title) says which.
// Funds: 到位资金 received in a window of time: "1-6月到位" (the year to June), "6月到位" / "本月到位"
// (that month), "2017年到位" / "本年到位" (the year so far), "累计到位" / "到位资金" (all so far).
enum class PeriodRole { None, AnnualPlan, CompletedYtd, CompletedMonth, Completed, MonthText, Funds };

struct FieldDef {
    std::string_view key;       // stable name used in presets, --set and error reports: "total_investment"
    std::string_view label;     // 中文 name shown to users: "总投资"
    unsigned kinds;             // bit set of RecordKind
    ValueType type;
    PeriodRole period = PeriodRole::None;
    std::vector<std::string_view> synonyms;  // normalised header texts (without unit, year, months)
    std::vector<std::string_view> choices = {};  // Choice: the allowed stored values
};

inline constexpr unsigned kind_bit(RecordKind k) { return 1u << static_cast<unsigned>(k); }

const std::vector<FieldDef>& field_catalog();
const FieldDef* find_field(RecordKind kind, std::string_view key);
// The field whose synonyms include `core` exactly (after normalisation), for that kind.
const FieldDef* field_for_header(RecordKind kind, std::string_view core);

// Value synonyms for Choice fields: "在建" -> "续建". Returns the stored value or nullopt.
std::optional<std::string> resolve_choice(const FieldDef& field, std::string_view text);

}  // namespace il::import
