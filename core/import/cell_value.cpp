#include "core/import/cell_value.h"

#include <charconv>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <vector>

#include "core/import/sheet_grid.h"
#include "core/model/calendar.h"
#include "core/import/text_norm.h"

namespace il::import {
namespace {

std::string shorten(const std::string& s) { return s.size() > 60 ? s.substr(0, 57) + "…" : s; }

std::string quoted(const Cell& c) { return "“" + shorten(cell_text(c)) + "”"; }

// Exact value of a binary double as decimal money: the shortest text that reads back as the same
// double ("96500.5"), then exact decimal parsing. Values carrying float noise beyond 分
// (0.1+0.2 from a formula) are rounded to 分.
std::optional<Money> money_from_double(double v, AmountUnit unit) {
    if (!std::isfinite(v)) return std::nullopt;
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, v);
    std::string text(buf, res.ptr);
    if (text.find('e') == std::string::npos && text.find('E') == std::string::npos) {
        if (auto m = parse_amount(text, unit)) return m;
    }
    long double scale = unit == AmountUnit::Yuan ? 100.0L : unit == AmountUnit::Wan ? 1e6L : 1e10L;
    long double fen = static_cast<long double>(v) * scale;
    if (std::fabs(fen) > 9.0e18L) return std::nullopt;
    return Money{static_cast<std::int64_t>(std::llround(fen))};
}

bool valid_ymd(int y, int m, int d) { return y >= 1900 && y <= 2200 && is_real_day(y, m, d); }


}  // namespace

bool is_blank_figure(const Cell& c) {
    if (c.empty()) return true;
    if (c.type != CellType::Text) return false;
    std::string n = normalize_label(c.text);
    return n.empty() || n == "-" || n == "--" || n == "---" || n == "/" || n == "\\";
}

Parsed<Money> read_amount(const Cell& c, AmountUnit unit) {
    Parsed<Money> p;
    if (is_blank_figure(c)) return p;
    switch (c.type) {
        case CellType::Number:
            if (auto m = money_from_double(c.number, unit)) p.value = m;
            else p.error = quoted(c) + "不是有效的金额";
            return p;
        case CellType::Text: {
            std::string t = normalize_label(c.text);
            if (auto m = parse_amount(t, unit)) {
                p.value = m;
                return p;
            }
            if (ends_with(t, "美元")) p.error = quoted(c) + "是美元金额，本列应为人民币";
            else p.error = quoted(c) + "不是有效的金额";
            return p;
        }
        case CellType::Error: p.error = "单元格是错误值 " + c.text; return p;
        case CellType::Boolean: p.error = quoted(c) + "不是金额"; return p;
        case CellType::Empty: return p;
    }
    return p;
}

std::int64_t amount_step(const Cell& c, AmountUnit unit) {
    std::string t;
    if (c.type == CellType::Number) {
        char buf[64];
        auto res = std::to_chars(buf, buf + sizeof buf, c.number);
        t.assign(buf, res.ptr);
        if (t.find_first_of("eE") != std::string::npos) return 1;
    } else if (c.type == CellType::Text) {
        t = normalize_label(c.text);
        if (ends_with(t, "亿元") || ends_with(t, "亿")) unit = AmountUnit::Yi;
        else if (ends_with(t, "万元") || ends_with(t, "万")) unit = AmountUnit::Wan;
        else if (ends_with(t, "元")) unit = AmountUnit::Yuan;
    } else {
        return 1;
    }
    int scale = unit == AmountUnit::Yuan ? 2 : unit == AmountUnit::Wan ? 6 : 10;
    int decimals = 0;
    std::size_t dot = t.find('.');
    if (dot != std::string::npos)
        for (std::size_t i = dot + 1; i < t.size() && std::isdigit(static_cast<unsigned char>(t[i])); ++i) ++decimals;
    std::int64_t step = 1;
    for (int i = decimals; i < scale; ++i) step *= 10;
    return step;
}

Money same_at(Money stored, Money read, std::int64_t step) {
    if (step <= 1) return read;
    std::int64_t f = stored.fen;
    std::int64_t rounded = f >= 0 ? (f + step / 2) / step * step : -((-f + step / 2) / step * step);
    return rounded == read.fen ? stored : read;
}

Parsed<UsdMoney> read_usd(const Cell& c) {
    Parsed<UsdMoney> p;
    if (is_blank_figure(c)) return p;
    if (c.type == CellType::Number) {
        if (auto m = money_from_double(c.number, AmountUnit::Wan)) p.value = UsdMoney{m->fen};  // same scale: 1万 = 10^6 cents
        else p.error = quoted(c) + "不是有效的金额";
        return p;
    }
    if (c.type == CellType::Text) {
        std::string t = normalize_label(c.text);
        if (auto m = parse_usd_wan(t)) p.value = m;
        else p.error = quoted(c) + "不是有效的美元金额（万美元）";
        return p;
    }
    if (c.type == CellType::Error) p.error = "单元格是错误值 " + c.text;
    else p.error = quoted(c) + "不是金额";
    return p;
}

std::optional<std::string> excel_serial_to_iso(double serial) {
    if (!std::isfinite(serial) || serial < 1 || serial > 2958465) return std::nullopt;
    long days = static_cast<long>(std::floor(serial));
    if (days == 60) return std::nullopt;  // 1900-02-29 does not exist (Excel's leap-year bug)
    if (days < 60) days += 1;             // before the bug, serial 1 = 1900-01-01
    // days since 1899-12-30 -> civil date (Howard Hinnant's algorithm)
    long z = days - 25569 + 719468;  // 25569 = serial of 1970-01-01
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp < 10 ? mp + 3 : mp - 9;
    if (m <= 2) ++y;
    return iso_date(static_cast<int>(y), static_cast<int>(m), static_cast<int>(d));
}

Parsed<std::string> read_date(const Cell& c) {
    Parsed<std::string> p;
    if (is_blank_figure(c)) return p;
    if (c.type == CellType::Error) {
        p.error = "单元格是错误值 " + c.text;
        return p;
    }
    if (c.type == CellType::Boolean) {
        p.error = quoted(c) + "不是日期";
        return p;
    }
    if (c.type == CellType::Number) {
        double v = c.number;
        if (!c.is_date) {
            // A number typed like "2017.3" (year.month) or 201703
            if (v >= 1900 && v < 2201) {
                char buf[64];
                auto res = std::to_chars(buf, buf + sizeof buf, v);
                std::string t(buf, res.ptr);
                std::size_t dot = t.find('.');
                if (dot == std::string::npos) {
                    p.error = quoted(c) + "只有年份，缺少月份";
                    return p;
                }
                std::string frac = t.substr(dot + 1);
                int y = std::stoi(t.substr(0, dot));
                if (frac == "1") {
                    p.error = quoted(c) + "是数字，无法区分1月和10月，请写成 " + std::to_string(y) + "-01 或 " +
                              std::to_string(y) + "-10";
                    return p;
                }
                int m = frac.size() <= 2 ? std::stoi(frac) : 0;
                if (m >= 1 && m <= 12) p.value = iso_month(y, m);
                else p.error = quoted(c) + "不是有效的日期";
                return p;
            }
            if (v >= 190001 && v <= 220012 && v == std::floor(v)) {
                int y = static_cast<int>(v) / 100, m = static_cast<int>(v) % 100;
                if (m >= 1 && m <= 12) p.value = iso_month(y, m);
                else p.error = quoted(c) + "不是有效的日期";
                return p;
            }
            if (v >= 19000101 && v <= 22001231 && v == std::floor(v)) {
                int iv = static_cast<int>(v);
                int y = iv / 10000, m = iv / 100 % 100, d = iv % 100;
                if (valid_ymd(y, m, d)) p.value = iso_date(y, m, d);
                else p.error = quoted(c) + "不是有效的日期";
                return p;
            }
        }
        if (auto s = excel_serial_to_iso(v)) p.value = *s;
        else p.error = quoted(c) + "不是有效的日期";
        return p;
    }
    // Text: digit groups separated by - / . 年 月 (日/号 at the end), or 8 / 6 digits
    std::string t = normalize_label(c.text);
    std::size_t space = t.find_first_of(" T");
    if (space != std::string::npos && t.find(':', space) != std::string::npos) t.resize(space);  // "2017-03-15 00:00:00"
    std::vector<int> parts;
    std::vector<int> widths;
    std::size_t i = 0;
    bool ok = true;
    auto take_sep = [&](std::string_view sep) {
        if (t.compare(i, sep.size(), sep) == 0) {
            i += sep.size();
            return true;
        }
        return false;
    };
    auto only_tail_left = [&] {
        // "2017年3月份", "2017年3月底"
        std::size_t j = i;
        if (t.compare(j, std::string_view("份").size(), "份") == 0) j += std::string_view("份").size();
        if (j == t.size()) return true;
        for (std::string_view tail : {"底", "初", "末", "中旬", "上旬", "下旬"})
            if (t.compare(j, tail.size(), tail) == 0 && j + tail.size() == t.size()) return true;
        return false;
    };
    while (i < t.size() && ok) {
        if (parts.size() == 2 && only_tail_left()) break;
        if (!std::isdigit(static_cast<unsigned char>(t[i]))) {
            ok = false;
            break;
        }
        int v = 0, w = 0;
        while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i])) && w < 9) v = v * 10 + (t[i++] - '0'), ++w;
        if (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) {
            ok = false;
            break;
        }
        parts.push_back(v);
        widths.push_back(w);
        if (i >= t.size()) break;
        if (take_sep("-") || take_sep("/") || take_sep(".") || take_sep("年") || take_sep("月")) continue;
        if ((take_sep("日") || take_sep("号")) && i >= t.size()) break;
        ok = false;
    }
    if (ok && parts.size() == 1 && (widths[0] == 8 || widths[0] == 6)) {
        int v = parts[0];
        if (widths[0] == 8) parts = {v / 10000, v / 100 % 100, v % 100};
        else parts = {v / 100, v % 100};
        widths = {4, 2, 2};
    }
    if (ok && widths.size() >= 2 && widths[0] == 4 && parts.size() <= 3) {
        int y = parts[0], mo = parts[1];
        if (parts.size() == 3) {
            if (valid_ymd(y, mo, parts[2])) p.value = iso_date(y, mo, parts[2]);
            else p.error = quoted(c) + "不是有效的日期";
        } else if (valid_ymd(y, mo, 1)) {
            p.value = iso_month(y, mo);
        } else {
            p.error = quoted(c) + "不是有效的日期";
        }
        return p;
    }
    p.error = quoted(c) + "不是可识别的日期（可写 2017-03-15、2017/3/15、2017年3月、2017.3）";
    return p;
}

Parsed<bool> read_bool(const Cell& c) {
    Parsed<bool> p;
    if (c.empty()) return p;
    if (c.type == CellType::Boolean || c.type == CellType::Number) {
        if (c.number == 0 || c.number == 1) p.value = c.number != 0;
        else p.error = quoted(c) + "不是“是/否”";
        return p;
    }
    std::string t = normalize_label(c.text);
    for (std::string_view y : {"是", "Y", "y", "YES", "Yes", "yes", "√", "✓", "TRUE", "True", "true", "1", "有"})
        if (t == y) { p.value = true; return p; }
    for (std::string_view n : {"否", "N", "n", "NO", "No", "no", "×", "✗", "FALSE", "False", "false", "0", "无", "-", "/"})
        if (t == n) { p.value = false; return p; }
    p.error = quoted(c) + "不是“是/否”";
    return p;
}

std::string read_code(const Cell& c) {
    if (c.type == CellType::Number && std::isfinite(c.number) && c.number == std::floor(c.number) &&
        std::fabs(c.number) < 1e15) {
        char b[32];
        std::snprintf(b, sizeof b, "%.0f", c.number);
        return b;
    }
    return cell_text(c);
}

}  // namespace il::import
