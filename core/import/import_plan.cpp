// The generic part of planning an import: choose the sheets, find each table's layout, map its
// columns, walk its rows (skipping 合计/小计, group labels, blank lines and the footer, and
// carrying the region / zone / stage that labels and 小计 lines set), and hand every record row
// to the planner of the record kind.
#include "core/import/import_plan.h"

#include <regex>
#include <set>

#include "core/import/presets.h"
#include "core/import/record_planner.h"
#include "core/import/sheet_grid.h"
#include "core/import/text_norm.h"
#include "core/model/period.h"

namespace il::import {
namespace {

bool is_footer_text(const std::string& n) {
    static const std::vector<std::string_view> heads = {
        "填表人", "填报人", "单位负责人", "统计负责人", "负责人:", "制表人", "审核人", "联系电话", "联系人:",
        "报出日期", "填报日期", "填表日期", "制表日期", "注:", "注1", "注：", "说明:", "备注:", "数据来源", "附注"};
    for (auto h : heads)
        if (starts_with(n, h)) return true;
    return false;
}

// "一、固安工业园区", "（二）新开工项目", "3. 续建项目" -> the text after the numbering, and
// whether there was a numbering.
std::string strip_numbering(const std::string& n, bool* numbered) {
    // multi-byte characters as alternatives, never inside [] (std::regex works on bytes)
    static const std::regex re(R"(^(\(?((?:一|二|三|四|五|六|七|八|九|十|百)+|\d{1,3})\)?)(?:、|\.|,|:|\))?)");
    std::smatch m;
    if (std::regex_search(n, m, re) && m.length(0) > 0 && m.length(0) < static_cast<long>(n.size())) {
        bool paren = !m[1].str().empty() && m[1].str().front() == '(';
        bool sep = m.length(0) > m[1].length();
        if (paren || sep) {
            *numbered = true;
            return n.substr(static_cast<std::size_t>(m.length(0)));
        }
    }
    *numbered = false;
    return n;
}

std::optional<std::string> stage_in_label(const std::string& label) {
    const FieldDef* stage = find_field(RecordKind::Projects, "stage");
    for (auto c : stage->choices)
        if (contains(label, c) && contains(label, "项目")) return std::string(c);
    return std::nullopt;
}

// A region named inside a text (the 填报单位 "固安县发展和改革局"): only when exactly one fits.
std::optional<std::int64_t> region_inside(const DictionaryLookup& dict, const std::string& text) {
    std::string n = normalize_label(text);
    if (n.empty()) return std::nullopt;
    std::optional<std::int64_t> found;
    for (const auto& r : dict.regions) {
        if (contains(n, normalize_label(r.name))) {
            if (found && *found != r.id) return std::nullopt;
            found = r.id;
        }
    }
    return found;
}

// No content: empty, or only spaces.
bool blank_cell(const Cell& c) { return c.empty() || (c.type == CellType::Text && trim(c.text).empty()); }

struct SheetWalker {
    db::Database& db;
    const ImportOptions& options;
    const DictionaryLookup& dict;
    RecordPlanner& planner;
    ImportPlan& plan;
    const std::map<std::string, Cell>& fixed;
    ValueResolver& resolver;
    MappingContext ctx;
    ProgressSink& progress;
    std::size_t& rows_seen;   // data rows walked in all sheets so far
    std::size_t rows_total;   // rows of the sheets to walk (for the fraction)

    void walk(const Sheet& sheet, const SheetGrid& grid, const SheetLayout& layout, const Mapping& mapping) {
        RowContext base;
        if (auto r = dict.region(sheet.name); r.id) base.region_id = r.id;
        else if (auto z = dict.zone(sheet.name); z.id) {
            base.zone_id = z.id;
            base.region_id = dict.zone_region(*z.id);
        } else if (auto rr = region_inside(dict, layout.reporting_unit)) base.region_id = rr;
        else if (auto rt = region_inside(dict, layout.title)) base.region_id = rt;  // "固安县2017年重点项目台账"
        RowContext rc = base;

        const ColumnBinding* name_b = mapping.find("name");
        int name_col = name_b ? name_b->col : 0;
        std::vector<const ColumnBinding*> bound;
        std::set<int> ignored_cols;
        for (const auto& b : mapping.columns) {
            if (!b.field.empty()) bound.push_back(&b);
            else if (b.note == "不需要导入") ignored_cols.insert(b.col);
        }
        int width = grid.column_count();
        int footer_row = -1, skipped_after_footer = 0;
        std::vector<std::pair<SourceRow, RowContext>> records;
        int totals = 0, subtotals = 0, labels = 0;

        for (const Row& row : sheet.rows) {
            if (row.index < layout.data_first) continue;
            if (++rows_seen % kPlanChunk == 0) {
                if (progress.cancelled()) throw Cancelled();
                progress.step("检查第 " + std::to_string(rows_seen) + " 行",
                              rows_total ? static_cast<double>(rows_seen) / static_cast<double>(rows_total) : 0.0);
            }
            // Cells with merges expanded
            std::vector<Cell> cells(static_cast<std::size_t>(width));
            bool any = false;
            for (int c = 0; c < width; ++c) {
                cells[static_cast<std::size_t>(c)] = grid.at(row.index, c);
                if (!cells[static_cast<std::size_t>(c)].empty()) any = true;
            }
            if (!any) continue;
            if (footer_row >= 0) {
                ++skipped_after_footer;
                continue;
            }
            // 合计 / 小计: in the name column or left of it
            bool total = false, subtotal = false;
            std::string sub_label;
            for (int c = 0; c <= name_col && c < width; ++c) {
                const Cell& cell = cells[static_cast<std::size_t>(c)];
                if (cell.type != CellType::Text) continue;
                std::string n = normalize_label(cell.text);
                if (contains(n, "合计") || contains(n, "总计")) total = true;
                else if (std::size_t p = n.find("小计"); p != std::string::npos) {
                    subtotal = true;
                    sub_label = n.substr(0, p);
                }
            }
            if (total) {
                ++totals;
                continue;
            }
            if (subtotal) {
                ++subtotals;
                bool numbered = false;
                std::string lbl = strip_numbering(sub_label, &numbered);
                apply_label(lbl, base, rc);
                continue;
            }
            // Footer: the first text of the row
            std::string first_text;
            for (const Cell& cell : cells)
                if (!cell.empty()) {
                    first_text = normalize_label(cell_text(cell));
                    break;
                }
            if (is_footer_text(first_text)) {
                footer_row = row.index;
                continue;
            }
            // Group label: one text (besides 序号), no figures
            int texts = 0, numbers = 0;
            std::string label;
            std::string numbering;
            for (int c = 0; c < width; ++c) {
                const Cell& raw = grid.raw(row.index, c);
                if (raw.empty()) continue;
                if (ignored_cols.count(c)) {
                    numbering += cell_text(raw);
                    continue;
                }
                if (raw.type == CellType::Text) {
                    ++texts;
                    label = normalize_label(raw.text);
                } else {
                    ++numbers;
                }
            }
            if (texts == 0 && numbers == 0) {
                // Only the 序号 column: a label written there ("一、固安工业园区"), or an empty
                // pre-numbered template row
                bool numbered = false;
                std::string lbl = strip_numbering(normalize_label(numbering), &numbered);
                if (numbered) apply_label(lbl, base, rc);
                ++labels;
                continue;
            }
            if (texts == 1 && numbers == 0) {
                bool numbered = false;
                std::string lbl = strip_numbering(label, &numbered);
                bool chinese_numbering = !numbering.empty() && std::regex_match(normalize_label(numbering),
                                                                               std::regex(R"(^\(?(?:一|二|三|四|五|六|七|八|九|十)+\)?(?:、|\.)?$)"));
                if (numbered || chinese_numbering || dict.region(lbl).id || dict.zone(lbl).id) {
                    ++labels;
                    apply_label(lbl, base, rc);
                    continue;
                }
            }
            // A record: planned below, once every record row is known
            SourceRow src;
            src.sheet = sheet.name;
            src.row = row.index + 1;
            src.cells = std::move(cells);
            records.push_back({std::move(src), rc});
        }
        // A mapped column that is empty in every record row is taken as absent (a template's
        // unused column): its empty cells neither clear texts nor count as "not reported".
        std::vector<const ColumnBinding*> used;
        for (const ColumnBinding* b : bound) {
            bool filled = false;
            for (const auto& [src, ctx_rc] : records)
                if (b->col < width && !blank_cell(src.cells[static_cast<std::size_t>(b->col)])) {
                    filled = true;
                    break;
                }
            if (filled || fixed.count(b->field)) used.push_back(b);
            else if (!records.empty())
                plan.notes.push_back("工作表“" + sheet.name + "”第" + std::to_string(b->col + 1) + "列“" + b->header +
                                     "”整列为空，视为没有这一列");
        }
        for (auto& [src, row_rc] : records) {
            RowValues values(options.kind, dict, fixed, row_rc);
            values.set_resolver(&resolver);
            resolver.at_row(src.sheet, src.row);
            for (const ColumnBinding* b : used)
                if (b->col < width) values.add(b, &src.cells[static_cast<std::size_t>(b->col)]);
            // Values from outside the row (group label, 小计 line, sheet name), for the errors
            // workbook: a corrected row must re-import without its surroundings
            auto own = [&](const char* f) { return values.text(f).has_value(); };
            if (!own("region") && row_rc.region_id) src.context.push_back({"region", dict.region_name(*row_rc.region_id)});
            if (!own("zone") && row_rc.zone_id) src.context.push_back({"zone", dict.zone_name(*row_rc.zone_id)});
            if (!own("stage") && row_rc.stage) src.context.push_back({"stage", *row_rc.stage});
            // --set values the row's own cells do not give: the corrected row re-imports alone
            for (const auto& [key, cell] : fixed) {
                bool in_row = false;
                for (const ColumnBinding* b : used)
                    if (b->field == key && b->col < width && !blank_cell(src.cells[static_cast<std::size_t>(b->col)]))
                        in_row = true;
                if (!in_row) src.context.push_back({key, cell_text(cell)});
            }
            // RowValues points into src.cells: moving src keeps the cells' storage
            planner.plan_row(values, std::move(src), plan);
        }
        plan.skipped_rows += totals + subtotals + labels + skipped_after_footer + (footer_row >= 0 ? 1 : 0);
        std::string s = "工作表“" + sheet.name + "”：表头在第" + std::to_string(layout.header_first + 1) +
                        (layout.header_last > layout.header_first ? "-" + std::to_string(layout.header_last + 1) : "") +
                        "行";
        if (totals) s += "，跳过合计行 " + std::to_string(totals);
        if (subtotals) s += "，小计行 " + std::to_string(subtotals);
        if (labels) s += "，分组标题行 " + std::to_string(labels);
        if (footer_row >= 0)
            s += "，第" + std::to_string(footer_row + 1) + "行起为表尾（" + std::to_string(skipped_after_footer + 1) + "行）";
        plan.notes.push_back(s);
    }

    void apply_label(const std::string& label, const RowContext& base, RowContext& rc) {
        if (label.empty()) return;
        if (auto r = dict.region(label); r.id) {
            rc.region_id = r.id;
            rc.zone_id.reset();
            return;
        }
        if (auto z = dict.zone(label); z.id) {
            rc.zone_id = z.id;
            rc.region_id = dict.zone_region(*z.id);
            return;
        }
        if (auto s = stage_in_label(label)) {
            rc.stage = s;
            return;
        }
        // A label naming nothing known resets to the sheet's defaults
        rc.region_id = base.region_id;
        rc.zone_id = base.zone_id;
    }
};

// The mapping of a sheet: the given preset, else the saved preset made for this header layout
// (options.auto_preset), else the automatic one.
Mapping choose_mapping(db::Database& db, const SheetLayout& layout, const ImportOptions& options, const MappingContext& ctx,
                       std::string& preset_name, bool& preset_auto, ValueDecisions* preset_values = nullptr) {
    preset_name = options.preset ? options.preset_name : std::string();
    preset_auto = false;
    if (options.preset) {
        if (preset_values) *preset_values = preset_decisions(*options.preset);
        return apply_preset(*options.preset, layout, options.kind, ctx);
    }
    if (options.auto_preset)
        if (auto saved = preset_for_signature(db, options.kind, layout_signature(layout))) {
            preset_name = saved->name;
            preset_auto = true;
            if (preset_values) *preset_values = preset_decisions(saved->mapping);
            return apply_preset(saved->mapping, layout, options.kind, ctx);
        }
    return auto_map(layout, options.kind, ctx);
}

}  // namespace

std::vector<SheetPlan> map_workbook(db::Database& db, const Workbook& workbook, const ImportOptions& options) {
    MappingContext ctx;
    for (const auto& [key, value] : options.set_fields) {
        if (key == "year") {
            try {
                ctx.year = std::stoi(value);
            } catch (...) {
            }
        } else if (key == "period" || key == "month") {
            if (auto p = parse_period(value)) {
                ctx.year = p->year;
                ctx.month = p->month;
            }
        }
    }
    std::vector<SheetPlan> out;
    for (const Sheet& sheet : workbook.sheets) {
        if ((!options.sheet.empty() && sheet.name != options.sheet) || sheet.is_chart) continue;
        SheetGrid grid(sheet);
        auto layout = detect_layout(grid, options.kind);
        if (!layout) continue;
        SheetPlan sp;
        sp.mapping = choose_mapping(db, *layout, options, ctx, sp.preset_name, sp.preset_auto);
        sp.layout = std::move(*layout);
        out.push_back(std::move(sp));
    }
    if (!out.empty()) return out;
    // Nothing recognised: offer the sheets that look like tables for manual mapping
    for (const Sheet& sheet : workbook.sheets) {
        if ((!options.sheet.empty() && sheet.name != options.sheet) || sheet.is_chart) continue;
        SheetGrid grid(sheet);
        auto layout = guess_table_layout(grid, options.kind);
        if (!layout) continue;
        SheetPlan sp;
        sp.mapping = choose_mapping(db, *layout, options, ctx, sp.preset_name, sp.preset_auto);
        sp.needs_confirmation = (!options.preset && sp.preset_name.empty()) || !sp.mapping.has("name");
        sp.layout = std::move(*layout);
        out.push_back(std::move(sp));
    }
    return out;
}

int ImportPlan::count(Outcome o) const {
    int n = 0;
    for (const auto& r : records)
        if (r.outcome == o) ++n;
    return n;
}

int ImportPlan::warned() const {
    int n = 0;
    for (const auto& r : records)
        if (!r.warnings.empty()) ++n;
    return n;
}

ImportPlan plan_import(db::Database& db, const Workbook& workbook, const ImportOptions& options) {
    return plan_import(db, workbook, options, DictionaryLookup::load(db));
}

ImportPlan plan_import(db::Database& db, const Workbook& workbook, const ImportOptions& options,
                       const DictionaryLookup& dict) {
    NullProgress none;
    return plan_import(db, workbook, options, dict, none);
}

ImportPlan plan_import(db::Database& db, const Workbook& workbook, const ImportOptions& options,
                       const DictionaryLookup& given_dict, ProgressSink& progress) {
    ImportPlan plan;
    // A copy: the entries this import decides to add join it (with pending ids) as rows name them
    DictionaryLookup dict = given_dict;
    ValueResolver resolver(dict, options.decisions);
    std::size_t rows_seen = 0, rows_total = 0;
    for (const Sheet& sheet : workbook.sheets)
        if (options.sheet.empty() || sheet.name == options.sheet) rows_total += sheet.rows.size();
    if (progress.cancelled()) throw Cancelled();
    progress.step("检查数据", 0.0);
    plan.kind = options.kind;
    plan.source_name = options.source_name;

    MappingContext ctx;
    std::map<std::string, Cell> fixed;
    for (const auto& [key, value] : options.set_fields) {
        if (key == "year") {
            int y = 0;
            try { y = std::stoi(value); } catch (...) {}
            if (y < 1990 || y > 2100) throw ValidationError("--set year=" + value + "：不是有效的年份");
            ctx.year = y;
            continue;
        }
        if (key == "period" || key == "month") {
            auto p = parse_period(value);
            if (!p) throw ValidationError("--set " + key + "=" + value + "：不是有效的期间（例如 2017-06）");
            ctx.year = p->year;
            ctx.month = p->month;
            continue;
        }
        const FieldDef* f = find_field(options.kind, key);
        if (!f || f->type == ValueType::Ignore || f->period != PeriodRole::None)
            throw ValidationError("--set " + key + "：" + kind_name(options.kind) + " 没有这个字段");
        Cell c;
        c.type = CellType::Text;
        c.text = value;
        fixed[key] = c;
    }

    std::unique_ptr<RecordPlanner> planner;
    switch (options.kind) {
        case RecordKind::Projects: planner = make_project_planner(db, dict); break;
        case RecordKind::Renovations: planner = make_renovation_planner(db, dict); break;
        case RecordKind::Deals: planner = make_deal_planner(db, dict); break;
    }

    std::vector<std::string> looked;
    bool found_sheet = options.sheet.empty();
    for (const Sheet& sheet : workbook.sheets) {
        if (!options.sheet.empty() && sheet.name != options.sheet) continue;
        found_sheet = true;
        if (sheet.is_chart) {
            looked.push_back("“" + sheet.name + "”是图表");
            continue;
        }
        SheetGrid grid(sheet);
        auto layout = detect_layout(grid, options.kind);
        std::string preset_name;
        bool preset_auto = false;
        ValueDecisions preset_values;
        std::optional<Mapping> guessed_mapping;
        if (!layout) {
            // A guessed header is read only when a preset (given, or saved for this layout)
            // names its name column: the user confirmed the mapping
            if (auto g = guess_table_layout(grid, options.kind)) {
                Mapping m = choose_mapping(db, *g, options, ctx, preset_name, preset_auto, &preset_values);
                if (!preset_name.empty() || options.preset) {
                    if (m.has("name")) {
                        layout = std::move(g);
                        guessed_mapping = std::move(m);
                    }
                }
            }
        }
        if (!layout) {
            looked.push_back("“" + sheet.name + "”没有可识别的表头");
            continue;
        }
        Mapping mapping = guessed_mapping ? std::move(*guessed_mapping)
                                          : choose_mapping(db, *layout, options, ctx, preset_name, preset_auto, &preset_values);
        resolver.merge_decisions_under(preset_values);
        auto problems = mapping.problems();
        // --set can supply what the header lacks (a figure's year)
        if (!problems.empty())
            throw ValidationError("工作表“" + sheet.name + "”的列无法对应：" + [&] {
                std::string s;
                for (const auto& p : problems) s += "\n  " + p;
                return s;
            }());
        MappingContext sheet_ctx = ctx;
        if (!sheet_ctx.year) sheet_ctx.year = layout->year;
        if (!sheet_ctx.month) sheet_ctx.month = layout->month;
        if (preset_auto)
            plan.notes.push_back("工作表“" + sheet.name + "”：表头与导入方案“" + preset_name + "”一致，已自动使用该方案");
        SheetWalker walker{db, options, dict, *planner, plan, fixed, resolver, sheet_ctx, progress, rows_seen, rows_total};
        walker.walk(sheet, grid, *layout, mapping);
        plan.sheets.push_back({std::move(*layout), std::move(mapping), preset_name, preset_auto});
    }
    if (!found_sheet) {
        std::string names;
        for (const auto& s : workbook.sheets) names += (names.empty() ? "" : "、") + s.name;
        throw ValidationError("文件中没有名为“" + options.sheet + "”的工作表（有：" + names + "）");
    }
    if (plan.sheets.empty()) {
        std::string s = "文件中没有找到可导入的表格：需要一行表头，至少包含“项目名称”和另一个已知列（如总投资、建设单位）";
        if (!looked.empty()) {
            s += "（";
            for (std::size_t i = 0; i < looked.size(); ++i) s += (i ? "；" : "") + looked[i];
            s += "）";
        }
        throw ValidationError(s);
    }
    plan.unknown_values = resolver.unknown_values();
    plan.additions = resolver.pending();
    plan.decisions = resolver.decisions();
    for (const auto& a : plan.additions)
        plan.notes.push_back("将新增" + decision_field_label(a.field) + "“" + a.name + "”（" + std::to_string(a.count) + " 行）");
    progress.step("检查完毕", 1.0);
    return plan;
}

}  // namespace il::import
