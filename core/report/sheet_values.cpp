#include "core/report/sheet_values.h"

#include <cmath>
#include <cstdio>

#include "core/util/error.h"

namespace il::report::sheet {

bool is_text_type(ColumnType t) { return t == ColumnType::Seq || t == ColumnType::Text; }

namespace {

bool is_int_type(ColumnType t) {
    return t == ColumnType::Money || t == ColumnType::Usd || t == ColumnType::Integer || t == ColumnType::Rank;
}

constexpr std::int64_t kMinorPerWan = 1'000'000;  // 分 (US cents) in one 万元 (万美元)

std::string default_format(const ColumnDef& c) {
    if (!c.format.empty()) return c.format;
    switch (c.type) {
        case ColumnType::Money:
        case ColumnType::Usd:
        case ColumnType::Number: return "#,##0.00";
        case ColumnType::Integer:
        case ColumnType::Rank: return "0";
        case ColumnType::Percent: return "0.0%";
        default: return "";
    }
}

// Numeric value of a figure cell for derivations (in the cell's scaled integer or real).
bool numeric(const Cell& c, double& out) {
    if (c.kind == Cell::Int) { out = static_cast<double>(c.i); return true; }
    if (c.kind == Cell::Real) { out = c.d; return true; }
    return false;
}

Cell derive_cell(const ColumnDef& def, const Cell& a, const Cell& b, const Cell* grand_a) {
    Cell out;
    double x = 0, y = 0;
    // No base to compare with (no plan, nothing last year): the cell says so when the template
    // names the reason, whatever the numerator.
    if (!def.no_base.empty()) {
        const Cell* base = def.derive == DeriveOp::Share ? grand_a : def.derive == DeriveOp::None ? nullptr : &b;
        if (base && (!numeric(*base, y) || y == 0)) {
            out.kind = Cell::Text;
            out.s = def.no_base;
            return out;
        }
    }
    if (!numeric(a, x)) return out;
    switch (def.derive) {
        case DeriveOp::Ratio:
            if (!numeric(b, y) || y == 0) return out;
            out.kind = Cell::Real; out.d = x / y; break;
        case DeriveOp::Growth:
            if (!numeric(b, y) || y == 0) return out;
            out.kind = Cell::Real; out.d = (x - y) / y; break;
        case DeriveOp::Share:
            if (!grand_a || !numeric(*grand_a, y) || y == 0) return out;
            out.kind = Cell::Real; out.d = x / y; break;
        case DeriveOp::Diff:
            if (!numeric(b, y)) y = 0;
            if (a.kind == Cell::Int && (b.kind == Cell::Int || b.kind == Cell::Empty)) {
                out.kind = Cell::Int; out.i = a.i - (b.kind == Cell::Int ? b.i : 0);
            } else {
                out.kind = Cell::Real; out.d = x - y;
            }
            break;
        case DeriveOp::None: break;
    }
    return out;
}

// The running 合计 (or 小计) of one block of rows.
struct Accumulator {
    struct Column {
        std::int64_t si = 0;
        double sd = 0;
        bool any_real = false;
        bool same = true;
        Cell first;
    };
    std::vector<Column> cols;
    std::size_t rows = 0;

    explicit Accumulator(std::size_t n) : cols(n) {}

    void add(const SheetPlan& plan, const std::vector<Cell>& cells) {
        for (std::size_t c = 0; c < cols.size(); ++c) {
            const ColumnDef& def = *plan.columns[c].def;
            Column& a = cols[c];
            const Cell& x = cells[c];
            if (def.total == TotalRule::Sum) {
                if (x.kind == Cell::Int) a.si += x.i;
                else if (x.kind == Cell::Real) { a.sd += x.d; a.any_real = true; }
            } else if (def.total == TotalRule::Same) {
                if (rows == 0) a.first = x;
                else if (a.same)
                    a.same = x.kind == a.first.kind && x.i == a.first.i && x.d == a.first.d && x.s == a.first.s;
            }
        }
        ++rows;
    }

    std::vector<Cell> result(const SheetPlan& plan) const {
        std::vector<Cell> t(cols.size());
        for (std::size_t c = 0; c < cols.size(); ++c) {
            const ColumnDef& def = *plan.columns[c].def;
            const Column& a = cols[c];
            if (def.total == TotalRule::Sum) {
                if (a.any_real || def.type == ColumnType::Number) { t[c].kind = Cell::Real; t[c].d = a.sd + static_cast<double>(a.si); }
                else { t[c].kind = Cell::Int; t[c].i = a.si; }
            } else if (def.total == TotalRule::Same && rows > 0 && a.same) {
                t[c] = a.first;
            }
        }
        return t;
    }
};

}  // namespace

std::string cell_text(const SqlValue& v) {
    if (std::holds_alternative<std::monostate>(v)) return {};
    if (auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
    if (auto* d = std::get_if<double>(&v)) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%g", *d);
        return buf;
    }
    return std::get<std::string>(v);
}

SheetPlan plan_columns(FormatCache& formats, const SheetDef& sheet, const ResultTable& data, const std::string& query_label) {
    const std::size_t ncols = sheet.columns.size();
    SheetPlan out;
    auto& plan = out.columns;
    plan.resize(ncols);
    std::string available;
    for (const auto& name : data.columns) available += (available.empty() ? "" : "、") + name;
    for (std::size_t c = 0; c < ncols; ++c) {
        const ColumnDef& def = sheet.columns[c];
        ColumnPlan& p = plan[c];
        p.def = &def;
        if (!def.source.empty()) {
            p.source = data.column_index(def.source);
            if (p.source < 0)
                throw TemplateError(query_label + "：查询结果中没有列 \"" + def.source + "\"（列 \"" + def.key +
                                    "\" 需要它；查询给出的列：" + available + "）");
        }
        if (def.derive != DeriveOp::None) {
            p.of = sheet.column_index(def.of);
            p.to = def.to.empty() ? -1 : sheet.column_index(def.to);
        }
        // 分 per 万元 and US cents per 万美元 alike.
        p.scale = (def.type == ColumnType::Money || def.type == ColumnType::Usd) ? kMinorPerWan : 1;
        p.width = def.width;
        if (def.derive == DeriveOp::Diff && p.of >= 0) p.scale = plan[static_cast<std::size_t>(p.of)].scale;
        p.num_format = default_format(def);
        if (def.derive == DeriveOp::Diff && def.format.empty() && p.of >= 0)
            p.num_format = plan[static_cast<std::size_t>(p.of)].num_format;
        char align = def.align == Align::Left ? 'l' : def.align == Align::Center ? 'c' : def.align == Align::Right ? 'r'
                   : def.type == ColumnType::Seq || def.type == ColumnType::Rank ? 'c'
                   : is_text_type(def.type) ? 'l' : 'r';
        p.body = formats.get({sheet.font_name, sheet.font_size, false, true, align, def.wrap && is_text_type(def.type), p.num_format});
        p.total = formats.get({sheet.font_name, sheet.font_size, true, true, align == 'l' ? 'l' : align, false, p.num_format});
    }
    if (!sheet.group_by.empty()) {
        out.group_src = data.column_index(sheet.group_by);
        if (out.group_src < 0)
            throw TemplateError(query_label + "：查询结果中没有分组列 \"" + sheet.group_by + "\"（查询给出的列：" + available + "）");
    }
    while (out.label_end + 1u < ncols && is_text_type(sheet.columns[out.label_end + 1u].type) &&
           is_text_type(sheet.columns[out.label_end].type))
        ++out.label_end;
    return out;
}

void row_cells(const SheetPlan& plan, const ResultTable& data, std::size_t r, const std::string& query_label,
               std::vector<Cell>& out) {
    const std::size_t ncols = plan.columns.size();
    out.assign(ncols, Cell{});
    const auto& row = data.rows[r];
    for (std::size_t c = 0; c < ncols; ++c) {
        const ColumnPlan& p = plan.columns[c];
        if (p.source < 0) continue;
        const SqlValue& v = row[static_cast<std::size_t>(p.source)];
        Cell& cell = out[c];
        if (std::holds_alternative<std::monostate>(v)) continue;
        ColumnType t = p.def->type;
        if (is_text_type(t)) {
            cell.kind = Cell::Text;
            cell.s = cell_text(v);
            continue;
        }
        std::int64_t iv = 0;
        if (auto* i = std::get_if<std::int64_t>(&v)) {
            iv = *i;
        } else if (auto* d = std::get_if<double>(&v)) {
            if (is_int_type(t)) {
                if (std::nearbyint(*d) != *d || std::fabs(*d) > 9e15)
                    throw TemplateError(query_label + "：第 " + std::to_string(r + 1) + " 行列 \"" + p.def->source +
                                        "\" 应为整数（金额以分为单位），实际为 " + cell_text(v));
                iv = static_cast<std::int64_t>(*d);
            } else {
                cell.kind = Cell::Real;
                cell.d = *d;
                continue;
            }
        } else {
            throw TemplateError(query_label + "：第 " + std::to_string(r + 1) + " 行列 \"" + p.def->source +
                                "\" 应为数值，实际为文字“" + std::get<std::string>(v) + "”");
        }
        switch (t) {
            case ColumnType::Money:
            case ColumnType::Usd:
            case ColumnType::Integer:
            case ColumnType::Rank: cell.kind = Cell::Int; cell.i = iv; break;
            default: cell.kind = Cell::Real; cell.d = static_cast<double>(iv); break;
        }
    }
}

Totals compute_totals(const SheetPlan& plan, const ResultTable& data, const std::string& query_label) {
    const std::size_t ncols = plan.columns.size(), nrows = data.rows.size();
    Totals out;
    Accumulator grand(ncols), group(ncols);
    std::vector<Cell> cells;
    std::vector<Accumulator> groups;
    for (std::size_t r = 0; r < nrows; ++r) {
        row_cells(plan, data, r, query_label, cells);
        grand.add(plan, cells);
        if (plan.group_src < 0) continue;
        std::string g = cell_text(data.rows[r][static_cast<std::size_t>(plan.group_src)]);
        if (out.groups.empty() || out.groups.back().name != g) {
            out.groups.push_back({std::move(g), r, r + 1, {}});
            groups.emplace_back(ncols);
        } else {
            out.groups.back().end = r + 1;
        }
        groups.back().add(plan, cells);
    }
    // Derived columns of the totals: from the sums, share columns over the 合计 before its own
    // derivation (as the detail rows are).
    out.grand_sums = grand.result(plan);
    for (std::size_t g = 0; g < out.groups.size(); ++g) {
        out.groups[g].totals = groups[g].result(plan);
        derive_cells(plan, out.groups[g].totals, out.grand_sums, true);
    }
    out.grand = out.grand_sums;
    derive_cells(plan, out.grand, out.grand, true);
    return out;
}

void derive_cells(const SheetPlan& plan, std::vector<Cell>& cells, const std::vector<Cell>& share_base, bool is_total) {
    static const Cell empty;
    for (std::size_t c = 0; c < plan.columns.size(); ++c) {
        const ColumnPlan& p = plan.columns[c];
        if (p.def->derive == DeriveOp::None) continue;
        if (is_total && p.def->total != TotalRule::Derive) continue;
        const Cell& a = cells[static_cast<std::size_t>(p.of)];
        const Cell& b = p.to >= 0 ? cells[static_cast<std::size_t>(p.to)] : empty;
        Cell v = derive_cell(*p.def, a, b, &share_base[static_cast<std::size_t>(p.of)]);
        cells[c] = std::move(v);
    }
}

}  // namespace il::report::sheet
