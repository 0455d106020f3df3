#include "core/city/package_writer.h"

#include <fstream>
#include <sstream>
#include <system_error>

#include "core/city/office_ledger.h"
#include "core/city/offices.h"
#include "core/db/audit.h"
#include "core/db/period_lock.h"
#include "core/report/report_generator.h"
#include "core/util/clock.h"
#include "core/util/sha256.h"
#include "core/util/uid.h"
#include "core/util/utf8_path.h"

namespace il::city {
namespace fs = std::filesystem;

namespace {
std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) throw FileError("无法读取：" + il::path_utf8(p));
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// A scratch folder removed again at the end, whatever happens.
struct Scratch {
    fs::path dir;
    Scratch() {
        dir = fs::temp_directory_path() / ("il-submit-" + new_uid());
        fs::create_directories(dir);
    }
    ~Scratch() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
};
}  // namespace

SubmitResult submit_package(db::Database& db, const report::TemplateCatalog& catalog, const SubmitRequest& request) {
    NullProgress none;
    return submit_package(db, catalog, request, none);
}

SubmitResult submit_package(db::Database& db, const report::TemplateCatalog& catalog, const SubmitRequest& request,
                            ProgressSink& progress) {
    if (request.period.month < 1 || request.period.month > 12) throw ValidationError("期间无效");
    if (request.out.empty()) throw ValidationError("没有指定上报包文件名");
    Manifest m;
    m.office = request.office.empty() ? own_office_name(db) : request.office;
    m.regions = request.regions.empty() ? own_office_regions(db, m.office) : request.regions;
    m.period = request.period;
    m.uid = new_uid();
    m.created_at = now_iso();
    m.created_by = db.user();
    m.tool_version = IL_VERSION;
    m.schema_version = db.schema_version();

    Scratch scratch;
    progress.step("生成上报报表", 0.05);
    report::ReportRequest rr;
    rr.all = true;
    rr.period = request.period;
    rr.scope = m.regions.size() == 1 ? m.regions.front() : "";
    rr.out = scratch.dir / ("上报报表-" + request.period.key() + ".xlsx");
    rr.report_date = request.report_date;
    ProgressRange report_progress(progress, 0.05, 0.7);
    auto report = report::generate_report(db, catalog, rr, report_progress);
    for (const auto& id : report.template_ids) {
        std::string version;
        for (const auto& e : catalog.entries())
            if (e.id == id && !e.shadowed) version = e.version;
        m.templates.push_back({id, version});
    }

    progress.step("导出本单位数据", 0.75);
    fs::path ledger = scratch.dir / kLedgerEntry;
    write_office_ledger(db, {m.regions, request.period, false}, ledger);
    {
        SQLite::Database copy(il::path_utf8(ledger), SQLite::OPEN_READONLY);
        m.counts = ledger_counts(copy);
    }
    progress.step("写入上报包", 0.9);
    std::string ledger_bytes = slurp(ledger);
    std::string report_bytes = slurp(report.file);
    write_package_zip(request.out, m, {{kLedgerEntry, ledger_bytes}, {kReportEntry, report_bytes}});

    SubmitResult result;
    result.file = request.out;
    result.sha256 = sha256_file(request.out);
    result.manifest = m;
    try {
        // lock() is a transaction of its own; the audit line follows it.
        db::PeriodLocks locks(db);
        if (request.lock && !locks.is_locked(request.period.year, request.period.month)) {
            auto name = request.out.filename().u8string();
            result.archived_reports = locks.lock(request.period.year, request.period.month,
                                                 "上报市级：" + std::string(name.begin(), name.end()));
            result.locked_now = true;
        }
        db::audit_event(db, "submit", "submissions",
                        "上报 " + m.office + " " + request.period.key() + "（上报包 " + m.uid + "，SHA-256 " +
                            result.sha256 + "）");
    } catch (...) {
        std::error_code ec;
        fs::remove(request.out, ec);  // not locked, not recorded: no package either
        throw;
    }
    progress.step("完成", 1.0);
    return result;
}

}  // namespace il::city
