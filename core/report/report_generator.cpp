#include "core/report/report_generator.h"

#include <chrono>
#include <future>
#include <optional>


#include "core/db/period_lock.h"
#include "core/db/write_transaction.h"
#include "core/model/money.h"
#include "core/report/query_pipeline.h"
#include "core/report/sql_query.h"
#include "core/report/xlsx_writer.h"
#include "core/stats/sql_functions.h"
#include "core/stats/report_checks.h"
#include "core/util/clock.h"
#include "core/util/error.h"
#include "core/util/sha256.h"
#include "core/util/uid.h"
#include "core/util/utf8_path.h"
#include "core/validate/common.h"
#include "core/db/row_reader.h"

namespace il::report {
namespace fs = std::filesystem;

std::string chinese_date(const std::string& iso) {
    if (iso.size() < 10) return iso;
    try {
        int y = std::stoi(iso.substr(0, 4)), m = std::stoi(iso.substr(5, 2)), d = std::stoi(iso.substr(8, 2));
        return std::to_string(y) + "年" + std::to_string(m) + "月" + std::to_string(d) + "日";
    } catch (const std::exception&) {
        return iso;
    }
}

namespace {

struct Scope {
    std::string name;
    std::optional<std::int64_t> region_id, zone_id;
};

Scope resolve_scope(db::Database& db, const std::string& scope) {
    Scope s;
    if (scope.empty()) return s;
    s.name = scope;
    db::Query r(db, "SELECT id FROM regions WHERE name = ?");
    r.bind(1, scope);
    if (r.executeStep()) {
        s.region_id = r.getColumn(0).getInt64();
        return s;
    }
    db::Query z(db, "SELECT id FROM zones WHERE name = ?");
    z.bind(1, scope);
    if (z.executeStep()) {
        s.zone_id = z.getColumn(0).getInt64();
        return s;
    }
    std::string names;
    db::Query all(db, "SELECT name FROM regions UNION ALL SELECT name FROM zones");
    while (all.executeStep()) names += (names.empty() ? "" : "、") + all.getColumn(0).getString();
    throw ValidationError("范围“" + scope + "”既不是县（市、区）也不是开发区（可用：" + (names.empty() ? "无" : names) + "）");
}

SqlValue opt(const std::optional<std::int64_t>& v) { return v ? SqlValue(*v) : SqlValue(std::monostate{}); }

// Rows of finished query results that may wait for the writer (the project sheet of 100,000
// projects is written while the aggregate sheets are queried; the next detail sheets wait).
constexpr std::size_t kMaxWaitingRows = 20000;

// While alive, the page cache is sized for reporting: the templates read the projects and
// the monthly figures several times over, and at 100,000 projects (a 550 MB ledger) the default
// 32 MiB makes each query fetch its pages from the OS again. 128 MiB (taken only as used) keeps
// them, within the report's memory goal (< 300 MB at 100k). No mmap: mapped pages would count
// against that goal too, for the whole file.
class ReportingCache {
public:
    explicit ReportingCache(db::Database& db) : db_(db) {
        before_ = db::scalar_int(db_, "PRAGMA cache_size");
        db_.exec("PRAGMA cache_size = -131072");
    }
    ~ReportingCache() {
        try {
            db_.exec("PRAGMA cache_size = " + std::to_string(before_));
        } catch (...) {  // never throws out of a destructor; the next open sets it again anyway
        }
    }
    ReportingCache(const ReportingCache&) = delete;
    ReportingCache& operator=(const ReportingCache&) = delete;

private:
    db::Database& db_;
    std::int64_t before_ = 0;
};

void stop_if_cancelled(ProgressSink& progress) {
    if (progress.cancelled()) throw Cancelled();
}

}  // namespace

SqlParams report_params(db::Database& db, const Period& period, const std::string& scope_name, ReportContext* ctx) {
    Scope scope = resolve_scope(db, scope_name);
    // Besides the parameters, the SQL uses core's rules as functions (stage in the month, counts
    // in the year, 1-N月, warning lights with the thresholds set now): sql_functions.h.
    // (On a server they are server functions reading the thresholds from the settings.)
    if (!db.server()) stats::register_sql_functions(db, stats::WarnThresholds::from_settings(db));
    Period prev = period.previous_month();
    SqlParams p;
    p["year"] = std::int64_t{period.year};
    p["month"] = std::int64_t{period.month};
    p["period"] = period.key();
    p["period_label"] = period.label();
    p["last_year"] = std::int64_t{period.last_year()};
    p["prev_year"] = std::int64_t{prev.year};
    p["prev_month"] = std::int64_t{prev.month};
    p["time_progress"] = period.time_progress();
    p["scope_region_id"] = opt(scope.region_id);
    p["scope_zone_id"] = opt(scope.zone_id);
    p["scope"] = scope.name;
    std::string place = scope.name.empty() ? db.setting_or("city_name", "") : scope.name;
    p["place"] = place;
    if (ctx) {
        ctx->period = period;
        ctx->place = place;
        ctx->scope = scope.name;
        ctx->filler_unit = db.setting_or("footer_unit", "");
        ctx->footer_head = db.setting_or("footer_head", "");
        ctx->footer_stat_head = db.setting_or("footer_stat_head", "");
        ctx->footer_filler = db.setting_or("footer_filler", "");
        ctx->footer_phone = db.setting_or("footer_phone", "");
    }
    return p;
}

void validate_request(const ReportRequest& request) {
    if (request.period.month < 1 || request.period.month > 12) throw ValidationError("报告期无效（应为 YYYY-MM）");
    const std::string& d = request.report_date;
    if (!d.empty() && (d.size() != 10 || !validate::is_valid_date_text(d)))
        throw ValidationError("报出日期“" + d + "”无效：应为实际存在的日期 YYYY-MM-DD，如 2017-07-05");
    // A workbook is an .xlsx whatever it is called; named otherwise (x.csv) it would not open as
    // what its name says.
    std::string ext = il::path_utf8(request.out.extension());
    for (auto& ch : ext) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (ext != ".xlsx")
        throw ValidationError("输出文件“" + il::path_utf8(request.out) + "”应以 .xlsx 结尾（报表是 Excel 工作簿" +
                              (ext.empty() ? std::string() : "，不是 " + il::path_utf8(request.out.extension()) + " 文件") + "）");
}

std::vector<std::string> report_warnings(db::Database& db, const Period& period, const std::string& scope_name) {
    Scope scope = resolve_scope(db, scope_name);
    std::vector<std::string> out;
    // Monthly figures of the period's 1-N月: 亿元以上项目 and 技改 progress, deals' funds in place.
    db::Query q(db,
                "SELECT EXISTS (SELECT 1 FROM progress g JOIN projects p ON p.id = g.project_id"
                "        WHERE g.year = ?1 AND g.month <= ?2"
                "          AND (CAST(?3 AS INTEGER) IS NULL OR p.region_id = ?3) AND (CAST(?4 AS INTEGER) IS NULL OR p.zone_id = ?4))"
                "    OR EXISTS (SELECT 1 FROM renovation_progress g JOIN renovations r ON r.id = g.renovation_id"
                "        WHERE g.year = ?1 AND g.month <= ?2"
                "          AND (CAST(?3 AS INTEGER) IS NULL OR r.region_id = ?3) AND (CAST(?4 AS INTEGER) IS NULL OR r.zone_id = ?4))"
                "    OR EXISTS (SELECT 1 FROM deal_funds f JOIN deals d ON d.id = f.deal_id"
                "        WHERE substr(f.date, 1, 7) BETWEEN ?5 AND ?6"
                "          AND (CAST(?3 AS INTEGER) IS NULL OR d.region_id = ?3) AND (CAST(?4 AS INTEGER) IS NULL OR d.zone_id = ?4))");
    q.bind(1, period.year);
    q.bind(2, period.month);
    if (scope.region_id) q.bind(3, *scope.region_id);
    if (scope.zone_id) q.bind(4, *scope.zone_id);
    q.bind(5, Period{period.year, 1}.key());
    q.bind(6, period.key());
    q.executeStep();
    if (q.getColumn(0).getInt64() == 0)
        out.push_back("报告期 " + period.key() + (scope.name.empty() ? "" : "（" + scope.name + "）") +
                      " 没有任何月度调度数据（1-" + std::to_string(period.month) + "月项目、技改项目的完成投资和招商到位资金都没有），"
                      "报表中本年的数字将全部为 0。"
                      "请确认报告期是否正确。");
    if (db.setting_or("footer_unit", "").empty())
        out.push_back("尚未设置填报单位名称，报表的“填报单位（盖章）：”将为空。"
                      "请在“设置”中填写填报单位，或用命令 investledger-cli init --office 单位名称。");
    return out;
}

std::vector<CheckFinding> run_report_checks(db::Database& db, const Period& period, const std::string& scope_name) {
    // The rules live in core/stats (shared with the GUI and `check`); here they are limited to
    // the report's scope and phrased with the project's region.
    Scope scope = resolve_scope(db, scope_name);
    db::Query where(db,
                    "SELECT r.name, p.region_id, p.zone_id FROM projects p JOIN regions r ON r.id = p.region_id"
                    " WHERE p.id = ?");
    std::vector<CheckFinding> out;
    // Only the scope's projects are checked (the cost is that of what is reported).
    for (const auto& f : stats::run_report_checks(db, period, {scope.region_id, scope.zone_id})) {
        where.bind(1, f.project_id);
        if (!where.executeStep()) {
            where.reset();
            continue;
        }
        std::string region = where.getColumn(0).getString();
        std::int64_t region_id = where.getColumn(1).getInt64();
        std::optional<std::int64_t> zone_id;
        if (!where.getColumn(2).isNull()) zone_id = where.getColumn(2).getInt64();
        where.reset();
        if (scope.region_id && *scope.region_id != region_id) continue;
        if (scope.zone_id && zone_id != scope.zone_id) continue;
        out.push_back({region + " " + f.message, f.project_id});  // the message names the project and the month
    }
    return out;
}

ReportResult generate_report(db::Database& db, const TemplateCatalog& catalog, const ReportRequest& request) {
    NullProgress none;
    return generate_report(db, catalog, request, none);
}

ReportResult generate_report(db::Database& db, const TemplateCatalog& catalog, const ReportRequest& request,
                             ProgressSink& progress) {
    // Fractions of the whole: checks to 0.1, queries to 0.4, rendering to 0.9, writing to 1.
    auto t0 = std::chrono::steady_clock::now();
    validate_request(request);
    // Load every template first: a broken one stops before anything is written.
    progress.step("读取报表模板", 0.0);
    std::vector<TemplateDef> templates;
    for (const auto& id : request.templates) templates.push_back(catalog.load(id));
    if (request.all)
        for (auto& t : catalog.load_standard_set()) {
            bool dup = false;
            for (const auto& x : templates) dup = dup || x.id == t.id;
            if (!dup) templates.push_back(std::move(t));
        }
    if (templates.empty()) throw ValidationError("没有指定报表模板（给出模板 id，或用 --all 生成全套）");

    ReportContext ctx;
    SqlParams params = report_params(db, request.period, request.scope, &ctx);
    ctx.report_date = chinese_date(request.report_date.empty() ? today_iso() : request.report_date);

    // 封账: a locked period's report is handed out exactly as archived (same bytes, same checksum).
    std::string archive_key;
    for (const auto& t : templates) archive_key += (archive_key.empty() ? "" : ",") + t.id;
    if (auto sha = db::reproduce_locked_report(db, archive_key, request.period, ctx.scope, request.out)) {
        ReportResult archived;
        archived.file = request.out;
        archived.sha256 = *sha;
        for (const auto& t : templates) archived.template_ids.push_back(t.id);
        archived.from_archive = true;
        archived.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        return archived;
    }

    ReportResult result;
    stop_if_cancelled(progress);
    // With --strict the checks come first (a finding stops the report before anything is
    // written); otherwise they run while the file is compressed (below), on the data reported.
    if (request.strict) {
        progress.step("报表前检查", 0.02);
        result.findings = run_report_checks(db, request.period, request.scope);
    }
    result.warnings = report_warnings(db, request.period, request.scope);
    stop_if_cancelled(progress);
    if (request.strict && !result.findings.empty()) {
        std::string msg = "报表前检查发现 " + std::to_string(result.findings.size()) + " 个问题（--strict），未生成报表：";
        std::size_t shown = 0;
        for (const auto& f : result.findings) {
            if (shown++ == 20) { msg += "\n  …"; break; }
            msg += "\n  " + f.text;
        }
        throw ValidationError(msg);
    }

    // One read transaction over all sheets: they all see the same data. The queries run ahead
    // on a worker (QueryPipeline, on this connection, inside the transaction) while this thread
    // lays out and writes the sheets already queried; finished results waiting to be written are
    // bounded (kMaxWaitingRows), so besides the sheet being written at most that many rows and
    // the query under way are in memory. The workbook streams each row to disk as it is written
    // (constant_memory): the layout writes rows strictly top to bottom, its 合计/小计 rows
    // computed beforehand. A cancel or an error leaves through ~QueryPipeline (the worker is
    // stopped, its query interrupted) and ~XlsxWorkbook, which removes the temporary file.
    XlsxOptions xlsx_options;
    xlsx_options.constant_memory = true;
    XlsxWorkbook wb(request.out, xlsx_options);
    FormatCache formats(wb);
    const double n_templates = static_cast<double>(templates.size());
    {
        std::optional<ReportingCache> cache;
        if (!db.server()) cache.emplace(db);
        db::ReadTransaction tx(db);
        std::vector<SheetQuery> queries;
        for (const auto& t : templates)
            for (const auto& sheet : t.sheets) queries.push_back({sheet.sql, il::path_utf8(t.folder / sheet.query_file)});
        std::optional<QueryPipeline> pipeline;
        pipeline.emplace(db, params, std::move(queries), kMaxWaitingRows);
        auto cancelled = [&] { return progress.cancelled(); };
        for (std::size_t i = 0; i < templates.size(); ++i) {
            const double from = 0.1 + 0.8 * static_cast<double>(i) / n_templates, span = 0.8 / n_templates;
            const auto& t = templates[i];
            const std::string what = "生成：" + t.id + " " + t.name;
            for (std::size_t s = 0; s < t.sheets.size(); ++s) {
                stop_if_cancelled(progress);
                const double sheet_from = from + span * static_cast<double>(s) / static_cast<double>(t.sheets.size());
                const double sheet_span = span / static_cast<double>(t.sheets.size());
                const std::string label = il::path_utf8(t.folder / t.sheets[s].query_file);
                progress.step("查询数据：" + t.id + " " + t.name, sheet_from);
                ResultTable table = pipeline->next(cancelled);
                stop_if_cancelled(progress);
                progress.step(what, sheet_from + sheet_span * 0.5);
                RowProgress on_rows = [&](std::size_t done, std::size_t total) {
                    stop_if_cancelled(progress);
                    progress.step(what + "（" + std::to_string(done) + "/" + std::to_string(total) + " 行）",
                                  sheet_from + sheet_span * (0.5 + 0.5 * (total ? static_cast<double>(done) / static_cast<double>(total) : 1.0)));
                };
                result.sheets.push_back(render_sheet(wb, formats, t.sheets[s], table, ctx, label, on_rows));
            }
        }
        pipeline.reset();  // the worker is done with the connection before the checks use it
        stop_if_cancelled(progress);
        progress.step(request.strict ? "写入文件" : "报表前检查", 0.9);
        std::string title = templates.size() == 1 ? expand_placeholders(templates[0].sheets[0].title, ctx)
                                                  : ctx.place + std::to_string(ctx.period.year) + "年" + ctx.period.label() + "报表";
        wb.set_properties(title, "投资项目台账报表", db.user());
        stop_if_cancelled(progress);
        // The checks (≈ 0.3 s at 100,000 projects) on a worker, inside the read transaction, while
        // this thread compresses the workbook (libxlsxwriter, ≈ 1.5 s): their cost is hidden. The
        // file is renamed into place only once they are done; their error leaves no file.
        std::future<std::vector<CheckFinding>> checks;
        if (!request.strict)
            checks = std::async(std::launch::async, [&] { return run_report_checks(db, request.period, request.scope); });
        wb.close([&] {  // the last point a cancel is honoured: the file is complete and in place
            if (checks.valid()) result.findings = checks.get();
        });
        tx.end();
    }
    progress.step("登记报表", 0.97);

    result.file = request.out;
    result.sha256 = sha256_file(request.out);
    for (const auto& t : templates) result.template_ids.push_back(t.id);
    if (request.record && !db.read_only()) {
        std::error_code ec;
        fs::path abs = fs::absolute(request.out, ec);
        db::WriteTransaction tx(db);
        db::Query ins(db,
                      "INSERT INTO report_runs(uid, template_id, template_version, period, scope, generated_at, who, "
                      "file_path, sha256) VALUES(?,?,?,?,?,?,?,?,?)");
        std::string now = now_iso();
        for (const auto& t : templates) {
            ins.bind(1, new_uid());
            ins.bind(2, t.id);
            ins.bind(3, t.version);
            ins.bind(4, request.period.key());
            ins.bind(5, ctx.scope);
            ins.bind(6, now);
            ins.bind(7, db.user());
            ins.bind(8, il::path_utf8(ec ? request.out : abs));
            ins.bind(9, result.sha256);
            ins.exec();
            ins.reset();
        }
        tx.commit();
    }
    // First generated while the period is locked: kept, and reproduced from then on.
    if (!db.read_only()) db::keep_report_if_locked(db, archive_key, request.period, ctx.scope, request.out);
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    progress.step("完成", 1.0);
    return result;
}

std::vector<ReportRun> list_report_runs(db::Database& db, int limit) {
    db::Query q(db,
                "SELECT uid, template_id, template_version, period, scope, generated_at, who, file_path, sha256 "
                "FROM report_runs ORDER BY generated_at DESC, id DESC LIMIT ?");
    q.bind(1, limit);
    std::vector<ReportRun> out;
    while (q.executeStep()) {
        ReportRun r;
        db::read_row(q, r.uid, r.template_id, r.template_version, r.period, r.scope, r.generated_at, r.who,
                        r.file_path, r.sha256);
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace il::report
