#include "core/import/header_label.h"

#include <regex>

#include "core/import/text_norm.h"

namespace il::import {
namespace {

void erase_all(std::string& s, std::string_view what) {
    for (std::size_t p; (p = s.find(what)) != std::string::npos;) s.erase(p, what.size());
}

// Strips separators left over at either end ("/", ":", "-", "_", empty parentheses).
std::string tidy(std::string s) {
    erase_all(s, "()");
    auto junk = [](char c) { return c == '/' || c == ':' || c == '-' || c == '_' || c == ',' || c == '.'; };
    while (!s.empty() && junk(s.front())) s.erase(s.begin());
    while (!s.empty() && junk(s.back())) s.pop_back();
    return s;
}

}  // namespace

HeaderLabel parse_header_label(std::string_view text) {
    HeaderLabel h;
    std::string s = normalize_label(text);

    // Unit, most specific first; in parentheses, after a slash, or at the end.
    struct U { std::string_view text; AmountUnit unit; bool usd; };
    static const U units[] = {{"万美元", AmountUnit::Wan, true}, {"亿元", AmountUnit::Yi, false},
                              {"万元", AmountUnit::Wan, false}, {"元", AmountUnit::Yuan, false}};
    for (const auto& u : units) {
        for (std::string_view form : {"(", "/", "单位:", ""}) {
            std::string needle = std::string(form) + std::string(u.text) + (form == "(" ? ")" : "");
            std::size_t p = s.rfind(needle);
            if (p == std::string::npos) continue;
            bool at_end = p + needle.size() == s.size();
            bool ok = form == "(" || at_end;
            // a bare "元" at the end of a word like "单元" is not a unit
            if (form.empty() && u.text == "元") ok = false;
            if (!ok) continue;
            h.unit = u.unit;
            h.usd = u.usd;
            s.erase(p, needle.size());
            break;
        }
        if (h.unit) break;
    }
    if (h.unit && !h.usd) {
        // "(单位:万元)" leftovers
        erase_all(s, "(单位:)");
        erase_all(s, "单位:");
    }

    std::smatch m;
    static const std::regex year_re(R"((19\d\d|20\d\d|21\d\d)\s*(年度|年)?)");
    static const std::regex range_re(R"((\d{1,2})-(\d{1,2})月(份)?)");
    static const std::regex month_re(R"((\d{1,2})月(份)?)");
    if (std::regex_search(s, m, range_re)) {
        int a = std::stoi(m[1].str()), b = std::stoi(m[2].str());
        if (a >= 1 && b <= 12 && a <= b) {
            h.month_from = a;
            h.month_to = b;
            s.erase(static_cast<std::size_t>(m.position(0)), static_cast<std::size_t>(m.length(0)));
        }
    }
    // The year: "2017年", or a bare four-digit year when it is the whole part or followed by text
    if (std::regex_search(s, m, year_re)) {
        bool has_suffix = m[2].matched;
        bool whole = m.length(0) == static_cast<long>(s.size());
        if (has_suffix || whole) {
            h.year = std::stoi(m[1].str());
            s.erase(static_cast<std::size_t>(m.position(0)), static_cast<std::size_t>(m.length(0)));
        }
    }
    if (!h.month_to && std::regex_search(s, m, month_re)) {
        int a = std::stoi(m[1].str());
        if (a >= 1 && a <= 12) {
            h.month_from = a;
            h.month_to = a;
            s.erase(static_cast<std::size_t>(m.position(0)), static_cast<std::size_t>(m.length(0)));
        }
    }
    for (std::string_view w : {"本月", "当月"}) {
        std::size_t p = s.find(w);
        if (p != std::string::npos) {
            h.this_month = true;
            s.erase(p, w.size());
        }
    }
    for (std::string_view w : {"本年度", "本年", "今年", "当年"}) {
        std::size_t p = s.find(w);
        if (p != std::string::npos) {
            h.this_year = true;
            s.erase(p, w.size());
        }
    }
    h.core = tidy(s);
    return h;
}

std::optional<UnitLine> parse_unit_line(std::string_view text) {
    std::string s = normalize_label(text);
    std::size_t p = s.find("单位:");
    if (p == std::string::npos) return std::nullopt;
    // "填报单位:" is not a unit line, but "填报单位:xx 单位:万元" is
    while (p != std::string::npos) {
        bool reporting = p >= 6 && (s.compare(p - 6, 6, "填报") == 0 || s.compare(p - 6, 6, "报送") == 0 ||
                                    s.compare(p - 6, 6, "制表") == 0);
        if (!reporting) {
            std::string rest = s.substr(p + std::string_view("单位:").size());
            if (starts_with(rest, "万美元")) return UnitLine{AmountUnit::Wan, true};
            if (starts_with(rest, "亿元")) return UnitLine{AmountUnit::Yi, false};
            if (starts_with(rest, "万元")) return UnitLine{AmountUnit::Wan, false};
            if (starts_with(rest, "元")) return UnitLine{AmountUnit::Yuan, false};
        }
        p = s.find("单位:", p + 1);
    }
    return std::nullopt;
}

}  // namespace il::import
