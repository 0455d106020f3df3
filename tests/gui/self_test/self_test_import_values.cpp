// Self-test step: the import dialog's values step (issue 15) — a ledger whose 产业类别 column
// holds a group name, a sub-item and a value no dictionary knows; the unknown value is listed
// with its row count, mapped once in the table, and the rows import.
#include <filesystem>

#include "core/report/xlsx_writer.h"
#include "gui/import_dialog.h"
#include "gui/import_values_grid.h"
#include "gui/main_frame.h"
#include "gui/wx_util.h"
#include "tests/gui/self_test/self_test_steps.h"

namespace il::gui {
namespace fs = std::filesystem;

namespace {
std::int64_t count(db::Database& db, const std::string& sql) { return db.sql().execAndGet(sql).getInt64(); }

void write_category_ledger(const wxString& file) {
    report::XlsxWorkbook wb(fs::path(utf8(file)));
    auto ws = wb.add_sheet("项目台账");
    ws.text(0, 0, "香河县重点项目台账");
    const char* head[] = {"序号", "项目名称", "所属县市区", "产业类别", "总投资（万元）"};
    for (std::uint16_t c = 0; c < 5; ++c) ws.text(1, c, head[c]);
    const char* names[] = {"自测分类项目甲", "自测分类项目乙", "自测分类项目丙", "自测分类项目丁"};
    const char* categories[] = {"现代服务业", "智慧物流", "自测新兴类别", "自测新兴类别"};
    for (std::uint16_t r = 0; r < 4; ++r) {
        ws.number(r + 2, 0, r + 1);
        ws.text(r + 2, 1, names[r]);
        ws.text(r + 2, 2, "香河县");
        ws.text(r + 2, 3, categories[r]);
        ws.number(r + 2, 4, 20000 + 1000 * r);
    }
    wb.close();
}
}  // namespace

void SelfTest::step_import_values() {
    auto& ctx = frame_.context();
    db::Database& db = *ctx.db;
    const wxString file = dir_ + "/category-ledger.xlsx";
    write_category_ledger(file);
    const std::int64_t before = count(db, "SELECT count(*) FROM projects");
    ImportDialog dlg(&frame_, ctx);
    dlg.Show();
    pump_events(50);
    check(dlg.choose_file(file), "the import dialog reads the ledger with categories as offices write them");
    check(dlg.next() && dlg.page() == ImportDialog::PageMapping, "its mapping step is shown");
    check(dlg.next() && dlg.page() == ImportDialog::PageValues, "a value no dictionary knows opens the values step");
    const auto& table = dlg.session().value_table();
    check(table.size() == 1 && table[0].value == "自测新兴类别" && table[0].count == 2,
          wxString::FromUTF8("the values step lists 自测新兴类别 once, with its 2 rows"));
    pump_events(400);  // the page painted before it is grabbed
    grab_window(dlg, dir_ + "/import-values.png");
    auto* grid = dlg.values_grid();
    int row = grid->row_of("category", "自测新兴类别");
    check(row >= 0, "the unknown value has a row in the table");
    grid->choose(row, "信息服务");
    check(dlg.next() && dlg.page() == ImportDialog::PagePreview && dlg.session().preview_result().rejected == 0 &&
              dlg.session().preview_result().added == 4,
          "mapped once, every row of the value is accepted");
    check(dlg.import_now() && dlg.result().written, "the ledger is imported");
    dlg.Hide();
    check(count(db, "SELECT count(*) FROM projects") == before + 4, "its four projects are in the database");
    check(count(db, "SELECT count(*) FROM projects p JOIN categories c ON c.id = p.category_id "
                    "WHERE p.name LIKE '自测分类项目%' AND c.name = '信息服务'") == 2,
          wxString::FromUTF8("the mapped rows are filed under 信息服务"));
    check(count(db, "SELECT count(*) FROM projects p JOIN categories c ON c.id = p.category_id "
                    "WHERE p.name = '自测分类项目甲' AND c.name = '现代服务业' AND c.group_name = '现代服务业'") == 1,
          wxString::FromUTF8("a group name is stored as the group"));
}

}  // namespace il::gui
