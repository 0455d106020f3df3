// .xlsx reader: minizip for the package, expat (streaming) for the parts. Only non-empty rows are
// kept; every limit in ReadLimits is checked while reading, so hostile files stop early.
#include <charconv>
#include <cmath>
#include <cstring>
#include <map>
#include <unordered_map>

#include "core/import/read/number_format.h"
#include "core/import/read/ole_sniff.h"
#include "core/import/read/reader_support.h"
#include "core/import/read/workbook.h"
#include "core/import/read/xml_stream.h"
#include "core/import/read/zip_archive.h"

namespace il::import {
namespace detail {
namespace {

constexpr std::uint64_t kMaxSmallPart = 64ull * 1024 * 1024;  // rels, workbook.xml

std::string resolve_target(const std::string& base_dir, std::string_view target) {
    // "worksheets/sheet1.xml" relative to "xl/", or "/xl/worksheets/sheet1.xml" absolute.
    std::string path = !target.empty() && target.front() == '/' ? std::string(target.substr(1))
                                                                : base_dir + std::string(target);
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= path.size()) {
        auto slash = path.find('/', start);
        if (slash == std::string::npos) slash = path.size();
        std::string part = path.substr(start, slash - start);
        if (part == "..") {
            if (!parts.empty()) parts.pop_back();
        } else if (!part.empty() && part != ".") {
            parts.push_back(part);
        }
        start = slash + 1;
    }
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
    return out;
}

std::string dir_of(const std::string& part) {
    auto slash = part.rfind('/');
    return slash == std::string::npos ? std::string() : part.substr(0, slash + 1);
}

std::string rels_of(const std::string& part) {
    auto dir = dir_of(part);
    return dir + "_rels/" + part.substr(dir.size()) + ".rels";
}

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Decodes OOXML's _xHHHH_ escapes ("_x000D_" is a carriage return).
void decode_ooxml_escapes(std::string& s) {
    if (s.find("_x") == std::string::npos) return;
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '_' && i + 6 < s.size() && s[i + 1] == 'x' && s[i + 6] == '_') {
            unsigned cp = 0;
            auto [p, ec] = std::from_chars(s.data() + i + 2, s.data() + i + 6, cp, 16);
            if (ec == std::errc() && p == s.data() + i + 6) {
                if (cp < 0x80) {
                    out += static_cast<char>(cp);
                } else if (cp < 0x800) {
                    out += static_cast<char>(0xC0 | (cp >> 6));
                    out += static_cast<char>(0x80 | (cp & 0x3F));
                } else if (cp < 0xD800 || cp > 0xDFFF) {
                    out += static_cast<char>(0xE0 | (cp >> 12));
                    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
                    out += static_cast<char>(0x80 | (cp & 0x3F));
                }
                i += 6;
                continue;
            }
        }
        out += s[i];
    }
    s = std::move(out);
}

struct Relationship {
    std::string type;
    std::string target;  // resolved part name
    bool external = false;
};

class RelsHandler : public XmlHandler {
public:
    explicit RelsHandler(std::string base_dir) : base_(std::move(base_dir)) {}
    std::unordered_map<std::string, Relationship> rels;

    void start(std::string_view name, const char** attrs) override {
        if (name != "Relationship") return;
        const char* id = attr(attrs, "Id");
        const char* type = attr(attrs, "Type");
        const char* target = attr(attrs, "Target");
        const char* mode = attr(attrs, "TargetMode");
        if (!id || !target) return;
        Relationship r;
        r.type = type ? type : "";
        r.external = mode && std::string_view(mode) == "External";
        r.target = r.external ? target : resolve_target(base_, target);
        rels.emplace(id, std::move(r));
    }
    void end(std::string_view) override {}
    void text(const char*, std::size_t) override {}

private:
    std::string base_;
};

struct SheetEntry {
    std::string name;
    std::string rel_id;
    bool hidden = false;
};

class WorkbookHandler : public XmlHandler {
public:
    std::vector<SheetEntry> sheets;
    bool date1904 = false;

    void start(std::string_view name, const char** attrs) override {
        if (name == "sheet") {
            SheetEntry e;
            if (const char* n = attr(attrs, "name")) e.name = n;
            if (const char* id = attr(attrs, "id")) e.rel_id = id;
            if (const char* st = attr(attrs, "state")) e.hidden = std::string_view(st) != "visible";
            if (sheets.size() > 10000) {
                error = "工作表数量异常（超过 10000 个）";
                return;
            }
            sheets.push_back(std::move(e));
        } else if (name == "workbookPr") {
            if (const char* d = attr(attrs, "date1904")) {
                std::string_view v(d);
                date1904 = v == "1" || v == "true" || v == "on";
            }
        }
    }
    void end(std::string_view) override {}
    void text(const char*, std::size_t) override {}
};

class SharedStringsHandler : public XmlHandler {
public:
    SharedStringsHandler(const ReadLimits& limits, ReadBudget& budget, const std::string& label)
        : limits_(limits), budget_(budget), label_(label) {}
    std::vector<std::string> strings;

    void start(std::string_view name, const char** attrs) override {
        if (name == "si") {
            in_si_ = true;
            current_.clear();
        } else if (name == "sst") {
            if (const char* n = attr(attrs, "uniqueCount")) {
                long count = std::strtol(n, nullptr, 10);
                if (count > 0) strings.reserve(static_cast<std::size_t>(std::min(count, 1'000'000L)));
            }
        } else if (name == "rPh") {
            ++in_phonetic_;
        } else if (name == "t" && in_si_ && in_phonetic_ == 0) {
            in_t_ = true;
        }
    }
    void end(std::string_view name) override {
        if (name == "si") {
            decode_ooxml_escapes(current_);
            charge(budget_, limits_, 0, sizeof(std::string) + (current_.size() > 15 ? current_.size() : 0), label_, "");
            strings.push_back(std::move(current_));
            current_.clear();
            in_si_ = false;
        } else if (name == "rPh") {
            if (in_phonetic_ > 0) --in_phonetic_;
        } else if (name == "t") {
            in_t_ = false;
        }
    }
    void text(const char* data, std::size_t len) override {
        if (!in_t_) return;
        if (current_.size() + len > limits_.max_cell_bytes) {
            error = "共享字符串第 " + std::to_string(strings.size() + 1) + " 个太长（超过 " +
                    std::to_string(limits_.max_cell_bytes) + " 字节）";
            return;
        }
        current_.append(data, len);
    }

private:
    const ReadLimits& limits_;
    ReadBudget& budget_;
    const std::string& label_;
    std::string current_;
    bool in_si_ = false;
    bool in_t_ = false;
    int in_phonetic_ = 0;
};

class StylesHandler : public XmlHandler {
public:
    std::map<int, std::string> custom_formats;
    std::vector<int> xf_formats;  // cellXfs index -> numFmtId

    void start(std::string_view name, const char** attrs) override {
        if (name == "numFmt") {
            const char* id = attr(attrs, "numFmtId");
            const char* code = attr(attrs, "formatCode");
            if (id && code) custom_formats[std::atoi(id)] = code;
        } else if (name == "cellXfs") {
            in_cell_xfs_ = true;
        } else if (name == "xf" && in_cell_xfs_) {
            const char* id = attr(attrs, "numFmtId");
            if (xf_formats.size() < 1'000'000) xf_formats.push_back(id ? std::atoi(id) : 0);
        }
    }
    void end(std::string_view name) override {
        if (name == "cellXfs") in_cell_xfs_ = false;
    }
    void text(const char*, std::size_t) override {}

    std::vector<bool> date_styles() const {
        std::vector<bool> out(xf_formats.size());
        for (std::size_t i = 0; i < xf_formats.size(); ++i) {
            int id = xf_formats[i];
            auto it = custom_formats.find(id);
            out[i] = it != custom_formats.end() ? is_date_format_code(it->second) : is_builtin_date_format(id);
        }
        return out;
    }

private:
    bool in_cell_xfs_ = false;
};

class SheetHandler : public XmlHandler {
public:
    SheetHandler(Sheet& sheet, const std::string& label, const ReadLimits& limits, ReadBudget& budget,
                 const std::vector<std::string>& strings, const std::vector<bool>& date_styles, bool date1904)
        : sheet_(sheet),
          label_(label),
          limits_(limits),
          builder_(sheet, label, limits, budget),
          strings_(strings),
          date_styles_(date_styles),
          date1904_(date1904) {}

    void start(std::string_view name, const char** attrs) override {
        if (in_cell_) {
            if (name == "v") {
                in_v_ = true;
                has_v_ = true;
            } else if (name == "f") {
                is_formula_ = true;
            } else if (name == "is") {
                in_is_ = true;
                has_v_ = true;
            } else if (name == "rPh") {
                ++in_phonetic_;
            } else if (name == "t" && in_is_ && in_phonetic_ == 0) {
                in_t_ = true;
            }
            return;
        }
        if (name == "c") {
            if (!in_row_) return;
            start_cell(attrs);
        } else if (name == "row") {
            int row = next_row_;
            if (const char* r = attr(attrs, "r")) {
                char* endp = nullptr;
                long v = std::strtol(r, &endp, 10);
                if (endp == r || *endp != '\0' || v < 1 || v > kMaxRows) {
                    error_at("行号“" + std::string(r) + "”无效（应为 1 到 1048576）");
                    return;
                }
                row = static_cast<int>(v - 1);
            }
            if (row >= kMaxRows) {
                error_at("行数超过 Excel 的上限 1048576");
                return;
            }
            in_row_ = true;
            row_ = row;
            next_row_ = row + 1;
            next_col_ = 0;
            builder_.begin_row(row);
        } else if (name == "mergeCell") {
            const char* ref = attr(attrs, "ref");
            if (!ref) return;
            auto range = parse_range_ref(ref);
            if (!range) {
                error_at("合并单元格区域“" + std::string(ref) + "”无效");
                return;
            }
            if (sheet_.merges.size() >= 1'000'000) {
                error_at("合并单元格数量异常（超过 1000000 个）");
                return;
            }
            sheet_.merges.push_back(*range);
        }
    }

    void end(std::string_view name) override {
        if (in_cell_) {
            if (name == "c") {
                finish_cell();
            } else if (name == "v") {
                in_v_ = false;
            } else if (name == "is") {
                in_is_ = false;
            } else if (name == "t") {
                in_t_ = false;
            } else if (name == "rPh") {
                if (in_phonetic_ > 0) --in_phonetic_;
            }
            return;
        }
        if (name == "row" && in_row_) {
            builder_.end_row();
            in_row_ = false;
        }
    }

    void text(const char* data, std::size_t len) override {
        if (!(in_v_ || in_t_)) return;
        if (value_.size() + len > limits_.max_cell_bytes) {
            error_at("单元格 " + cell_name(row_, col_) + " 的内容太长（超过 " +
                     std::to_string(limits_.max_cell_bytes) + " 字节）");
            return;
        }
        value_.append(data, len);
    }

    void finish() { builder_.finish(); }

private:
    void error_at(std::string what) { error = "工作表“" + sheet_.name + "”：" + std::move(what); }

    void start_cell(const char** attrs) {
        in_cell_ = true;
        has_v_ = in_v_ = in_is_ = in_t_ = is_formula_ = false;
        in_phonetic_ = 0;
        value_.clear();
        type_ = 'n';
        style_ = 0;
        col_ = next_col_;
        if (const char* r = attr(attrs, "r")) {
            auto ref = parse_cell_ref(r);
            if (!ref) {
                error_at("单元格引用“" + std::string(r) + "”无效（第 " + std::to_string(row_ + 1) + " 行）");
                return;
            }
            col_ = ref->col;
        }
        if (col_ >= kMaxCols) {
            error_at("第 " + std::to_string(row_ + 1) + " 行的列数超过 Excel 的上限 16384");
            return;
        }
        next_col_ = col_ + 1;
        for (const char** a = attrs; *a; a += 2) {
            std::string_view an = local_name(a[0]);
            if (an == "t") {
                std::string_view t(a[1]);
                if (t == "n") type_ = 'n';
                else if (t == "s") type_ = 's';
                else if (t == "str" || t == "inlineStr") type_ = 't';
                else if (t == "b") type_ = 'b';
                else if (t == "e") type_ = 'e';
                else if (t == "d") type_ = 'd';
                else {
                    type_ = '?';
                    bad_type_ = std::string(t.substr(0, 20));
                }
            } else if (an == "s") {
                style_ = std::atoi(a[1]);
            }
        }
    }

    bool parse_number(const std::string& text, double& out) {
        const char* b = text.data();
        const char* e = b + text.size();
        while (b < e && (*b == ' ' || *b == '\t' || *b == '\n' || *b == '\r')) ++b;
        while (e > b && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' || e[-1] == '\r')) --e;
        if (b < e && *b == '+') ++b;
        auto [p, ec] = std::from_chars(b, e, out);
        return ec == std::errc() && p == e && std::isfinite(out);
    }

    void finish_cell() {
        in_cell_ = false;
        Cell cell;
        cell.is_formula = is_formula_;
        auto where = [&] { return "单元格 " + cell_name(row_, col_); };
        if (type_ == 's') {
            if (has_v_) {
                char* endp = nullptr;
                const char* b = value_.c_str();
                long long idx = std::strtoll(b, &endp, 10);
                if (endp == b || *endp != '\0') {
                    error_at(where() + "：共享字符串索引“" + value_ + "”不是数字");
                    return;
                }
                if (idx < 0 || static_cast<unsigned long long>(idx) >= strings_.size()) {
                    error_at(where() + "：共享字符串索引 " + value_ + " 超出范围（文件只有 " +
                             std::to_string(strings_.size()) + " 个共享字符串），文件已损坏");
                    return;
                }
                cell.type = CellType::Text;
                cell.text = strings_[static_cast<std::size_t>(idx)];
            }
        } else if (type_ == 't') {
            if (has_v_) {
                cell.type = CellType::Text;
                decode_ooxml_escapes(value_);
                cell.text = std::move(value_);
            }
        } else if (type_ == 'b') {
            if (has_v_ && !value_.empty()) {
                cell.type = CellType::Boolean;
                if (value_ == "1" || value_ == "true") cell.number = 1;
                else if (value_ == "0" || value_ == "false") cell.number = 0;
                else {
                    error_at(where() + "：逻辑值“" + value_ + "”无效");
                    return;
                }
            }
        } else if (type_ == 'e') {
            if (has_v_) {
                cell.type = CellType::Error;
                cell.text = std::move(value_);
            }
        } else if (type_ == 'd') {
            if (has_v_ && !value_.empty()) {
                int y = 0, m = 0, d = 0, hh = 0, mm = 0;
                double ss = 0;
                int n = std::sscanf(value_.c_str(), "%d-%d-%dT%d:%d:%lf", &y, &m, &d, &hh, &mm, &ss);
                if (n < 3 || m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 9999) {
                    error_at(where() + "：日期“" + value_ + "”无效");
                    return;
                }
                cell.type = CellType::Number;
                cell.number = excel_serial(y, m, d) + (hh * 3600 + mm * 60 + ss) / 86400.0;
                cell.is_date = true;
            }
        } else if (type_ == 'n') {
            if (has_v_ && !value_.empty()) {
                double v = 0;
                if (!parse_number(value_, v)) {
                    error_at(where() + "：数值“" + value_.substr(0, 40) + "”无效");
                    return;
                }
                cell.type = CellType::Number;
                cell.number = v;
                if (style_ >= 0 && static_cast<std::size_t>(style_) < date_styles_.size() &&
                    date_styles_[static_cast<std::size_t>(style_)]) {
                    cell.is_date = true;
                    if (date1904_) cell.number += 1462;  // always report 1900-system serials
                }
            }
        } else {
            error_at(where() + "：未知的单元格类型“" + bad_type_ + "”");
            return;
        }
        builder_.set(col_, std::move(cell));
    }

    Sheet& sheet_;
    const std::string& label_;
    const ReadLimits& limits_;
    SheetBuilder builder_;
    const std::vector<std::string>& strings_;
    const std::vector<bool>& date_styles_;
    bool date1904_;

    bool in_row_ = false;
    int row_ = 0;
    int next_row_ = 0;
    int next_col_ = 0;

    bool in_cell_ = false;
    int col_ = 0;
    char type_ = 'n';  // n s t(str/inlineStr) b e d, '?' unknown
    std::string bad_type_;
    int style_ = 0;
    bool has_v_ = false, in_v_ = false, in_is_ = false, in_t_ = false, is_formula_ = false;
    int in_phonetic_ = 0;
    std::string value_;
};

class XlsxReader {
public:
    XlsxReader(std::string_view bytes, std::string label, const ReadLimits& limits)
        : label_(std::move(label)), limits_(limits), zip_(bytes, label_, limits.max_uncompressed_bytes) {}

    Workbook read() {
        std::string workbook_part = find_workbook_part();
        WorkbookHandler wb;
        parse(workbook_part, wb, "");
        if (wb.sheets.empty()) fail(label_, "工作簿中没有工作表");
        RelsHandler rels(dir_of(workbook_part));
        const std::string rels_part = rels_of(workbook_part);
        if (zip_.has(rels_part)) parse(rels_part, rels, "");

        std::vector<std::string> strings;
        std::vector<bool> date_styles;
        for (const auto& [id, rel] : rels.rels) {
            if (rel.external) continue;
            if (ends_with(rel.type, "/sharedStrings") && zip_.has(rel.target)) {
                SharedStringsHandler h(limits_, budget_, label_);
                parse(rel.target, h, "");
                strings = std::move(h.strings);
            } else if (ends_with(rel.type, "/styles") && zip_.has(rel.target)) {
                StylesHandler h;
                parse(rel.target, h, "");
                date_styles = h.date_styles();
            }
        }

        Workbook book;
        for (const auto& entry : wb.sheets) {
            Sheet sheet;
            sheet.name = entry.name;
            sheet.hidden = entry.hidden;
            auto it = rels.rels.find(entry.rel_id);
            if (it == rels.rels.end() || it->second.external) {
                fail_in_sheet(label_, entry.name, "找不到该工作表的数据（关系 “" + entry.rel_id + "” 缺失）");
            }
            const Relationship& rel = it->second;
            if (!ends_with(rel.type, "/worksheet")) {
                sheet.is_chart = true;  // chartsheet, dialogsheet, macrosheet: no cells to read
                book.sheets.push_back(std::move(sheet));
                continue;
            }
            if (!zip_.has(rel.target))
                fail_in_sheet(label_, entry.name, "工作表的数据部件 " + rel.target + " 在文件中缺失，文件不完整");
            SheetHandler h(sheet, label_, limits_, budget_, strings, date_styles, wb.date1904);
            parse(rel.target, h, entry.name);
            h.finish();
            book.sheets.push_back(std::move(sheet));
        }
        return book;
    }

private:
    std::string find_workbook_part() {
        if (zip_.has("_rels/.rels")) {
            RelsHandler root("");
            parse("_rels/.rels", root, "");
            for (const auto& [id, rel] : root.rels)
                if (ends_with(rel.type, "/officeDocument") && !rel.external && zip_.has(rel.target))
                    return rel.target;
        }
        if (zip_.has("xl/workbook.xml")) return "xl/workbook.xml";
        if (zip_.has("content.xml") || zip_.has("mimetype"))
            fail(label_, "这是 OpenDocument（.ods）文件，不是 Excel 工作簿：请在 WPS/LibreOffice 中另存为 .xlsx");
        if (zip_.has("word/document.xml")) fail(label_, "这是 Word 文档，不是 Excel 工作簿");
        fail(label_, "这是一个 zip 压缩包，但不是 Excel 工作簿（缺少 xl/workbook.xml）");
    }

    void parse(const std::string& part, XmlHandler& handler, const std::string& sheet) {
        XmlStream xml(handler, limits_.max_xml_depth);
        auto report = [&](const std::string& what) {
            if (sheet.empty()) fail(label_, "部件 " + part + "：" + what);
            // Sheet handlers already name the sheet.
            if (what.rfind("工作表“", 0) == 0) fail(label_, what);
            fail_in_sheet(label_, sheet, what);
        };
        zip_.stream(part, [&](const char* data, std::size_t n) {
            if (!xml.feed(data, n, false)) report(xml.error());
            return true;
        });
        if (!xml.feed("", 0, true)) report(xml.error());
    }

    std::string label_;
    const ReadLimits& limits_;
    ZipArchive zip_;
    ReadBudget budget_;
};

}  // namespace

Workbook read_xlsx_named(std::string_view bytes, const std::string& label, const ReadLimits& limits) {
    if (bytes.size() >= 4 && std::memcmp(bytes.data(), "PK\x03\x04", 4) != 0 &&
        std::memcmp(bytes.data(), "PK\x05\x06", 4) != 0) {
        if (is_ole_file(bytes)) {
            if (is_encrypted_ooxml(bytes)) fail(label, kPasswordProtected);
            fail(label, "这是旧版 Excel（.xls）或其他 Office 文件，不是 .xlsx；请按 .xls 导入");
        }
        fail(label, "文件内容不是 .xlsx 工作簿（不是 zip 格式，可能已损坏或扩展名有误）");
    }
    if (bytes.size() < 22) fail(label, "文件太短，不是完整的 .xlsx 工作簿（可能被截断）");
    XlsxReader reader(bytes, label, limits);
    return reader.read();
}

}  // namespace detail

Workbook read_xlsx_bytes(std::string_view bytes, const ReadLimits& limits) {
    return detail::read_xlsx_named(bytes, "（内存中的工作簿）", limits);
}

Workbook read_xlsx(const std::filesystem::path& file, const ReadLimits& limits) {
    const std::string label = detail::file_label(file);
    std::string bytes = detail::read_file_bytes(file, limits.max_uncompressed_bytes);
    return detail::read_xlsx_named(bytes, label, limits);
}

}  // namespace il::import
