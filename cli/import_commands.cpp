// `import FILE …` and `presets …`: bringing existing ledgers (xlsx, xls, csv) into the database.
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/cli_context.h"
#include "core/db/dictionary_repository.h"
#include "core/db/dictionary_seed.h"
#include "core/import/errors_workbook.h"
#include "core/import/import_run.h"
#include "core/import/presets.h"
#include "core/util/utf8_path.h"

namespace il::cli {
namespace {

using import::ImportOptions;
using import::ImportPlan;
using import::ImportResult;
using import::Outcome;

struct ImportArgs {
    std::string file;
    std::string kind = "projects";
    std::string sheet;
    std::string preset;
    std::string save_preset;
    std::vector<std::string> sets;
    std::vector<std::string> maps;         // --map category:旧值=新值
    std::vector<std::string> add_missing;  // --add-missing categories
    bool dry_run = false;
    bool keep_good = false;
    bool json = false;
    bool show_mapping = false;
    bool kind_given = false;   // --kind on the command line (else a matching preset may choose it)
    bool no_preset = false;    // --no-preset: never pick a saved preset by the header
    std::string errors_out;
};

const char* outcome_name(Outcome o) {
    switch (o) {
        case Outcome::New: return "new";
        case Outcome::Changed: return "changed";
        case Outcome::Unchanged: return "unchanged";
    }
    return "";
}

nlohmann::json plan_json(const ImportPlan& plan, const ImportResult& res, const std::string& errors_file) {
    nlohmann::json j;
    j["file"] = plan.source_name;
    j["kind"] = import::kind_name(plan.kind);
    j["new"] = res.added;
    j["updated"] = res.updated;
    j["unchanged"] = res.unchanged;
    j["rejected"] = res.rejected;
    j["warned"] = plan.warned();
    j["written"] = res.written;
    j["message"] = res.message;
    if (res.backup) j["backup"] = res.backup->string();
    if (!errors_file.empty()) j["errors_file"] = errors_file;
    j["notes"] = plan.notes;
    nlohmann::json recs = nlohmann::json::array();
    for (const auto& r : plan.records) {
        nlohmann::json x = {{"sheet", r.source.sheet}, {"row", r.source.row}, {"outcome", outcome_name(r.outcome)},
                            {"record", r.display}};
        if (r.existing_id) x["id"] = r.existing_id;
        nlohmann::json ch = nlohmann::json::array();
        for (const auto& c : r.changes) ch.push_back({{"field", c.field}, {"old", c.old_value}, {"new", c.new_value}});
        x["changes"] = ch;
        nlohmann::json w = nlohmann::json::array();
        for (const auto& i : r.warnings) w.push_back({{"field", i.field}, {"reason", i.reason}});
        x["warnings"] = w;
        recs.push_back(std::move(x));
    }
    j["records"] = recs;
    nlohmann::json rej = nlohmann::json::array();
    for (const auto& r : plan.rejected)
        for (const auto& i : r.issues)
            rej.push_back({{"sheet", r.source.sheet}, {"row", r.source.row}, {"field", i.field}, {"reason", i.reason}});
    j["rejected_rows"] = rej;
    nlohmann::json maps = nlohmann::json::array();
    for (const auto& s : plan.sheets) {
        nlohmann::json m = import::mapping_to_json(s.mapping);
        m["sheet"] = s.layout.sheet;
        m["preset"] = s.preset_name;
        m["preset_auto"] = s.preset_auto;
        maps.push_back(std::move(m));
    }
    j["mappings"] = maps;
    nlohmann::json unknown = nlohmann::json::array();
    for (const auto& u : plan.unknown_values)
        unknown.push_back({{"field", u.field}, {"label", import::decision_field_label(u.field)}, {"value", u.value},
                           {"count", u.count}, {"first_sheet", u.first_sheet}, {"first_row", u.first_row},
                           {"suggestions", u.suggestions}});
    j["unknown_values"] = unknown;
    nlohmann::json added = nlohmann::json::array();
    for (const auto& a : plan.additions)
        added.push_back({{"field", a.field}, {"label", import::decision_field_label(a.field)}, {"name", a.name}, {"count", a.count}});
    j["added_entries"] = added;
    j["decisions"] = import::decisions_to_json(plan.decisions);
    return j;
}

void print_text(const ImportPlan& plan, const ImportResult& res, const ImportArgs& a, const std::string& errors_file) {
    std::cout << "导入 " << plan.source_name << "（" << import::kind_name(plan.kind) << "）"
              << (a.dry_run ? " — 试运行" : "") << "\n";
    for (const auto& n : plan.notes) std::cout << "  " << n << "\n";
    if (a.show_mapping)
        for (const auto& s : plan.sheets) {
            std::cout << "  列对应（" << s.layout.sheet << "）：\n";
            for (const auto& b : s.mapping.columns) {
                std::cout << "    第" << b.col + 1 << "列 “" << b.header << "” → ";
                if (b.field.empty()) std::cout << "（不导入" << (b.note.empty() ? "" : "：" + b.note) << "）";
                else {
                    std::cout << b.field;
                    if (b.month_from && b.month)
                        std::cout << " " << (b.year ? std::to_string(*b.year) + "年" : "") << *b.month_from << "-" << *b.month << "月";
                    else if (b.year) std::cout << " " << *b.year << (b.month ? "-" + std::to_string(*b.month) : "");
                    else if (b.field == "funds") std::cout << " 截至导入当天";
                    const import::FieldDef* f = import::find_field(s.mapping.kind, b.field);
                    bool amount = b.field == "completed_ytd" || b.field == "completed_month" || b.field == "funds" ||
                                  (f && (f->type == import::ValueType::Amount || f->type == import::ValueType::Money));
                    if (amount) std::cout << " [" << import::unit_name(b.unit, b.usd) << "]";
                }
                std::cout << "\n";
            }
        }
    std::cout << "新增 " << res.added << "，更新 " << res.updated << "，未变 " << res.unchanged << "，拒绝 " << res.rejected
              << "\n";
    for (const auto& r : plan.records) {
        if (r.outcome != Outcome::Changed) continue;
        std::cout << "  更新 " << r.display << "（" << r.source.sheet << " 第" << r.source.row << "行）\n";
        for (const auto& c : r.changes)
            std::cout << "    " << c.field << "：" << (c.old_value.empty() ? "（空）" : c.old_value) << " → "
                      << (c.new_value.empty() ? "（空）" : c.new_value) << "\n";
    }
    if (plan.warned() > 0) {
        std::cout << "资料不全（照常导入，记为提示）" << plan.warned() << " 条：\n";
        int shown = 0;
        for (const auto& r : plan.records) {
            if (r.warnings.empty()) continue;
            if (shown++ == 30) {
                std::cout << "  …（其余略，--json 或 --errors 文件列出全部）\n";
                break;
            }
            std::cout << "  " << r.source.sheet << " 第" << r.source.row << "行 " << r.display << "：";
            for (std::size_t i = 0; i < r.warnings.size(); ++i) std::cout << (i ? "；" : "") << r.warnings[i].reason;
            std::cout << "\n";
        }
    }
    if (!plan.unknown_values.empty()) {
        std::cout << "字典中没有的值（这些行被拒绝；用 --map 字段:旧值=新值 对应到已有条目，或 --add-missing 字段 新增）：\n";
        for (const auto& u : plan.unknown_values) {
            std::cout << "  " << import::decision_field_label(u.field) << "“" << u.value << "”：" << u.count << " 行（首见 "
                      << u.first_sheet << " 第" << u.first_row << "行）";
            if (!u.suggestions.empty()) {
                std::cout << "，可能是";
                for (std::size_t i = 0; i < u.suggestions.size(); ++i) std::cout << (i ? "、" : "") << u.suggestions[i];
            }
            std::cout << "\n";
        }
    }
    if (!plan.rejected.empty()) {
        std::cout << "被拒绝的行：\n";
        for (const auto& r : plan.rejected)
            for (const auto& i : r.issues)
                std::cout << "  " << r.source.sheet << " 第" << r.source.row << "行 " << (i.field.empty() ? "" : i.field + "：")
                          << i.reason << "\n";
    }
    if (!errors_file.empty())
        std::cout << (plan.rejected.empty() ? "资料不全的记录已写入 " : "错误行已写入 ") << errors_file << "（改正后可重新导入）\n";
    if (res.written) {
        std::cout << "已写入数据库";
        if (res.backup) std::cout << "；导入前的备份：" << res.backup->string();
        std::cout << "\n";
    } else if (!res.message.empty()) {
        std::cout << res.message << "\n";
    }
}

void run_import(CliContext& ctx, const ImportArgs& a) {
    ImportOptions o;
    auto kind = import::parse_kind(a.kind);
    if (!kind) throw ValidationError("--kind 应为 projects、renovations 或 deals");
    o.kind = *kind;
    o.sheet = a.sheet;
    o.dry_run = a.dry_run;
    o.keep_good = a.keep_good;
    o.source_name = il::path_utf8(il::u8path(a.file).filename());
    for (const auto& s : a.sets) {
        auto eq = s.find('=');
        if (eq == std::string::npos || eq == 0) throw ValidationError("--set 应写成 FIELD=VALUE：" + s);
        o.set_fields.emplace_back(s.substr(0, eq), s.substr(eq + 1));
    }
    for (const auto& m : a.maps) import::add_map_decision(o.decisions, m);
    for (const auto& m : a.add_missing) import::add_missing_decision(o.decisions, m);
    auto db = ctx.open(/*create=*/true);
    if (db::DictionaryRepository(*db).regions().empty())
        db::seed_dictionaries(*db, db::default_dictionaries_json());
    if (!a.preset.empty()) {
        auto p = import::load_preset(*db, a.preset);
        if (!p) throw NotFoundError("没有名为“" + a.preset + "”的导入方案（presets list 可列出全部）");
        if (p->kind != o.kind) o.kind = p->kind;
        o.preset = p->mapping;
        o.preset_name = p->name;
    }
    o.auto_preset = a.preset.empty() && !a.no_preset;
    if (!std::filesystem::exists(il::u8path(a.file))) throw FileError("文件不存在：" + a.file);
    import::Workbook wb = import::read_workbook(il::u8path(a.file));
    // No --kind: a preset saved for this header layout also says what the file holds
    if (o.auto_preset && !a.kind_given)
        if (auto p = import::preset_for_workbook(*db, wb, a.sheet); p && p->kind != o.kind) o.kind = p->kind;
    ImportPlan plan = import::plan_import(*db, wb, o);
    ImportResult res = import::apply_import(*db, plan, o);

    std::string errors_file;
    if (!a.errors_out.empty() && (!plan.rejected.empty() || plan.warned() > 0)) {
        import::write_errors_workbook(plan, a.errors_out);
        errors_file = a.errors_out;
    }
    // The decisions go with the preset: the next import of this layout needs no --map/--add-missing
    if (!a.save_preset.empty() && !plan.sheets.empty())
        import::save_preset(*db, a.save_preset, plan.sheets.front().mapping, &plan.decisions);
    else if (!o.decisions.empty() && res.written && !plan.sheets.empty() && !plan.sheets.front().preset_name.empty())
        import::save_preset_decisions(*db, plan.sheets.front().preset_name, plan.decisions);

    if (a.json) std::cout << plan_json(plan, res, errors_file).dump(2) << "\n";
    else print_text(plan, res, a, errors_file);

    bool nothing = res.added + res.updated + res.unchanged == 0;
    bool refused = res.rejected > 0 && !a.keep_good;
    if (nothing || refused) {
        if (!a.json) {
            if (nothing && res.rejected == 0) std::cerr << "错误：文件中没有可导入的记录\n";
            else if (nothing) std::cerr << "错误：所有行都被拒绝，没有导入任何数据\n";
            else if (!a.dry_run) std::cerr << "错误：" << res.message << "\n";
            else std::cerr << "错误：有 " << res.rejected << " 行会被拒绝，正式导入时将不写入任何数据（或加 --keep-good）\n";
        }
        throw ExitWith{kExitError};
    }
}

}  // namespace

void register_import_command(CLI::App& app, CliContext& ctx) {
    auto args = std::make_shared<ImportArgs>();
    auto* cmd = app.add_subcommand("import", "导入已有台账（.xlsx/.xls/.csv）：先检查，再一次性写入");
    cmd->add_option("file", args->file, "要导入的文件")->required();
    cmd->add_option("--kind", args->kind, "记录类别：projects（亿元以上项目，默认）、renovations（技改）、deals（招商）")
        ->check(CLI::IsMember({"projects", "renovations", "deals"}));
    cmd->add_option("--sheet", args->sheet, "只导入这个工作表（默认：所有能识别表头的工作表）");
    cmd->add_option("--preset", args->preset, "使用保存的导入方案（列对应）");
    cmd->add_option("--save-preset", args->save_preset, "把本次的列对应保存为导入方案");
    cmd->add_option("--set", args->sets, "为整个文件指定字段值，如 --set region=固安县、--set period=2017-06")
        ->allow_extra_args(false);
    cmd->add_option("--map", args->maps,
                    "把字典中没有的值对应到已有条目，如 --map category:传统产业改造升级=传统产业（字段：category、region、zone、"
                    "industry、nature、level；可重复）")
        ->allow_extra_args(false);
    cmd->add_option("--add-missing", args->add_missing,
                    "把字典中没有的值作为新条目加入字典：categories、regions、zones、industries（可重复或用逗号分隔）")
        ->allow_extra_args(false);
    cmd->add_flag("--dry-run", args->dry_run, "只检查并报告，不写入");
    cmd->add_flag("--keep-good", args->keep_good, "有错误行时仍导入正确的行");
    cmd->add_option("--errors", args->errors_out, "把被拒绝的行写入此 .xlsx（含“错误原因”列，改正后可重新导入）");
    cmd->add_flag("--json", args->json, "以 JSON 输出结果");
    cmd->add_flag("--mapping", args->show_mapping, "列出每一列对应的字段");
    cmd->add_flag("--no-preset", args->no_preset, "不按表头自动选用已保存的导入方案");
    cmd->callback([&ctx, args, cmd] {
        args->kind_given = cmd->count("--kind") > 0;
        run_import(ctx, *args);
    });

    auto* presets = app.add_subcommand("presets", "导入方案（保存的列对应）");
    presets->require_subcommand(1);
    auto* list = presets->add_subcommand("list", "列出导入方案");
    auto list_json = std::make_shared<bool>(false);
    list->add_flag("--json", *list_json, "以 JSON 输出");
    list->callback([&ctx, list_json] {
        auto db = ctx.open(false, true);
        auto all = import::list_presets(*db);
        if (*list_json) {
            nlohmann::json j = nlohmann::json::array();
            for (const auto& p : all)
                j.push_back({{"name", p.name}, {"kind", import::kind_name(p.kind)}, {"signature", p.signature}, {"mapping", p.mapping}});
            std::cout << j.dump(2) << "\n";
            return;
        }
        if (all.empty()) std::cout << "没有导入方案（导入时用 --save-preset NAME 保存）\n";
        for (const auto& p : all) {
            int mapped = 0;
            for (const auto& c : p.mapping.value("columns", nlohmann::json::array()))
                if (!c.value("field", std::string()).empty()) ++mapped;
            std::cout << p.name << "\t" << import::kind_name(p.kind) << "\t" << mapped << " 列\n";
        }
    });
    auto* show = presets->add_subcommand("show", "显示一个导入方案（JSON）");
    auto show_name = std::make_shared<std::string>();
    show->add_option("name", *show_name)->required();
    show->callback([&ctx, show_name] {
        auto db = ctx.open(false, true);
        auto p = import::load_preset(*db, *show_name);
        if (!p) throw NotFoundError("没有名为“" + *show_name + "”的导入方案");
        std::cout << p->mapping.dump(2) << "\n";
    });
    auto* del = presets->add_subcommand("delete", "删除一个导入方案");
    auto del_name = std::make_shared<std::string>();
    del->add_option("name", *del_name)->required();
    del->callback([&ctx, del_name] {
        auto db = ctx.open(false);
        import::delete_preset(*db, *del_name);
        std::cout << "已删除导入方案“" << *del_name << "”\n";
    });
}

}  // namespace il::cli
