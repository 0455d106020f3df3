// Self-test steps for the long work that runs on a worker thread: a report generated through the
// 报表 panel (progress, the run recorded, a finding opening its project, a cancelled run leaving
// nothing), and an import of a generated workbook through the import dialog's own code path.
#include <filesystem>
#include <string>

#include <unistd.h>

#include <wx/filename.h>

#include "core/import/field_catalog.h"
#include "core/model/money.h"
#include "core/report/report_generator.h"
#include "core/report/xlsx_writer.h"
#include "core/util/sha256.h"
#include "gui/error_text.h"
#include "gui/import_dialog.h"
#include "gui/import_mapping_grid.h"
#include "gui/main_frame.h"
#include "gui/progress_runner.h"
#include "gui/report_panel.h"
#include "gui/wx_util.h"
#include "core/util/utf8_path.h"
#include "tests/gui/self_test/self_test_steps.h"

namespace il::gui {
namespace fs = std::filesystem;

namespace {
std::int64_t count(db::Database& db, const std::string& sql) { return db.sql().execAndGet(sql).getInt64(); }

// Files in `dir` whose name contains `part`.
int files_containing(const wxString& dir, const std::string& part) {
    int n = 0;
    for (const auto& e : fs::directory_iterator(il::u8path(utf8(dir))))
        if (il::path_utf8(e.path().filename()).find(part) != std::string::npos) ++n;
    return n;
}

// What the sample ledger says about an existing project.
struct KnownRow {
    std::string name, owner, region;
    Money total;
};

// A county's ledger as users keep it: a title, a header with the year and months, a new
// project, a changed one, and a row whose amount cannot be read.
void write_sample_ledger(const wxString& file, const Period& period, const KnownRow& known) {
    report::XlsxWorkbook wb(il::u8path(utf8(file)));
    auto ws = wb.add_sheet("项目台账");
    const std::string y = std::to_string(period.year), m = std::to_string(period.month);
    ws.text(0, 0, "固安县" + y + "年1-" + m + "月重点项目台账");
    const char* head[] = {"序号", "项目名称", "建设单位", "所属县市区", "总投资（万元）"};
    for (std::uint16_t c = 0; c < 5; ++c) ws.text(1, c, head[c]);
    ws.text(1, 5, y + "年计划投资");
    ws.text(1, 6, "1-" + m + "月完成");
    ws.number(2, 0, 1);
    ws.text(2, 1, "自测导入新项目甲");
    ws.text(2, 2, "自测甲公司");
    ws.text(2, 3, "固安县");
    ws.number(2, 4, 50000);
    ws.number(2, 5, 10000);
    ws.number(2, 6, 4000);
    ws.number(3, 0, 2);
    ws.text(3, 1, known.name);
    ws.text(3, 2, known.owner);
    ws.text(3, 3, known.region);
    ws.text(3, 4, format_wan(known.total, false));
    ws.number(4, 0, 3);
    ws.text(4, 1, "自测导入坏行");
    ws.text(4, 2, "自测乙公司");
    ws.text(4, 3, "固安县");
    ws.text(4, 4, "约五亿");
    wb.close();
}
// A ledger whose name column has a header the tool does not know ("工程").
void write_gongcheng_ledger(const wxString& file) {
    report::XlsxWorkbook wb(il::u8path(utf8(file)));
    auto ws = wb.add_sheet("固安县");
    ws.text(0, 0, "固安县重点工程台账");
    const char* head[] = {"序号", "工程", "建设单位", "所属县市区", "总投资（万元）"};
    for (std::uint16_t c = 0; c < 5; ++c) ws.text(1, c, head[c]);
    ws.number(2, 0, 1);
    ws.text(2, 1, "自测工程表项目乙");
    ws.text(2, 2, "自测丙公司");
    ws.text(2, 3, "固安县");
    ws.number(2, 4, 32000);
    wb.close();
}
}  // namespace

int screenshot_long_work(MainFrame& frame, const wxString& out_dir) {
    auto& ctx = frame.context();
    if (!ctx.db) return 1;
    SQLite::Statement q(ctx.db->sql(),
                        "SELECT p.name, p.owner, r.name, p.total_investment FROM projects p JOIN regions r ON r.id = p.region_id "
                        "ORDER BY p.id LIMIT 1");
    if (!q.executeStep()) return 1;
    KnownRow known{q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                   Money{q.getColumn(3).getInt64()} + Money::from_wan(500)};
    const fs::path tmp = fs::temp_directory_path() / ("il-import-shot-" + std::to_string(::getpid()));
    fs::create_directories(tmp);
    const wxString file = wx((tmp / "固安县重点项目台账.xlsx").string());
    int failures = 0;
    try {
        write_sample_ledger(file, ctx.period, known);
        ImportDialog dlg(&frame, ctx);
        dlg.Show();
        if (!dlg.choose_file(file)) ++failures;
        pump_events(500);
        grab_window(dlg, out_dir + "/import-1-file.png");
        if (!dlg.next()) ++failures;
        pump_events(500);
        grab_window(dlg, out_dir + "/import-2-mapping.png");
        if (!dlg.next()) ++failures;
        pump_events(500);
        grab_window(dlg, out_dir + "/import-3-preview.png");
        dlg.Hide();
    } catch (...) {
        ++failures;
    }
    // The 报表 panel after a run: the file link, the buttons, the pre-report findings.
    try {
        frame.show_view(View::Reports);
        pump_events(200);
        if (auto* r = dynamic_cast<ReportPanel*>(frame.view(View::Reports))) {
            if (!r->generate(wx((tmp / "report.xlsx").string()))) ++failures;
            frame.WarpPointer(frame.GetSize().x - 40, frame.GetSize().y - 10);
            pump_events(600);
            grab_window(frame, out_dir + "/reports-generated.png");
        }
    } catch (...) {
        ++failures;
    }
    std::error_code ec;
    fs::remove_all(tmp, ec);
    return failures;
}

void SelfTest::step_report_progress() {
    auto& ctx = frame_.context();
    db::Database& db = *ctx.db;
    frame_.show_view(View::Reports);
    pump_events(100);
    auto* r = dynamic_cast<ReportPanel*>(frame_.view(View::Reports));
    check(r != nullptr, "the report panel exists");
    if (!r) return;

    // A finding to list: one project's 1-N月 above its total investment (put back afterwards).
    SQLite::Statement pick(db.sql(),
                           "SELECT p.id, p.total_investment FROM projects p JOIN progress g ON g.project_id = p.id "
                           "WHERE g.year = ? AND g.month = ? AND g.completed_ytd > 100 ORDER BY p.id LIMIT 1");
    pick.bind(1, ctx.period.year);
    pick.bind(2, ctx.period.month);
    std::int64_t bad_id = 0, bad_total = 0;
    if (pick.executeStep()) {
        bad_id = pick.getColumn(0).getInt64();
        bad_total = pick.getColumn(1).getInt64();
    }
    check(bad_id > 0, "a project with figures in the period");
    db.sql().exec("UPDATE projects SET total_investment = 1 WHERE id = " + std::to_string(bad_id));

    const std::int64_t runs_before = count(db, "SELECT count(*) FROM report_runs");
    const wxString file = dir_ + "/report-progress.xlsx";
    bool ok = r->generate(file);
    db.sql().exec("UPDATE projects SET total_investment = " + std::to_string(bad_total) + " WHERE id = " + std::to_string(bad_id));
    check(ok, "a report is generated through the panel on a worker thread");
    check(wxFileName::FileExists(file), "the report file exists: " + file);
    const std::int64_t added = count(db, "SELECT count(*) FROM report_runs") - runs_before;
    check(added >= 1, wxString::Format("the run is recorded in report_runs (%lld rows)", static_cast<long long>(added)));
    auto runs = report::list_report_runs(db, 1);
    check(!runs.empty() && fs::path(runs[0].file_path).filename() == "report-progress.xlsx" &&
              runs[0].sha256 == sha256_file(il::u8path(utf8(file))),
          "the newest run names the file and its checksum");
    bool listed = false;
    for (const auto& p : r->finding_projects()) listed = listed || (p && *p == bad_id);
    check(listed, wxString::Format("the pre-report finding is listed with its project (%zu findings)", r->findings_count()));
    // A double-click on it opens that project (the dialog itself is replaced by a recorder here).
    std::int64_t opened = 0;
    auto keep = ctx.open_project;
    ctx.open_project = [&](std::int64_t id) { opened = id; };
    for (std::size_t i = 0; i < r->finding_projects().size() && !opened; ++i)
        if (r->finding_projects()[i] == bad_id) r->activate_finding(static_cast<long>(i));
    ctx.open_project = keep;
    check(opened == bad_id, "double-clicking the finding opens its project");

    // Cancelled part-way (as if Cancel were pressed after the third step): nothing is left.
    const std::int64_t runs_mid = count(db, "SELECT count(*) FROM report_runs");
    const wxString cancelled = dir_ + "/report-cancelled.xlsx";
    cancel_next_run_after_steps(3);
    check(!r->generate(cancelled) && r->last_cancelled(), "a cancelled generation reports that it was cancelled");
    check(files_containing(dir_, "report-cancelled") == 0, "no file or temporary file after the cancel");
    check(count(db, "SELECT count(*) FROM report_runs") == runs_mid, "no report_runs row after the cancel");
}

void SelfTest::step_import() {
    auto& ctx = frame_.context();
    db::Database& db = *ctx.db;
    const Period period = ctx.period;
    // An existing project (matched by name and region), to change its total investment.
    SQLite::Statement q(db.sql(),
                        "SELECT p.id, p.name, r.name, p.owner, p.total_investment FROM projects p JOIN regions r ON r.id = p.region_id "
                        "WHERE (SELECT count(*) FROM projects o WHERE o.name = p.name) = 1 ORDER BY p.id DESC LIMIT 1");
    check(q.executeStep(), "a project to update by import");
    const std::int64_t old_id = q.getColumn(0).getInt64();
    const std::string old_name = q.getColumn(1).getString(), old_region = q.getColumn(2).getString(),
                      old_owner = q.getColumn(3).getString();
    const Money old_total{q.getColumn(4).getInt64()};
    const Money new_total = old_total + Money::from_wan(123);

    const wxString file = dir_ + "/ledger-to-import.xlsx";
    write_sample_ledger(file, period, {old_name, old_owner, old_region, new_total});
    auto projects = [&] { return count(db, "SELECT count(*) FROM projects"); };
    auto total_of = [&](std::int64_t id) {
        return count(db, "SELECT total_investment FROM projects WHERE id = " + std::to_string(id));
    };
    const std::int64_t projects_before = projects();

    ImportDialog dlg(&frame_, ctx);
    dlg.Show();
    pump_events(100);
    check(dlg.choose_file(file), "the import dialog reads the file");
    check(dlg.session().kind() == import::RecordKind::Projects &&
              dlg.session().kind_source() == ImportSession::KindSource::Headers,
          "the kind of records is guessed from the headers");
    check(dlg.next() && dlg.page() == ImportDialog::PageMapping, "the mapping step is shown");
    auto* grid = dlg.mapping_grid();
    int owner_row = grid->row_with_header("建设单位");
    const auto* plan_col = dlg.session().mapping().find("annual_plan");
    check(owner_row >= 0 && dlg.session().mapping().columns[static_cast<std::size_t>(owner_row)].field == "owner" && plan_col &&
              plan_col->year == period.year,
          wxString::FromUTF8("the automatic mapping: 建设单位 -> owner, the plan column with its year"));
    // An edit in the grid reaches the mapping, and back.
    grid->set_field(owner_row, "");
    grid->read_into(dlg.session().mapping());
    check(!dlg.session().mapping().has("owner"), "a column set to (not imported) in the grid is left out");
    grid->set_field(owner_row, "owner");
    check(dlg.save_preset(wxString::FromUTF8("自测方案")), "the confirmed mapping is saved as a preset");
    check(count(db, "SELECT count(*) FROM import_presets WHERE name = '自测方案' AND kind = 'projects'") == 1,
          "the preset is in the database");
    check(dlg.next() && dlg.page() == ImportDialog::PagePreview, "the preview step is shown");
    const auto& pr = dlg.session().preview_result();
    check(pr.added == 1 && pr.updated == 1 && pr.rejected == 1,
          wxString::Format("preview: 1 new, 1 changed, 1 rejected (%d, %d, %d)", pr.added, pr.updated, pr.rejected));
    bool changed_cell = false, rejected_line = false;
    for (const auto& l : dlg.session().preview_lines()) {
        changed_cell = changed_cell || (l.status == PreviewLine::Changed && l.field == "总投资" && l.row == 4 &&
                                        l.new_value.find(format_wan(new_total, false).substr(0, 3)) != std::string::npos);
        rejected_line = rejected_line || (l.status == PreviewLine::Rejected && l.sheet == "项目台账" && l.row == 5 &&
                                          l.field == "总投资" && !l.new_value.empty());
    }
    check(changed_cell, wxString::FromUTF8("the preview lists the changed cell (总投资 old -> new)"));
    check(rejected_line, "the preview lists the rejected row with sheet, row, field and reason");
    check(dlg.save_errors(dir_ + "/import-errors.xlsx") && wxFileName::FileExists(dir_ + "/import-errors.xlsx"),
          "the errors workbook is saved");
    check(!dlg.import_now() && projects() == projects_before, "all or nothing: with a rejected row nothing is imported");
    dlg.set_keep_good(true);
    cancel_next_run_after_steps(2);
    check(!dlg.import_now() && dlg.last_cancelled(), "a cancelled import reports that it was cancelled");
    check(projects() == projects_before && total_of(old_id) == old_total.fen, "the cancelled import changed nothing");
    check(dlg.import_now() && dlg.result().written, "the good rows are imported on a worker thread");
    check(projects() == projects_before + 1 && count(db, "SELECT count(*) FROM projects WHERE name = '自测导入新项目甲'") == 1,
          "the new project is in the database");
    check(total_of(old_id) == new_total.fen, "the changed total investment is in the database");
    dlg.Hide();
}

// A ledger without a known name header: offered for manual mapping with a note, imported once
// the user chooses the name column, and mapped by the saved preset the next time.
void SelfTest::step_import_unrecognised() {
    auto& ctx = frame_.context();
    db::Database& db = *ctx.db;
    const wxString file = dir_ + "/gongcheng-ledger.xlsx";
    write_gongcheng_ledger(file);
    const std::int64_t before = count(db, "SELECT count(*) FROM projects");
    {
        ImportDialog dlg(&frame_, ctx);
        dlg.Show();
        pump_events(50);
        check(dlg.choose_file(file), "the import dialog reads the ledger with an unknown name header");
        check(dlg.session().layout() && dlg.session().layout()->guessed && dlg.session().needs_confirmation(),
              "a table without a known name header is offered for manual mapping");
        check(dlg.next() && dlg.page() == ImportDialog::PageMapping, "its mapping step is shown");
        check(!dlg.session().mapping().has("name"), "no name column is assumed");
        auto* grid = dlg.mapping_grid();
        int row = grid->row_with_header("工程");
        check(row >= 0, wxString::FromUTF8("the grid lists the 工程 column"));
        grid->set_field(row, "name");
        check(dlg.save_preset(wxString::FromUTF8("自测工程方案")), "the completed mapping is saved as a preset");
        check(!dlg.session().needs_confirmation(), "once saved, the mapping needs no more confirmation");
        check(dlg.next() && dlg.page() == ImportDialog::PagePreview && dlg.session().preview_result().added == 1,
              "the preview shows its project as new");
        check(dlg.import_now() && dlg.result().written, "the ledger with an unknown name header is imported");
        dlg.Hide();
    }
    check(count(db, "SELECT count(*) FROM projects") == before + 1 &&
              count(db, "SELECT count(*) FROM projects WHERE name = '自测工程表项目乙'") == 1,
          "its project is in the database");
    ImportDialog again(&frame_, ctx);
    again.Show();
    pump_events(50);
    check(again.choose_file(file), "the ledger is read again");
    check(!again.session().needs_confirmation() && again.session().preset_name() == "自测工程方案" &&
              again.session().mapping().has("name"),
          "the next import of the same layout is mapped by the saved preset");
    check(again.next() && again.next() && again.session().preview_result().added == 0 &&
              again.session().preview_result().updated == 0,
          "importing it again changes nothing");
    again.Hide();
}

}  // namespace il::gui
