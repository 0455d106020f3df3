#include "core/stats/warning_lights.h"

#include <cctype>
#include <cstdio>

#include "core/util/error.h"

namespace il::stats {
namespace {

__extension__ typedef __int128 i128;  // GCC and Clang; products of two int64 values

// "10", "12.5", "7.25" percentage points -> basis points; nullopt when malformed.
std::optional<int> parse_points(const std::string& text) {
    std::size_t i = 0;
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    std::int64_t whole = 0, frac = 0;
    int frac_digits = 0, digits = 0;
    for (; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i, ++digits) {
        whole = whole * 10 + (text[i] - '0');
        if (whole > 100) return std::nullopt;
    }
    if (i < text.size() && text[i] == '.') {
        ++i;
        for (; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i) {
            if (++frac_digits > 2) return std::nullopt;
            frac = frac * 10 + (text[i] - '0');
        }
    }
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    if (i != text.size() || digits == 0) return std::nullopt;
    if (frac_digits == 1) frac *= 10;
    const std::int64_t bp = whole * 100 + frac;
    if (bp > 10000) return std::nullopt;
    return static_cast<int>(bp);
}

std::string month_text(Period p) { return std::to_string(p.year) + "年" + std::to_string(p.month) + "月"; }

std::string points_text(std::int64_t bp) {  // basis points of a fraction -> "12.3" percentage points
    const std::int64_t tenths = (bp >= 0 ? bp + 5 : bp - 5) / 10;  // 1/10 of a point
    const std::int64_t a = tenths < 0 ? -tenths : tenths;
    return (tenths < 0 ? "-" : "") + std::to_string(a / 10) + "." + std::to_string(a % 10);
}

}  // namespace

const char* light_name(Light light) {
    switch (light) {
        case Light::Green: return "绿灯";
        case Light::Yellow: return "黄灯";
        case Light::Red: return "红灯";
        case Light::None: break;
    }
    return "";
}

WarnThresholds WarnThresholds::from_settings(db::Database& db) {
    WarnThresholds t;
    auto points = [&](const char* key, int& out) {
        auto v = db.setting(key);
        if (!v) return;
        auto bp = parse_points(*v);
        if (!bp) throw ValidationError(std::string("设置 ") + key + " 的值“" + *v + "”无效：应为 0-100 之间的百分点数（最多两位小数）");
        out = *bp;
    };
    points("warn_yellow_points", t.yellow_bp);
    points("warn_red_points", t.red_bp);
    if (auto v = db.setting("warn_not_started_red_months")) {
        int months = -1;
        try {
            std::size_t used = 0;
            months = std::stoi(*v, &used);
            if (used != v->size()) months = -1;
        } catch (const std::exception&) {
            months = -1;
        }
        if (months < 0 || months > 120)
            throw ValidationError("设置 warn_not_started_red_months 的值“" + *v + "”无效：应为 0-120 之间的整数月数");
        t.not_started_red_months = months;
    }
    t.check();
    return t;
}

namespace {
std::string points_text(int bp) {
    char b[32];
    std::snprintf(b, sizeof b, "%d.%02d", bp / 100, bp % 100);
    return b;
}
}  // namespace

void WarnThresholds::check() const {
    for (const auto& [key, bp] : {std::pair{"warn_yellow_points", yellow_bp}, std::pair{"warn_red_points", red_bp}})
        if (bp < 0 || bp > 10000)
            throw ValidationError(std::string("设置 ") + key + " 的值“" + points_text(bp) + "”无效：应为 0-100 之间的百分点数（最多两位小数）");
    if (not_started_red_months < 0 || not_started_red_months > 120)
        throw ValidationError("设置 warn_not_started_red_months 的值“" + std::to_string(not_started_red_months) +
                              "”无效：应为 0-120 之间的整数月数");
    if (red_bp < yellow_bp)
        throw ValidationError("设置 warn_red_points（" + std::to_string(red_bp / 100) + "）不能小于 warn_yellow_points（" +
                              std::to_string(yellow_bp / 100) + "）");
}

void WarnThresholds::save(db::Database& db) const {
    check();
    db.set_setting("warn_yellow_points", points_text(yellow_bp));
    db.set_setting("warn_red_points", points_text(red_bp));
    db.set_setting("warn_not_started_red_months", std::to_string(not_started_red_months));
}

std::optional<Period> month_of(const std::optional<std::string>& date) {
    if (!date || date->size() < 7) return std::nullopt;
    const std::string& s = *date;
    for (int i : {0, 1, 2, 3, 5, 6})
        if (!std::isdigit(static_cast<unsigned char>(s[static_cast<std::size_t>(i)]))) return std::nullopt;
    if (s[4] != '-') return std::nullopt;
    const int month = (s[5] - '0') * 10 + (s[6] - '0');
    if (month < 1 || month > 12) return std::nullopt;
    return Period{std::stoi(s.substr(0, 4)), month};
}

LightResult evaluate_light(const LightInput& in, Period period, const WarnThresholds& t) {
    LightResult r;
    const std::int64_t plan = in.annual_plan.fen, done = in.completed.fen;
    if (plan > 0) {
        r.completion = Ratio::of(done, plan);
        r.behind = Ratio::of(static_cast<std::int64_t>(period.month) * plan - 12 * done, 12 * plan);
    }
    if (in.stage == "取消") return r;
    if (in.stage == "竣工" || in.stage == "投产") {
        r.light = Light::Green;
        return r;
    }
    if (in.stage == "停缓建") {
        r.light = Light::Red;
        r.reason = "停缓建";
        return r;
    }
    const auto started = month_of(in.actual_start);
    if (!started || *started > period) {
        const auto planned = month_of(in.planned_start);
        if (!planned || *planned > period) return r;  // not due yet
        const int late = (period.year * 12 + period.month) - (planned->year * 12 + planned->month);
        if (late >= t.not_started_red_months) {
            r.light = Light::Red;
            r.reason = "计划" + month_text(*planned) + "开工，逾期" + std::to_string(late) + "个月未开工";
        } else {
            r.light = Light::Yellow;
            r.reason = "计划" + month_text(*planned) + "开工，尚未开工";
        }
        return r;
    }
    if (plan <= 0) return r;  // no plan for the year: nothing to measure against
    // behind >= threshold  <=>  10000 * (N*plan - 12*done) >= threshold_bp * 12 * plan   (plan > 0)
    const i128 gap = static_cast<i128>(10000) * (static_cast<i128>(period.month) * plan - static_cast<i128>(12) * done);
    const i128 red = static_cast<i128>(t.red_bp) * 12 * plan;
    const i128 yellow = static_cast<i128>(t.yellow_bp) * 12 * plan;
    if (gap > red) r.light = Light::Red;
    else if (gap >= yellow && gap > 0) r.light = Light::Yellow;  // (a zero threshold: any lag is yellow)
    else r.light = Light::Green;
    if (r.light != Light::Green)
        r.reason = "完成年度计划" + r.completion.percent_text(1) + "，落后序时进度" + points_text(r.behind.basis_points()) + "个百分点";
    return r;
}

}  // namespace il::stats
