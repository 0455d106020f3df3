// Reports from the command line: `templates`, `report`, `reports`.
#include <iostream>

#include "cli/cli_context.h"
#include "cli/period_option.h"
#include "core/model/period.h"
#include "core/report/report_generator.h"
#include "core/report/template_catalog.h"
#include "core/util/error.h"
#include "core/util/utf8_path.h"

namespace il::cli {

namespace {

struct ReportArgs {
    std::vector<std::string> templates;
    std::string period;
    std::string scope;
    std::string out;
    std::string date;
    bool all = false;
    bool strict = false;
    bool no_record = false;
    std::vector<std::string> template_dirs;
};

report::TemplateCatalog make_catalog(const std::vector<std::string>& extra_dirs) {
    auto dirs = report::default_template_dirs();
    std::vector<std::filesystem::path> all;
    for (const auto& d : extra_dirs) all.push_back(il::u8path(d));
    all.insert(all.end(), dirs.begin(), dirs.end());
    return report::TemplateCatalog(all);
}

void list_templates(const std::vector<std::string>& dirs, bool json) {
    auto catalog = make_catalog(dirs);
    if (json) {
        std::cout << "[";
        bool first = true;
        for (const auto& e : catalog.entries()) {
            auto esc = [](const std::string& s) {
                std::string o;
                for (char c : s) {
                    if (c == '"' || c == '\\') o += '\\';
                    if (c == '\n') { o += "\\n"; continue; }
                    o += c;
                }
                return o;
            };
            std::cout << (first ? "" : ",") << "\n  {\"id\":\"" << esc(e.id) << "\",\"name\":\"" << esc(e.name)
                      << "\",\"version\":\"" << esc(e.version) << "\",\"folder\":\"" << esc(il::path_utf8(e.folder))
                      << "\",\"standard\":" << (e.standard ? "true" : "false") << ",\"user\":" << (e.user ? "true" : "false")
                      << ",\"error\":\"" << esc(e.error) << "\"}";
            first = false;
        }
        std::cout << "\n]\n";
        return;
    }
    if (catalog.entries().empty()) {
        std::cout << "没有找到报表模板。查找位置：\n";
        for (const auto& d : catalog.dirs()) std::cout << "  " << il::path_utf8(d) << "\n";
        return;
    }
    for (const auto& e : catalog.entries()) {
        std::cout << e.id << "\t" << (e.error.empty() ? e.name : "（模板有误）") << "\t" << e.version << "\t"
                  << il::path_utf8(e.folder);
        if (e.user) std::cout << "\t[用户模板]";
        if (e.shadowed) std::cout << "\t[被同名用户模板覆盖]";
        if (!e.standard) std::cout << "\t[不在全套中]";
        std::cout << "\n";
        if (!e.error.empty()) std::cout << "    错误：" << e.error << "\n";
    }
}

void run_report(const CliContext& ctx, const ReportArgs& a) {
    const auto period = period_option(a.period, "报告期");
    if (a.templates.empty() && !a.all) throw ValidationError("请给出报表模板 id（见 templates 命令），或用 --all 生成全套");
    auto catalog = make_catalog(a.template_dirs);
    auto db = ctx.open(false, false);
    report::ReportRequest req;
    req.templates = a.templates;
    req.all = a.all;
    req.period = period;
    req.scope = a.scope;
    req.out = il::u8path(a.out);
    req.strict = a.strict;
    req.report_date = a.date;
    req.record = !a.no_record;
    report::ReportResult res = report::generate_report(*db, catalog, req);
    if (res.from_archive) {
        std::cout << "该报告期已封账：按封账时存档的报表原样给出 " << il::path_utf8(res.file) << "\n"
                  << "SHA-256：" << res.sha256 << "\n";
        return;
    }
    for (const auto& w : res.warnings) std::cerr << "注意：" << w << "\n";
    if (!res.findings.empty()) {
        std::cerr << "注意：报表前检查发现 " << res.findings.size() << " 个问题（用 --strict 可在有问题时不生成报表）：\n";
        std::size_t n = 0;
        for (const auto& f : res.findings) {
            if (n++ == 50) { std::cerr << "  …（其余 " << res.findings.size() - 50 << " 个略）\n"; break; }
            std::cerr << "  " << f.text << "\n";
        }
    }
    std::cout << "已生成 " << il::path_utf8(res.file) << "（" << res.sheets.size() << " 个工作表";
    std::size_t rows = 0;
    for (const auto& s : res.sheets) rows += s.data_rows;
    std::cout << "，" << rows << " 行数据，用时 " << static_cast<int>(res.seconds * 1000) << " 毫秒）\n";
    for (const auto& s : res.sheets) std::cout << "  " << s.sheet_name << "：" << s.data_rows << " 行\n";
    std::cout << "SHA-256：" << res.sha256 << "\n";
}

void list_runs(const CliContext& ctx, int limit) {
    auto db = ctx.open(false, true);
    auto runs = report::list_report_runs(*db, limit);
    if (runs.empty()) {
        std::cout << "还没有生成过报表。\n";
        return;
    }
    for (const auto& r : runs)
        std::cout << r.generated_at << "\t" << r.template_id << " v" << r.template_version << "\t" << r.period << "\t"
                  << (r.scope.empty() ? "全部" : r.scope) << "\t" << r.who << "\t" << r.file_path << "\t" << r.sha256 << "\n";
}

}  // namespace

void register_report_commands(CLI::App& app, CliContext& ctx) {
    auto dirs = std::make_shared<std::vector<std::string>>();
    auto json = std::make_shared<bool>(false);
    auto* templates = app.add_subcommand("templates", "列出报表模板（id、名称、版本、文件夹）");
    templates->add_option("--templates-dir", *dirs, "另外查找模板的文件夹（优先）");
    templates->add_flag("--json", *json, "以 JSON 输出");
    templates->callback([dirs, json] { list_templates(*dirs, *json); });

    auto args = std::make_shared<ReportArgs>();
    auto* report = app.add_subcommand("report", "按模板生成 Excel 报表（一个工作簿，每个模板一个工作表）");
    report->add_option("templates", args->templates, "模板 id 或模板文件夹");
    report->add_option("--period", args->period, "报告期 YYYY-MM（1-N月累计）")->required();
    report->add_option("--scope", args->scope, "县（市、区）或开发区名称；不给出为全部");
    report->add_option("--out", args->out, "输出文件 .xlsx")->required();
    report->add_flag("--all", args->all, "生成全套标准报表");
    report->add_flag("--strict", args->strict, "报表前检查发现问题时不生成");
    report->add_option("--date", args->date, "报出日期 YYYY-MM-DD（默认今天）");
    report->add_flag("--no-record", args->no_record, "不记入报表生成记录");
    report->add_option("--templates-dir", args->template_dirs, "另外查找模板的文件夹（优先）");
    report->callback([&ctx, args] { run_report(ctx, *args); });

    auto limit = std::make_shared<int>(100);
    auto* reports = app.add_subcommand("reports", "已生成报表的记录（模板、版本、报告期、范围、时间、校验值）");
    reports->add_option("--limit", *limit, "最多显示条数");
    reports->callback([&ctx, limit] { list_runs(ctx, *limit); });
}

}  // namespace il::cli
