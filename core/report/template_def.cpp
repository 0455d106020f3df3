#include "core/report/template_def.h"

#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/util/error.h"
#include "core/util/utf8_path.h"

namespace il::report {
namespace fs = std::filesystem;
using nlohmann::json;

int SheetDef::column_index(const std::string& key) const {
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i].key == key) return static_cast<int>(i);
    return -1;
}

bool SheetDef::has_groups_header() const {
    for (const auto& c : columns)
        if (!c.group.empty()) return true;
    return false;
}

namespace {

std::string read_text(const fs::path& file, const std::string& what) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw TemplateError(il::path_utf8(file) + "：无法读取" + what);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Reads fields of one JSON object, remembering where it is (a JSON pointer) for messages, and
// refusing keys it does not know (a misspelt key would otherwise be silently ignored).
class Reader {
public:
    Reader(const json& obj, std::string file, std::string pointer)
        : obj_(obj), file_(std::move(file)), ptr_(std::move(pointer)) {
        if (!obj_.is_object()) fail("", "应为对象 {…}");
    }
    [[noreturn]] void fail(const std::string& key, const std::string& problem) const {
        std::string where = ptr_ + (key.empty() ? "" : "/" + key);
        if (where.empty()) where = "/";
        throw TemplateError(file_ + " " + where + "：" + problem);
    }
    std::string pointer(const std::string& key) const { return ptr_ + "/" + key; }
    const std::string& file() const { return file_; }
    bool has(const std::string& key) {
        used_.insert(key);
        return obj_.contains(key) && !obj_.at(key).is_null();
    }
    const json& at(const std::string& key) {
        used_.insert(key);
        return obj_.at(key);
    }
    std::string str(const std::string& key, bool required, const std::string& fallback = "") {
        if (!has(key)) {
            if (required) fail(key, "缺少必填项 \"" + key + "\"");
            return fallback;
        }
        const json& v = obj_.at(key);
        if (!v.is_string()) fail(key, "应为文字（字符串）");
        return v.get<std::string>();
    }
    bool boolean(const std::string& key, bool fallback) {
        if (!has(key)) return fallback;
        const json& v = obj_.at(key);
        if (!v.is_boolean()) fail(key, "应为 true 或 false");
        return v.get<bool>();
    }
    double number(const std::string& key, double fallback, double min, double max) {
        if (!has(key)) return fallback;
        const json& v = obj_.at(key);
        if (!v.is_number()) fail(key, "应为数字");
        double d = v.get<double>();
        if (d < min || d > max) fail(key, "数值应在 " + fmt(min) + " 到 " + fmt(max) + " 之间");
        return d;
    }
    void no_unknown_keys() const {
        for (const auto& [k, v] : obj_.items())
            if (!used_.count(k) && k.rfind("_", 0) != 0)  // "_comment" and other _keys are free
                fail(k, "未知的设置项 \"" + k + "\"");
    }

private:
    static std::string fmt(double d) {
        std::ostringstream ss;
        ss << d;
        return ss.str();
    }
    const json& obj_;
    std::string file_, ptr_;
    std::set<std::string> used_;
};

ColumnType parse_type(Reader& r, const std::string& s) {
    if (s == "seq") return ColumnType::Seq;
    if (s == "text") return ColumnType::Text;
    if (s == "integer") return ColumnType::Integer;
    if (s == "money") return ColumnType::Money;
    if (s == "usd") return ColumnType::Usd;
    if (s == "money_yi") return ColumnType::MoneyYi;
    if (s == "percent") return ColumnType::Percent;
    if (s == "number") return ColumnType::Number;
    if (s == "rank") return ColumnType::Rank;
    r.fail("type", "未知的列类型 \"" + s + "\"（可用：seq、text、integer、money、money_yi、usd、percent、number、rank）");
}

ColumnDef parse_column(const json& j, const std::string& file, const std::string& ptr) {
    Reader r(j, file, ptr);
    ColumnDef c;
    c.key = r.str("key", true);
    if (c.key.empty()) r.fail("key", "列的 key 不能为空");
    c.header = r.str("header", true);
    c.group = r.str("group", false);
    c.type = parse_type(r, r.str("type", false, "text"));
    c.source = r.str("source", false);
    if (r.has("derive")) {
        Reader d(r.at("derive"), file, r.pointer("derive"));
        std::string op = d.str("op", true);
        if (op == "ratio") c.derive = DeriveOp::Ratio;
        else if (op == "growth") c.derive = DeriveOp::Growth;
        else if (op == "share") c.derive = DeriveOp::Share;
        else if (op == "diff") c.derive = DeriveOp::Diff;
        else d.fail("op", "未知的计算方式 \"" + op + "\"（可用：ratio、growth、share、diff）");
        c.of = d.str("of", true);
        c.to = d.str("to", c.derive != DeriveOp::Share);
        c.no_base = d.str("no_base", false);
        if (!c.no_base.empty() && c.derive == DeriveOp::Diff) d.fail("no_base", "只用于 ratio、growth、share");
        d.no_unknown_keys();
        if (!c.source.empty()) r.fail("source", "计算列（derive）不能同时指定 source");
    } else if (c.type != ColumnType::Seq && c.source.empty()) {
        r.fail("source", "缺少 \"source\"（查询结果中的列名）或 \"derive\"");
    }
    // Default totals: sums for amounts and counts, recomputed for derived columns.
    if (c.derive != DeriveOp::None) c.total = TotalRule::Derive;
    else if (c.type == ColumnType::Money || c.type == ColumnType::Usd || c.type == ColumnType::MoneyYi || c.type == ColumnType::Integer)
        c.total = TotalRule::Sum;
    if (r.has("total")) {
        std::string t = r.str("total", true);
        if (t == "sum") c.total = TotalRule::Sum;
        else if (t == "none") c.total = TotalRule::None;
        else if (t == "derive") c.total = TotalRule::Derive;
        else if (t == "same") c.total = TotalRule::Same;
        else r.fail("total", "未知的合计方式 \"" + t + "\"（可用：sum、none、derive、same）");
        if (c.total == TotalRule::Sum &&
            !(c.type == ColumnType::Money || c.type == ColumnType::Usd || c.type == ColumnType::MoneyYi || c.type == ColumnType::Integer ||
              c.type == ColumnType::Number) )
            r.fail("total", "只有金额、整数或数字列可以求和");
        if (c.total == TotalRule::Derive && c.derive == DeriveOp::None) r.fail("total", "\"derive\" 只用于计算列");
    }
    if (r.has("number")) c.number = r.str("number", true);
    c.format = r.str("format", false);
    c.width = r.number("width", c.type == ColumnType::Seq ? 6 : 12, 1, 120);
    std::string align = r.str("align", false, "auto");
    if (align == "auto") c.align = Align::Auto;
    else if (align == "left") c.align = Align::Left;
    else if (align == "center") c.align = Align::Center;
    else if (align == "right") c.align = Align::Right;
    else r.fail("align", "应为 left、center、right 或 auto");
    c.wrap = r.boolean("wrap", true);
    r.no_unknown_keys();
    return c;
}

ChartDef parse_chart(const json& j, const std::string& file, const std::string& ptr) {
    Reader r(j, file, ptr);
    ChartDef c;
    c.type = r.str("type", false, "column");
    if (c.type != "column" && c.type != "bar" && c.type != "line" && c.type != "pie")
        r.fail("type", "未知的图表类型 \"" + c.type + "\"（可用：column、bar、line、pie）");
    c.title = r.str("title", false);
    c.categories = r.str("categories", true);
    if (!r.has("series") || !r.at("series").is_array() || r.at("series").empty())
        r.fail("series", "应为列 key 的数组，至少一项");
    for (const auto& s : r.at("series")) {
        if (!s.is_string()) r.fail("series", "应为列 key 的数组");
        c.series.push_back(s.get<std::string>());
    }
    c.y_axis_format = r.str("y_axis_format", false);
    c.y_axis_title = r.str("y_axis_title", false);
    c.width_px = static_cast<int>(r.number("width", 720, 100, 4000));
    c.height_px = static_cast<int>(r.number("height", 360, 100, 4000));
    r.no_unknown_keys();
    return c;
}

SheetDef parse_sheet(const json& j, const std::string& file, const std::string& ptr, const fs::path& folder,
                     bool top_level, Reader* top) {
    // A template with one sheet may put the sheet's keys at the top level.
    Reader own(j, file, ptr);
    Reader& r = top ? *top : own;
    (void)top_level;
    SheetDef s;
    s.sheet_name = r.str("sheet_name", false);
    s.title = r.str("title", true);
    s.unit = r.str("unit", false, "万元");
    s.show_filler_unit = r.boolean("show_filler_unit", true);
    s.query_file = r.str("query", true);
    if (s.query_file.find("..") != std::string::npos || fs::path(s.query_file).is_absolute())
        r.fail("query", "SQL 文件应在模板文件夹内（不能含 .. 或绝对路径）");
    fs::path qf = folder / s.query_file;
    std::error_code ec;
    if (!fs::is_regular_file(qf, ec)) r.fail("query", "找不到 SQL 文件 " + il::path_utf8(qf));
    s.sql = read_text(qf, "SQL 文件");
    if (!r.has("columns") || !r.at("columns").is_array() || r.at("columns").empty())
        r.fail("columns", "缺少 \"columns\"（至少一列的数组）");
    const json& cols = r.at("columns");
    for (std::size_t i = 0; i < cols.size(); ++i)
        s.columns.push_back(parse_column(cols[i], file, r.pointer("columns") + "/" + std::to_string(i)));
    // Keys unique; derive operands exist and are figures.
    for (std::size_t i = 0; i < s.columns.size(); ++i) {
        const auto& c = s.columns[i];
        std::string cptr = r.pointer("columns") + "/" + std::to_string(i);
        for (std::size_t k = 0; k < i; ++k)
            if (s.columns[k].key == c.key)
                throw TemplateError(file + " " + cptr + "/key：列 key \"" + c.key + "\" 重复");
        if (c.derive != DeriveOp::None) {
            for (const std::string* operand : {&c.of, &c.to}) {
                if (operand->empty()) continue;
                int idx = s.column_index(*operand);
                if (idx < 0)
                    throw TemplateError(file + " " + cptr + "/derive：引用的列 \"" + *operand + "\" 不存在");
                auto t = s.columns[static_cast<std::size_t>(idx)].type;
                if (!(t == ColumnType::Money || t == ColumnType::Usd || t == ColumnType::MoneyYi || t == ColumnType::Integer ||
                      t == ColumnType::Number || t == ColumnType::Percent))
                    throw TemplateError(file + " " + cptr + "/derive：引用的列 \"" + *operand + "\" 不是数值列");
                if (s.columns[static_cast<std::size_t>(idx)].derive != DeriveOp::None && static_cast<std::size_t>(idx) >= i)
                    throw TemplateError(file + " " + cptr + "/derive：计算列只能引用它左边的计算列（\"" + *operand + "\"）");
            }
        }
    }
    if (r.has("group_by")) {
        Reader g(r.at("group_by"), file, r.pointer("group_by"));
        s.group_by = g.str("column", true);
        s.group_label = g.str("label", false, s.group_label);
        g.no_unknown_keys();
    }
    if (r.has("grand_total")) {
        const json& gt = r.at("grand_total");
        if (gt.is_boolean()) {
            s.grand_total = gt.get<bool>();
        } else {
            Reader g(gt, file, r.pointer("grand_total"));
            s.grand_total_label = g.str("label", false, s.grand_total_label);
            g.no_unknown_keys();
        }
    }
    s.formulas = r.boolean("formulas", true);
    s.column_numbers = r.boolean("column_numbers", true);
    s.freeze_after = r.str("freeze_after", false);
    if (!s.freeze_after.empty() && s.column_index(s.freeze_after) < 0)
        r.fail("freeze_after", "列 \"" + s.freeze_after + "\" 不存在");
    if (r.has("font")) {
        Reader f(r.at("font"), file, r.pointer("font"));
        s.font_name = f.str("name", false, s.font_name);
        s.font_size = f.number("size", s.font_size, 6, 30);
        f.no_unknown_keys();
    }
    s.footer = r.boolean("footer", true);
    s.empty_text = r.str("empty_text", false, s.empty_text);
    if (r.has("page")) {
        Reader p(r.at("page"), file, r.pointer("page"));
        s.page.paper = p.str("paper", false, "A4");
        if (s.page.paper != "A4" && s.page.paper != "A3") p.fail("paper", "纸张应为 A4 或 A3");
        std::string o = p.str("orientation", false, "landscape");
        if (o != "landscape" && o != "portrait") p.fail("orientation", "应为 landscape（横向）或 portrait（纵向）");
        s.page.landscape = o == "landscape";
        s.page.fit_width = p.boolean("fit_width", true);
        p.no_unknown_keys();
    }
    if (r.has("charts")) {
        const json& ch = r.at("charts");
        if (!ch.is_array()) r.fail("charts", "应为数组");
        for (std::size_t i = 0; i < ch.size(); ++i) {
            std::string cptr = r.pointer("charts") + "/" + std::to_string(i);
            ChartDef c = parse_chart(ch[i], file, cptr);
            if (s.column_index(c.categories) < 0)
                throw TemplateError(file + " " + cptr + "/categories：列 \"" + c.categories + "\" 不存在");
            for (const auto& k : c.series)
                if (s.column_index(k) < 0) throw TemplateError(file + " " + cptr + "/series：列 \"" + k + "\" 不存在");
            s.charts.push_back(std::move(c));
        }
    }
    if (!top) r.no_unknown_keys();
    return s;
}

}  // namespace

TemplateDef parse_template(const std::string& json_text, const std::string& file, const fs::path& folder) {
    json j;
    try {
        j = json::parse(json_text);
    } catch (const json::parse_error& e) {
        // e.byte is 1-based; give line and column.
        std::size_t line = 1, col = 1;
        for (std::size_t i = 0; i + 1 < e.byte && i < json_text.size(); ++i) {
            if (json_text[i] == '\n') { ++line; col = 1; } else if ((json_text[i] & 0xC0) != 0x80) ++col;
        }
        std::string what = e.what();
        auto pos = what.find("parse error");
        throw TemplateError(file + " 第 " + std::to_string(line) + " 行第 " + std::to_string(col) +
                            " 列：JSON 格式错误（" + (pos == std::string::npos ? what : what.substr(pos)) + "）");
    }
    Reader r(j, file, "");
    TemplateDef t;
    t.folder = folder;
    (void)r.str("$schema", false);  // the editors' reference to templates/template.schema.json
    t.id = r.str("id", true);
    if (t.id.empty() || t.id.find_first_of(" /\\") != std::string::npos) r.fail("id", "id 不能为空，也不能含空格或斜杠");
    t.name = r.str("name", true);
    t.version = r.str("version", true);
    t.description = r.str("description", false);
    t.order = static_cast<int>(r.number("order", 100, 0, 1e6));
    t.standard = r.boolean("standard", true);
    if (r.has("sheets")) {
        const json& sh = r.at("sheets");
        if (!sh.is_array() || sh.empty()) r.fail("sheets", "应为至少一项的数组");
        for (std::size_t i = 0; i < sh.size(); ++i)
            t.sheets.push_back(parse_sheet(sh[i], file, "/sheets/" + std::to_string(i), folder, false, nullptr));
    } else {
        t.sheets.push_back(parse_sheet(j, file, "", folder, true, &r));
    }
    for (auto& s : t.sheets)
        if (s.sheet_name.empty()) s.sheet_name = t.name;
    r.no_unknown_keys();
    return t;
}

TemplateDef load_template(const fs::path& folder) {
    fs::path file = folder / "template.json";
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) throw TemplateError("模板文件夹不存在：" + il::path_utf8(folder));
    if (!fs::is_regular_file(file, ec)) throw TemplateError(il::path_utf8(file) + "：模板文件夹中缺少 template.json");
    return parse_template(read_text(file, "模板定义"), il::path_utf8(file), folder);
}

}  // namespace il::report
