#pragma once
// A report template: a folder with template.json (the declarative layout) and read-only SQL files.
// The JSON is described in templates/README.md. Loading checks everything it can without a
// database; a problem becomes a TemplateError naming the file, the place (JSON pointer or line)
// and what is wrong.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace il::report {

enum class ColumnType { Seq, Text, Integer, Money, Usd, Percent, Number, Rank };
enum class DeriveOp { None, Ratio, Growth, Share, Diff };
enum class TotalRule { None, Sum, Derive, Same };
enum class Align { Auto, Left, Center, Right };

struct ColumnDef {
    std::string key;       // unique in the sheet; derived columns refer to others by key
    std::string header;    // may hold {year} {period} {last_year} {month}; "\n" breaks the line
    std::string group;     // a group header merged above consecutive columns of the same group
    std::string source;    // the SQL result column (empty for seq and derived columns)
    ColumnType type = ColumnType::Text;
    DeriveOp derive = DeriveOp::None;
    std::string of, to;    // derive operands (keys): ratio of/to, growth (of-to)/to, share of/合计, diff of-to
    std::string no_base;   // ratio/growth/share: the cell's text when the divisor is 0 or empty ("无计划")
    TotalRule total = TotalRule::None;
    std::optional<std::string> number;  // the column-number label; nullopt: automatic
    std::string format;    // Excel number format; empty: by type
    double width = 12;
    Align align = Align::Auto;
    bool wrap = true;
};

struct ChartDef {
    std::string type = "column";        // column, bar, line, pie
    std::string title;                  // placeholders allowed
    std::string categories;             // a column key (usually the region name)
    std::vector<std::string> series;    // column keys
    std::string y_axis_format;          // e.g. "0%" for rates; empty: "#,##0" for amounts and counts
    std::string y_axis_title;           // the value axis' unit, e.g. "万元"
    int width_px = 720, height_px = 360;
};

struct PageDef {
    std::string paper = "A4";            // A4 or A3
    bool landscape = true;
    bool fit_width = true;
};

struct SheetDef {
    std::string sheet_name;              // placeholders allowed
    std::string title;                   // "{place}{year}年{period}亿元以上项目建设进展情况表"
    std::string unit = "万元";           // "单位：万元" on the right of the second row; "" hides it
    bool show_filler_unit = true;        // "填报单位（盖章）：…" on the left of the second row
    std::string query_file;              // relative to the template folder
    std::string sql;                     // its text, loaded
    std::vector<ColumnDef> columns;
    std::string group_by;                // SQL column whose consecutive equal values form groups
    std::string group_label = "{group}小计（{count}个）";
    bool grand_total = true;
    std::string grand_total_label = "合计";
    bool formulas = true;                // totals as formulas (with cached values) or plain numbers
    bool column_numbers = true;
    std::string freeze_after;            // panes frozen right of this column key (and below the header)
    std::string font_name = "宋体";
    double font_size = 10;
    bool footer = true;                  // 单位负责人 … 报出日期
    std::string empty_text = "（本期无数据）";
    PageDef page;
    std::vector<ChartDef> charts;

    int column_index(const std::string& key) const;
    bool has_groups_header() const;
};

struct TemplateDef {
    std::string id;
    std::string name;
    std::string version;
    std::string description;
    int order = 100;                     // position in the standard set
    bool standard = true;                // part of `--all`
    std::filesystem::path folder;
    std::vector<SheetDef> sheets;
};

// Loads folder/template.json and the SQL files it names.
TemplateDef load_template(const std::filesystem::path& folder);
// Parses the JSON text (file_label names it in errors); SQL files are read from `folder`.
TemplateDef parse_template(const std::string& json_text, const std::string& file_label,
                           const std::filesystem::path& folder);

}  // namespace il::report
